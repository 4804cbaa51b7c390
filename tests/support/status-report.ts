import type { StatusReport } from '../../lib/core/status-report';

/**
 * A milestone's status report as the report writers get it: “Release 2.4” of `acme/billing`, 36 h of a 40 h,
 * €4,000 budget spent (90 %, nearly spent), a burn that runs out before the due date, Ana priced and Ben not,
 * one critical risk and one item at risk. Tests override what their story changes.
 */
export function statusReport(overrides: Partial<StatusReport> = {}): StatusReport {
  return {
    scope: { kind: 'container', key: 'gitlab:gitlab.com/acme/billing#milestone:7', name: 'Release 2.4', project: 'acme/billing' },
    asOf: Date.UTC(2026, 10, 26, 9, 30),
    budget: { hours: 40, money: { amount: 400_000, currency: 'EUR' }, period: 'total' },
    spentSeconds: 36 * 3600,
    spentMoney: { amount: 306_000, currency: 'EUR' },
    percent: 90,
    level: 'warn',
    remainingSeconds: 4 * 3600,
    forecast: { burnPerDaySeconds: 3 * 3600, runsOutOn: '2026-11-30', atCompletionSeconds: 50 * 3600, overrunSeconds: 5 * 3600, overrunMoney: '€425.00', dueDay: '2026-12-03' },
    people: [
      { person: 'ana', seconds: 20 * 3600, money: { amount: 170_000, currency: 'EUR' } },
      { person: 'ben', seconds: 16 * 3600, money: null },
    ],
    unpricedSeconds: 16 * 3600,
    risks: [{ severity: 'critical', reason: 'Release 2.4 will be 5h over its budget by Dec 3 at the current pace.' }],
    itemsAtRisk: [{ label: '#12', title: 'Checkout fails', severity: 'warning', reasons: ['Due in 2 working days with 10 % done.'] }],
    ...overrides,
  };
}
