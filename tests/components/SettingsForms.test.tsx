import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RemindersForm } from '../../components/RemindersForm';
import { RiskRulesForm } from '../../components/RiskRulesForm';
import { DEFAULT_REMINDERS } from '../../lib/settings/reminders';
import { DEFAULT_RISK_RULES } from '../../lib/settings/risk-rules';

describe('settings forms', () => {
  afterEach(cleanup);

  it('reminders: off by default; turning them on saves the hours, refusing an end before the start', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<RemindersForm value={DEFAULT_REMINDERS} onSave={onSave} />);
    const form = screen.getByRole('form', { name: 'Reminders' });
    const box = within(form).getByLabelText('Nudge me when no timer runs during my working hours');
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    fireEvent.change(within(form).getByLabelText('Working hours from'), { target: { value: '18:00' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(/start before the end/);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.change(within(form).getByLabelText('Working hours from'), { target: { value: '08:30' } });
    fireEvent.change(within(form).getByLabelText('At most every (minutes)'), { target: { value: '45' } });
    fireEvent.submit(form);
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith({ enabled: true, from: '08:30', to: '17:30', everyMinutes: 45 }));
  });

  it('risk flags: saves thresholds and blocked labels as typed, refuses out-of-range numbers', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<RiskRulesForm value={DEFAULT_RISK_RULES} onSave={onSave} />);
    const form = screen.getByRole('form', { name: 'Risk flags' });
    fireEvent.change(within(form).getByLabelText(/^Stale/), { target: { value: '0' } });
    fireEvent.submit(form);
    expect((await within(form).findByRole('alert')).textContent).toMatch(/whole number in its range/);
    fireEvent.change(within(form).getByLabelText(/^Stale/), { target: { value: '21' } });
    fireEvent.change(within(form).getByLabelText(/^Labels that mean blocked/), { target: { value: 'blocked, waiting on vendor ,, ' } });
    fireEvent.submit(form);
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith({ ...DEFAULT_RISK_RULES, staleDays: 21, blockedLabels: ['blocked', 'waiting on vendor'] }));
  });
});
