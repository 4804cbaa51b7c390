import * as z from 'zod/mini';

/**
 * The status report's messages (spread into `protocol`). Defined apart, with their own schemas: protocol.ts imports
 * this file, so importing it back would read its exports before they exist.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.number().check(z.nonnegative());
const Money = z.object({ amount: z.int(), currency: text(3) });
const Severity = z.enum(['info', 'warning', 'critical']);
const Day = z.nullable(text(10));

export const StatusReportSchema = z.object({
  scope: z.object({ kind: z.enum(['project', 'container']), key: text(700), name: text(10_000), project: text(600) }),
  asOf: z.number(),
  budget: z.nullable(z.object({ hours: z.nullable(z.number()), money: z.nullable(Money), period: z.enum(['total', 'monthly']) })),
  spentSeconds: count(),
  spentMoney: z.nullable(Money),
  percent: z.nullable(z.number()),
  level: z.enum(['ok', 'watch', 'warn', 'over']),
  remainingSeconds: z.nullable(z.number()),
  forecast: z.object({ burnPerDaySeconds: count(), runsOutOn: Day, atCompletionSeconds: z.nullable(count()), overrunSeconds: z.nullable(count()), overrunMoney: z.nullable(text(60)), dueDay: Day }),
  people: z.array(z.object({ person: text(300), seconds: count(), money: z.nullable(Money) })).check(z.maxLength(2000)),
  unpricedSeconds: count(),
  risks: z.array(z.object({ severity: Severity, reason: text(2000) })).check(z.maxLength(50)),
  itemsAtRisk: z.array(z.object({ label: text(200), title: z.nullable(text(10_000)), severity: Severity, reasons: z.array(text(2000)).check(z.maxLength(20)) })).check(z.maxLength(100)),
});

/** How the person reads: their locale and time zone (the page's), so the Markdown says dates as they do. */
const Reader = { locale: text(35), timeZone: text(64) };
const ScopeKey = text(700);

export const reportMessages = {
  /** The status report of a project or milestone / sprint (a key from `budgets.scopes`), with its Markdown. */
  'report.build': {
    from: 'extension',
    request: z.strictObject({ scope: ScopeKey, ...Reader }),
    response: z.object({ report: StatusReportSchema, markdown: text(500_000), title: text(10_100) }),
  },
  /**
   * Queue the report as a comment on the issue / MR / Jira issue at `targetUrl` (an item of a connected provider);
   * the outbox posts it once. Answers the report's id for `report.status`.
   */
  'report.post': {
    from: 'extension',
    request: z.strictObject({ scope: ScopeKey, targetUrl: text(4096), ...Reader }),
    response: z.object({ id: text(64), itemKey: text(600), label: text(200) }),
  },
  /** How a queued post went: queued (with the last failure, if any), posted, or failed until the person acts. */
  'report.status': {
    from: 'extension',
    request: z.strictObject({ id: text(64) }),
    response: z.nullable(z.object({ state: z.enum(['queued', 'posted', 'failed']), reason: z.nullable(text(1000)), itemKey: text(600) })),
  },
} as const;
