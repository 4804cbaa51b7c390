import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EntryForm } from '../../components/timesheet/EntryForm';
import type { TimesheetEntryView } from '../../lib/messaging/protocol-timesheet';

const day = new Date(2026, 10, 24, 12).getTime(); // local noon, Tuesday 24 Nov 2026
const local = (h: number, m = 0) => new Date(2026, 10, 24, h, m).getTime();
const entry: TimesheetEntryView = { id: 'e1', itemKey: 'jira:acme.atlassian.net/PAY-10', start: local(9), end: local(10), note: 'review', billable: true, author: 'me', mine: true, sync: 'synced', writtenTo: ['jira'] };

describe('timesheet entry form', () => {
  afterEach(cleanup);

  it('adds an entry from a pasted address and a typed duration, and shows a refusal in the form', async () => {
    const onAdd = vi.fn().mockRejectedValueOnce(new Error('That overlaps another of your entries (Tue 24 Nov, 09:00–10:00).')).mockResolvedValue(undefined);
    render(<EntryForm items={[]} day={day} labelOf={(k) => k} onAdd={onAdd} />);
    const form = screen.getByRole('form', { name: 'Add an entry' });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toBe('Give an end time or a duration such as 1h 30m.');
    fireEvent.change(within(form).getByLabelText('Item address'), { target: { value: 'https://acme.atlassian.net/browse/PAY-10' } });
    fireEvent.change(within(form).getByLabelText('Start'), { target: { value: '09:30' } });
    fireEvent.input(within(form).getByLabelText('Duration'), { target: { value: '1h 30m' } });
    fireEvent.change(within(form).getByLabelText('Note'), { target: { value: 'pairing' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(/overlaps another of your entries/);
    expect(onAdd).toHaveBeenCalledWith({ item: { url: 'https://acme.atlassian.net/browse/PAY-10' }, start: local(9, 30), duration: '1h 30m', note: 'pairing', billable: true });
    fireEvent.submit(form);
    await waitFor(() => expect(within(form).queryByRole('alert')).toBeNull());
  });

  it('edits: whichever of end and duration was typed last decides; an end before the start is the next day', async () => {
    const onEdit = vi.fn().mockResolvedValue(undefined);
    render(<EntryForm entry={entry} items={[]} day={day} labelOf={(k) => k} onEdit={onEdit} />);
    const form = screen.getByRole('form', { name: 'Edit entry' });
    expect(within(form).getByLabelText<HTMLInputElement>('Duration').value).toBe('1h');
    fireEvent.input(within(form).getByLabelText('Duration'), { target: { value: '45m' } });
    fireEvent.submit(form);
    await waitFor(() => expect(onEdit).toHaveBeenLastCalledWith({ start: local(9), duration: '45m', note: 'review', billable: true }));
    fireEvent.change(within(form).getByLabelText('Start'), { target: { value: '23:00' } });
    fireEvent.input(within(form).getByLabelText('End'), { target: { value: '01:15' } });
    fireEvent.click(within(form).getByLabelText('Billable'));
    fireEvent.submit(form);
    await waitFor(() => expect(onEdit).toHaveBeenLastCalledWith({ start: local(23), end: local(25, 15), note: 'review', billable: false }));
  });
});
