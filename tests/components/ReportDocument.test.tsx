import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReportDocument } from '../../components/report/ReportDocument';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import type { StatusReport } from '../../lib/core/status-report';

const HOSTILE = '<img src=x onerror="alert(1)"><a href="https://evil.example">win</a>';
const report: StatusReport = {
  scope: { kind: 'container', key: 'gitlab:gitlab.com/acme/billing#milestone:7', name: HOSTILE, project: 'acme/billing' },
  asOf: Date.UTC(2026, 10, 26, 9, 30),
  budget: { hours: 40, money: null, period: 'total' },
  spentSeconds: 36 * 3600,
  spentMoney: { amount: 306_000, currency: 'EUR' },
  percent: 90,
  level: 'warn',
  remainingSeconds: 4 * 3600,
  forecast: { burnPerDaySeconds: 3 * 3600, runsOutOn: '2026-11-30', atCompletionSeconds: null, overrunSeconds: 0, overrunMoney: null, dueDay: '2026-12-03' },
  people: [{ person: HOSTILE, seconds: 36 * 3600, money: { amount: 306_000, currency: 'EUR' } }],
  unpricedSeconds: 0,
  risks: [{ severity: 'critical', reason: `${HOSTILE} is over budget.` }],
  itemsAtRisk: [{ label: '#2', title: HOSTILE, severity: 'warning', reasons: ['Due tomorrow.'] }],
};

describe('the report page’s document', () => {
  afterEach(cleanup);

  it('shows the percent and money, the figures, people and risks — provider text as text, never as elements', () => {
    const { container } = render(<ReportDocument report={report} format={{ locale: 'en-US', timeZone: 'UTC', week: STANDARD_WORK_WEEK }} />);
    expect(screen.getByTestId('report-percent').textContent).toBe('90 %');
    expect(screen.getByTestId('report-money').textContent).toBe('€3,060.00');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`Status report: ${HOSTILE}`);
    expect(within(screen.getByRole('table')).getByRole('rowheader').textContent).toBe(HOSTILE);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([`Critical: ${HOSTILE} is over budget.`, `Warning: #2 ${HOSTILE} — Due tomorrow.`]);
    expect(container.querySelectorAll('img, a, script')).toHaveLength(0);
    expect(screen.getByText('Forecast at due date').nextElementSibling?.textContent).toBe('within budget');
  });
});
