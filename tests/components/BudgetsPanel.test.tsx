import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BudgetsPanel, readAmount, readThresholds, type BudgetsPanelProps } from '../../components/BudgetsPanel';

const PROJECT = 'gitlab:gitlab.com/acme/platform/billing-service';
const scopes = { projects: [{ key: PROJECT, name: 'acme/platform/billing-service' }], containers: [{ key: `${PROJECT}#milestone:7`, name: 'Invoicing v2 (acme/platform/billing-service)', projectKey: PROJECT }] };

function setup(over: Partial<BudgetsPanelProps> = {}) {
  const props: BudgetsPanelProps = {
    overview: [],
    rates: [],
    scopes,
    onSaveBudget: vi.fn(() => Promise.resolve()),
    onRemoveBudget: vi.fn(() => Promise.resolve()),
    onSaveRate: vi.fn(() => Promise.resolve()),
    onRemoveRate: vi.fn(() => Promise.resolve()),
    newId: () => 'new-id',
    ...over,
  };
  render(<BudgetsPanel {...props} />);
  return props;
}

describe('budgets and rates settings', () => {
  afterEach(cleanup);

  it('reads amounts and thresholds as people type them', () => {
    expect(readAmount('85')).toBe(8500);
    expect(readAmount('85,5')).toBe(8550);
    expect(readAmount(' 3400.05 ')).toBe(340_005);
    expect(readAmount('-3')).toBeNull();
    expect(readAmount('1e9')).toBeNull();
    expect(readThresholds('80, 50,100')).toEqual([50, 80, 100]);
    expect(readThresholds('50, lots')).toBeNull();
  });

  it('adds a milestone budget of 40 h, saying what is wrong first', async () => {
    const props = setup();
    const form = screen.getByRole('form', { name: 'Add a budget' });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Pick what the budget is for/);
    fireEvent.change(within(form).getByLabelText('For'), { target: { value: `${PROJECT}#milestone:7` } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toBe('Give the budget hours, money, or both.');
    fireEvent.change(within(form).getByLabelText('Hours'), { target: { value: '40' } });
    fireEvent.change(within(form).getByLabelText('Currency'), { target: { value: 'euro' } });
    fireEvent.change(within(form).getByLabelText('Money'), { target: { value: '3400' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toMatch(/three-letter code/);
    fireEvent.change(within(form).getByLabelText('Currency'), { target: { value: 'eur' } });
    fireEvent.submit(form);
    await vi.waitFor(() =>
      expect(props.onSaveBudget).toHaveBeenCalledWith({ id: 'new-id', scope: { kind: 'container', key: `${PROJECT}#milestone:7` }, hours: 40, money: { amount: 340_000, currency: 'EUR' }, period: 'total', thresholds: [50, 80, 100] }),
    );
    expect((await screen.findByRole('status')).textContent).toBe('Budget saved for Invoicing v2 (acme/platform/billing-service).');
  });

  it('adds a rate for a project, and lists budgets with where they stand and their risks', async () => {
    const props = setup({
      overview: [
        {
          budget: { id: 'b', scope: { kind: 'container', key: `${PROJECT}#milestone:7` }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] },
          name: 'Invoicing v2',
          status: { percent: 90, level: 'warn', crossed: 80, spentSeconds: 36 * 3600, spentMoney: { amount: 306_000, currency: 'EUR' }, remainingSeconds: 4 * 3600 },
          forecast: { burnPerDay: 9257, runsOutOn: '2026-11-30', atCompletionSeconds: null, overrunSeconds: 41_143, dueDay: '2026-12-04' },
          unpricedSeconds: 0,
          risks: [{ rule: 'forecast-overrun', severity: 'warning', reason: 'Invoicing v2: at 2h 34m a working day, the budget runs out on 2026-11-30.' }],
        },
      ],
      rates: [{ id: 'r', person: null, projectKey: PROJECT, perHour: 8500, currency: 'EUR' }],
    });
    const budget = screen.getByTestId('budget');
    expect(budget.getAttribute('data-level')).toBe('warn');
    expect(budget.textContent).toContain('36h of 40 h · €3,060.00 · 90 % — nearly spent');
    expect(budget.textContent).toContain('runs out on 2026-11-30 at 2h 34m a working day');
    expect(within(budget).getByRole('list', { name: 'Risks of Invoicing v2' }).textContent).toContain('the budget runs out on 2026-11-30');
    expect(screen.getByTestId('rate').textContent).toContain('Everyone · acme/platform/billing-service · €85.00 / h');
    const form = screen.getByRole('form', { name: 'Add a rate' });
    fireEvent.change(within(form).getByLabelText(/Person/), { target: { value: 'ben.okafor' } });
    fireEvent.change(within(form).getByLabelText('Project'), { target: { value: PROJECT } });
    fireEvent.change(within(form).getByLabelText('Per hour'), { target: { value: '92.5' } });
    fireEvent.submit(form);
    await vi.waitFor(() => expect(props.onSaveRate).toHaveBeenCalledWith({ id: 'new-id', person: 'ben.okafor', projectKey: PROJECT, perHour: 9250, currency: 'EUR' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove the budget of Invoicing v2' }));
    await vi.waitFor(() => expect(props.onRemoveBudget).toHaveBeenCalledWith('b'));
  });
});
