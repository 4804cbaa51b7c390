import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BudgetOverview } from '../../components/BudgetOverview';
import { FirstRun } from '../../components/FirstRun';
import { RecentItems } from '../../components/RecentItems';
import { TopRisks } from '../../components/TopRisks';
import { WeekTotals } from '../../components/WeekTotals';
import { cachedDashboard } from '../../components/useDashboard';
import type { BudgetViewData, DashboardData } from '../../lib/messaging/protocol';

const H = 3600;
const NOW = Date.parse('2026-11-26T15:00:00Z');
const GL1 = 'gitlab:gitlab.com/acme/platform/billing-service#1';

const view: BudgetViewData = {
  budget: { id: 'b', scope: { kind: 'container', key: 'gitlab:gitlab.com/acme/platform/billing-service#milestone:7' }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] },
  name: 'Invoicing v2',
  status: { percent: 90, level: 'warn', crossed: 80, spentSeconds: 36 * H, spentMoney: { amount: 306_000, currency: 'EUR' }, remainingSeconds: 4 * H },
  forecast: { burnPerDay: (36 * H) / 14, runsOutOn: '2026-11-30', atCompletionSeconds: 52 * H, overrunSeconds: 11 * H, dueDay: '2026-12-04' },
  unpricedSeconds: 0,
  risks: [{ rule: 'forecast-overrun', severity: 'warning', reason: 'Invoicing v2: the budget runs out on 2026-11-30.' }],
};

const data = (over: Partial<DashboardData> = {}): DashboardData => ({
  generatedAt: NOW,
  timer: { running: null },
  todayEntries: [{ id: 'a', itemKey: GL1, title: 'Invoice PDF', start: NOW - 2 * H * 1000, end: NOW - H * 1000, note: '' }],
  week: { from: '2026-11-23', ownSeconds: 5 * H, teamSeconds: 3 * H },
  budgets: [view],
  unbudgeted: [{ key: 'github:github.com/acme/checkout-web', name: 'acme/checkout-web', weekSeconds: 1.5 * H, totalSeconds: 2.5 * H }],
  risks: [],
  recent: [],
  sync: { pending: 0, failed: [], projects: [] },
  connections: 1,
  firstRun: false,
  ...over,
});

describe('popup dashboard pieces', () => {
  afterEach(cleanup);

  it('paints from the cached dashboard, and ignores a broken or foreign cache instead of failing', () => {
    const store = (value: string | null) => ({ getItem: () => value });
    expect(cachedDashboard(store(JSON.stringify(data())))?.week.ownSeconds).toBe(5 * H);
    expect(cachedDashboard(store('{not json'))).toBeNull();
    expect(cachedDashboard(store(JSON.stringify({ somethingElse: true })))).toBeNull();
    expect(cachedDashboard(store(null))).toBeNull();
  });

  it('adds a running timer to today and this week as it runs', () => {
    const running = data({ todayEntries: [{ id: 'r', itemKey: GL1, title: 'Invoice PDF', start: NOW - 30 * 60_000, end: null, note: '' }], week: { from: '2026-11-23', ownSeconds: 5 * H, teamSeconds: 0 } });
    render(<WeekTotals data={running} now={NOW} />);
    expect(screen.getByTestId('today-own').textContent).toBe('30m');
    expect(screen.getByTestId('week-own').textContent).toBe('5h 30m');
    expect(screen.queryByTestId('week-team')).toBeNull(); // no team time read back: no line for it
  });

  it('restarts a recent item with one click, and offers Stop for the one that runs', () => {
    const onStart = vi.fn();
    const onStop = vi.fn();
    const recent = [
      { key: GL1, title: 'Invoice PDF', url: 'https://gitlab.com/acme/platform/billing-service/-/issues/1', lastWorkedAt: NOW },
      { key: 'jira:acme.atlassian.net/PAY-10', title: null, url: 'https://acme.atlassian.net/browse/PAY-10', lastWorkedAt: NOW - 1000 },
    ];
    render(<RecentItems items={recent} runningKey="jira:acme.atlassian.net/PAY-10" onStart={onStart} onStop={onStop} />);
    fireEvent.click(screen.getByRole('button', { name: 'Start timer for Invoice PDF' }));
    expect(onStart).toHaveBeenCalledWith(GL1);
    const stop = screen.getByRole('button', { name: 'Stop timer for jira:acme.atlassian.net/PAY-10' });
    expect(stop.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(stop);
    expect(onStop).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: 'Invoice PDF' }).getAttribute('href')).toBe(recent[0]!.url);
  });

  it('names each top risk’s severity in words and links it to where it is', () => {
    render(
      <TopRisks
        risks={[
          { rule: 'overdue', severity: 'warning', subject: GL1, reason: '#1 was due on 2026-11-20.', label: '#1', url: 'https://gitlab.com/acme/platform/billing-service/-/issues/1' },
          { rule: 'over-budget', severity: 'critical', subject: 'gitlab:gitlab.com/acme/platform/billing-service#milestone:7', reason: 'Invoicing v2: 45h spent of 40h.', label: 'Invoicing v2', url: null },
        ]}
      />,
    );
    const [risk, budget] = screen.getAllByTestId('top-risk') as [HTMLElement, HTMLElement];
    expect(risk.textContent).toBe('⚠ Warning: #1 #1 was due on 2026-11-20.');
    // The reason's own "Invoicing v2: " is not repeated after the name; without a page, the name is not a link.
    expect(budget.textContent).toBe('⛔ Critical: Invoicing v2 45h spent of 40h.');
    expect(within(budget).queryByRole('link')).toBeNull();
    expect(within(risk).getByRole('link', { name: '#1' }).getAttribute('href')).toBe('https://gitlab.com/acme/platform/billing-service/-/issues/1');
  });

  it('shows spent against budget with the forecast, then the projects without a budget', () => {
    render(<BudgetOverview views={[view]} unbudgeted={data().unbudgeted} />);
    const row = screen.getByTestId('budget-overview');
    expect(row.getAttribute('data-level')).toBe('warn');
    expect(within(row).getByTestId('budget-spent').textContent).toMatch(/^36h \/ 40h · runs out \S+ \S+, due \S+ \S+$/);
    expect(screen.getByTestId('unbudgeted-project').textContent).toBe('acme/checkout-web 1h 30m this week · 2h 30m in all — no budget');
  });

  it('first run: connect a provider, and the demo project only where a demo exists', () => {
    const onConnect = vi.fn();
    const { rerender } = render(<FirstRun onConnect={onConnect} demoUrl={null} />);
    expect(screen.queryByRole('link', { name: 'Open the demo project' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Connect GitHub, GitLab or Jira' }));
    expect(onConnect).toHaveBeenCalledOnce();
    rerender(<FirstRun onConnect={onConnect} demoUrl="https://github.com/acme/checkout-web/issues" />);
    expect(screen.getByRole('link', { name: 'Open the demo project' }).getAttribute('href')).toBe('https://github.com/acme/checkout-web/issues');
  });
});
