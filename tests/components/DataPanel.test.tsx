import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataPanel, type DataPanelProps } from '../../components/DataPanel';
import type { ImportSummaryView } from '../../lib/messaging/protocol-data';

const zero = { new: 0, changed: 0, unchanged: 0 };
const summary = (over: Partial<ImportSummaryView> = {}): ImportSummaryView => ({
  kind: 'toggl',
  counts: { entries: { new: 2, changed: 0, unchanged: 1 }, items: { new: 1, changed: 0, unchanged: 0 }, projects: zero, containers: zero, budgets: zero, rates: zero, baselines: zero },
  settings: [],
  rejected: [{ row: 4, reason: 'The duration “-00:30:00” is negative.', text: 'Ana, , Fix' }],
  rejectedCount: 1,
  unmatched: [{ row: 6, reason: 'No issue URL, and no key of a Jira project Stint knows, in the description or task.', text: 'Lunch' }],
  unmatchedCount: 1,
  unknownColumns: ['Mood'],
  dates: { order: 'mdy', ambiguous: true },
  writeBack: false,
  nothingToChange: false,
  token: 'tok-1',
  ...over,
});

function setup(over: Partial<DataPanelProps> = {}) {
  const props: DataPanelProps = {
    exportCsv: vi.fn(() => Promise.resolve({ csv: 'User,…', entries: 2 })),
    exportBackup: vi.fn(() => Promise.resolve({ json: '{"format":"stint-backup"}', entries: 5 })),
    preview: vi.fn((_text: string, writeBack: boolean) => Promise.resolve(summary({ writeBack, token: writeBack ? 'tok-2' : 'tok-1' }))),
    apply: vi.fn(() => Promise.resolve({ summary: summary(), queued: 0 })),
    download: vi.fn(),
    today: '2026-11-26',
    ...over,
  };
  render(<DataPanel {...props} />);
  return props;
}

const choose = (file: File) => fireEvent.change(screen.getByLabelText(/^Import a file/), { target: { files: [file] } });
const csvFile = () => new File(['User,Email\r\n'], 'toggl.csv', { type: 'text/csv' });

describe('Export and import panel', () => {
  afterEach(cleanup);

  it('exports the chosen days as CSV (local midnight to the end of the last day) and the backup, as downloads', async () => {
    const props = setup();
    const form = screen.getByRole('form', { name: 'Export CSV' });
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '2026-11-02' } });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '2026-11-03' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Export CSV' }));
    expect((await screen.findByRole('status')).textContent).toBe('Exported 2 entries.');
    expect(props.exportCsv).toHaveBeenCalledWith(new Date('2026-11-02T00:00').getTime(), new Date('2026-11-04T00:00').getTime());
    expect(props.download).toHaveBeenCalledWith('stint-entries-2026-11-02-to-2026-11-03.csv', 'User,…', 'text/csv;charset=utf-8');
    fireEvent.click(screen.getByRole('button', { name: 'Export backup' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Backup saved (5 entries; no tokens).'));
    expect(props.download).toHaveBeenCalledWith('stint-backup-2026-11-26.json', '{"format":"stint-backup"}', 'application/json');
  });

  it('says what is wrong with a range that ends before it starts', async () => {
    const props = setup();
    const form = screen.getByRole('form', { name: 'Export CSV' });
    fireEvent.change(within(form).getByLabelText('From'), { target: { value: '2026-11-05' } });
    fireEvent.change(within(form).getByLabelText('To'), { target: { value: '2026-11-03' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe('Pick a start day and an end day on or after it.');
    expect(props.exportCsv).not.toHaveBeenCalled();
  });

  it('shows the dry run — counts, rows left out and rows without an item, each with its reason — and cancelling writes nothing', async () => {
    const props = setup();
    choose(csvFile());
    const shown = await screen.findByTestId('import-summary');
    expect(props.preview).toHaveBeenCalledWith('User,Email\r\n', false);
    expect(within(shown).getByRole('heading').textContent).toBe('toggl.csv: a Toggl Track report');
    const entriesRow = within(shown).getByRole('row', { name: /Time entries/ });
    expect(within(entriesRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2', '0', '1']);
    const left = within(shown).getByRole('table', { name: 'Rows left out (1)' });
    expect(within(left).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', 'The duration “-00:30:00” is negative.', 'Ana, , Fix']);
    expect(within(shown).getByRole('table', { name: /^Rows without a known item/ }).textContent).toContain('Lunch');
    expect(shown.textContent).toContain('Columns Stint does not use, ignored: Mood.');
    expect(shown.textContent).toContain('read month first');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('status').textContent).toBe('Import cancelled: nothing was written.');
    expect(screen.queryByTestId('import-summary')).toBeNull();
    expect(props.apply).not.toHaveBeenCalled();
  });

  it('applies the previewed plan by its token, and asks again when “also write to the providers” changes', async () => {
    const props = setup({ apply: vi.fn(() => Promise.resolve({ summary: summary(), queued: 2 })) });
    choose(csvFile());
    await screen.findByTestId('import-summary');
    fireEvent.click(screen.getByLabelText(/^Also write imported CSV entries/));
    await vi.waitFor(() => expect(props.preview).toHaveBeenLastCalledWith('User,Email\r\n', true));
    fireEvent.click(await screen.findByRole('button', { name: 'Apply' }));
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Imported toggl.csv: 2 new entries, 0 changed, 2 writes queued for the providers.'));
    expect(props.apply).toHaveBeenCalledWith('User,Email\r\n', true, 'tok-2');
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });

  it('says when there is nothing to change, and offers no Apply', async () => {
    setup({ preview: vi.fn(() => Promise.resolve(summary({ kind: 'backup', nothingToChange: true, rejectedCount: 0, rejected: [], unmatched: [], unmatchedCount: 0, unknownColumns: [], dates: null, settings: [{ name: 'workWeek', outcome: 'unchanged' }] }))) });
    choose(new File(['{}'], 'stint-backup.json'));
    const shown = await screen.findByTestId('import-summary');
    expect(screen.getByRole('status').textContent).toBe('Nothing to change: everything in this file is already here.');
    expect(within(shown).getByRole('row', { name: /Budgets/ })).toBeTruthy();
    expect(within(shown).getByRole('list', { name: 'Settings' }).textContent).toBe('Working week: unchanged');
    expect(screen.queryByRole('button', { name: 'Apply' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('refuses a CSV over 8 MB or a backup over 32 MB before reading it, and shows the background’s reasons as alerts', async () => {
    const props = setup({ preview: vi.fn(() => Promise.reject(new Error('This is not a Toggl Track or Clockify detailed report.'))) });
    const big = csvFile();
    Object.defineProperty(big, 'size', { value: 9_000_000 });
    choose(big);
    expect((await screen.findByRole('alert')).textContent).toBe('toggl.csv is 9.0 MB; Stint imports CSV files up to 8 MB. Export a shorter date range.');
    const huge = new File(['{}'], 'stint-backup.json');
    Object.defineProperty(huge, 'size', { value: 33_000_000 });
    choose(huge);
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('stint-backup.json is 33.0 MB; Stint imports backups up to 32 MB.'));
    expect(props.preview).not.toHaveBeenCalled();
    choose(csvFile());
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toBe('This is not a Toggl Track or Clockify detailed report.'));
  });
});
