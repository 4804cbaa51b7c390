import * as z from 'zod/mini';

/** The side panel: a project's timeline, burn-ups and team load (Stint's own pages only). */

const text = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.number().check(z.nonnegative());
const Day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const Level = z.enum(['ok', 'watch', 'warn', 'over']);
const RiskView = z.object({ rule: text(40), severity: z.enum(['info', 'warning', 'critical']), reason: text(1000) });

export const TimelineItem = z.object({
  key: text(600),
  label: text(80),
  title: z.nullable(text(500)),
  url: text(4096),
  containerKey: z.nullable(text(700)),
  startDay: Day,
  dueDay: z.nullable(Day),
  endDay: Day,
  open: z.boolean(),
  spentSeconds: count(),
  estimateSeconds: z.nullable(count()),
  assignees: z.array(text(255)).check(z.maxLength(20)),
  risk: z.nullable(RiskView),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelineContainer = z.object({ key: text(700), kind: z.enum(['milestone', 'sprint', 'epic', 'iteration']), title: text(500), startDay: z.nullable(Day), dueDay: z.nullable(Day) });
export type TimelineContainer = z.infer<typeof TimelineContainer>;

/** A burn-up chart: the series are aligned with `days`; the figures in words come from the budget's own view. */
export const BurnUpView = z.object({
  scopeKey: text(700),
  kind: z.enum(['project', 'container']),
  name: text(600),
  days: z.array(Day).check(z.maxLength(2000)),
  spent: z.array(z.nullable(z.number())).check(z.maxLength(2000)),
  projected: z.array(z.nullable(z.number())).check(z.maxLength(2000)),
  budgetSeconds: z.nullable(count()),
  spentSeconds: count(),
  dueDay: z.nullable(Day),
  burnPerDay: count(),
  overrunSeconds: z.nullable(count()),
  /** What the popup's budget overview and the page's plan chip show for the same budget. */
  budget: z.nullable(z.object({ id: text(64), percent: z.nullable(z.number()), level: Level, spentMoney: z.nullable(text(40)), risk: z.nullable(RiskView) })),
});
export type BurnUpView = z.infer<typeof BurnUpView>;

export const ProjectTimeline = z.object({
  projectKey: text(600),
  name: text(600),
  /** Whether Stint keeps the project in sync (if not, the panel says how to start). */
  tracked: z.boolean(),
  today: Day,
  containers: z.array(TimelineContainer).check(z.maxLength(2000)),
  items: z.array(TimelineItem).check(z.maxLength(5000)),
  /** Items left out beyond the 5,000 sent (the most recently updated are kept). */
  omitted: count(),
  loggedByDay: z.array(z.object({ day: Day, seconds: count() })).check(z.maxLength(2000)),
  burnUps: z.array(BurnUpView).check(z.maxLength(200)),
});
export type ProjectTimeline = z.infer<typeof ProjectTimeline>;

export const PersonLoadView = z.object({
  person: text(255),
  weekSeconds: count(),
  remainingSeconds: count(),
  capacitySeconds: count(),
  until: z.nullable(Day),
  overAllocated: z.boolean(),
  reason: z.nullable(text(1000)),
});
export type PersonLoadView = z.infer<typeof PersonLoadView>;

export const timelineMessages = {
  /** The project a tab shows (its item's, its list's, or a tracked project its URL lies under), or null. */
  'timeline.tabProject': { from: 'extension', request: z.strictObject({ tabId: z.int().check(z.nonnegative()) }), response: z.object({ projectKey: z.nullable(text(600)) }) },
  /** The projects to choose from. */
  'timeline.projects': { from: 'extension', request: z.strictObject({}), response: z.array(z.object({ key: text(600), name: text(600) })).check(z.maxLength(1000)) },
  'timeline.project': { from: 'extension', request: z.strictObject({ projectKey: text(600) }), response: ProjectTimeline },
  /** Per person: this week's time and the remaining estimate against capacity; with a project, its people only. */
  'timeline.team': { from: 'extension', request: z.strictObject({ projectKey: z.optional(text(600)) }), response: z.array(PersonLoadView).check(z.maxLength(500)) },
} as const;
