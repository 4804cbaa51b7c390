import * as z from 'zod/mini';
import { timesheetMessages } from './protocol-timesheet';
import { timelineMessages } from './protocol-timeline';
import { dataMessages } from './protocol-data';
import { reportMessages } from './protocol-report';

/**
 * The one protocol between content scripts / extension pages and the background: request → response, every
 * request validated with zod (its tree-shakable `zod/mini` form: the worker parses less when a page wakes it) in the background before anything runs. `from` says who may send it: `content` requests
 * come from a provider page and can only concern that page's own item (derived from the sender's URL, never from the
 * payload); `extension` requests come only from Stint's own pages.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const count = () => z.number().check(z.nonnegative());

/** What the overlay found on its page: the integration health the popup shows. */
export const OverlayReport = z.object({
  /** The selector that matched the title anchor, or null when the floating fallback is in use. */
  anchor: z.nullable(text(300)),
  /** Display-only title read from the page (identity never comes from it). */
  title: z.nullable(text(500)),
});
export type OverlayReport = z.infer<typeof OverlayReport>;

export const TabHealth = z.object({
  tabId: z.int(),
  url: text(4096),
  itemKey: z.nullable(text(600)),
  pageKind: z.enum(['item', 'list', 'board']),
  anchor: z.nullable(text(300)),
  title: z.nullable(text(500)),
  reportedAt: z.number(),
});
export type TabHealth = z.infer<typeof TabHealth>;

const Running = z.nullable(z.object({ entryId: text(64), itemKey: text(600), start: z.number(), title: z.nullable(text(500)) }));

export const TimerState = z.object({ running: Running });
export type TimerState = z.infer<typeof TimerState>;

export const Risk = z.object({ rule: text(40), severity: z.enum(['info', 'warning', 'critical']), reason: text(1000) });

export const ItemTimerState = z.object({
  running: Running,
  itemKey: text(600),
  /** Everyone's finished time on the item; the view adds the running timer's elapsed time. */
  trackedSeconds: count(),
  ownSeconds: count(),
  estimateSeconds: z.nullable(count()),
  linked: z.array(z.object({ key: text(600), url: text(4096), title: z.nullable(text(10_000)), state: z.nullable(z.enum(['open', 'closed', 'merged'])), trackedSeconds: count() })).check(z.maxLength(20)),
  providerSpentSeconds: z.nullable(z.int()),
  remainingSeconds: z.nullable(count()),
  budget: z.nullable(z.object({ percent: z.nullable(z.number()), level: z.enum(['ok', 'watch', 'warn', 'over']), money: z.nullable(text(40)), against: z.enum(['budget', 'estimate']) })),
  plan: z.nullable(z.object({ name: text(10_000), percent: z.nullable(z.number()), level: z.enum(['ok', 'watch', 'warn', 'over']), money: z.nullable(text(40)), budgetSeconds: z.nullable(count()) })),
  risks: z.array(Risk).check(z.maxLength(8)),
  container: z.nullable(z.object({ kind: z.enum(['milestone', 'sprint', 'epic', 'iteration']), title: text(500), dueAt: z.nullable(z.number()) })),
});
export type ItemTimerState = z.infer<typeof ItemTimerState>;

/** The overlay's words in the person's language (content scripts do not load the message bundle themselves). */
const OverlayWords = z.record(z.string().check(z.maxLength(100)), z.string().check(z.maxLength(1000)));

export const SyncStatusView = z.object({
  pending: z.int().check(z.nonnegative()),
  failed: z.array(z.object({ entryId: text(64), itemKey: text(600), reason: text(1000) })).check(z.maxLength(1000)),
  projects: z.array(z.object({ key: text(600), writeBack: z.boolean(), lastSuccess: z.nullable(z.number()), lastError: z.nullable(text(1000)) })).check(z.maxLength(500)),
});
export type SyncStatusView = z.infer<typeof SyncStatusView>;

export const ItemBadge = z.object({
  key: text(600),
  trackedSeconds: count(),
  ownSeconds: count(),
  estimateSeconds: z.nullable(count()),
  risk: z.optional(z.nullable(Risk)),
});
export type ItemBadge = z.infer<typeof ItemBadge>;

/**
 * Every item of a project that has anything to show (time or an estimate). `complete`: that is all of them, so a row
 * of the project missing from `badges` has nothing to show; a project with too many to send says `complete: false`.
 */
export const ProjectBadges = z.object({ key: text(600), complete: z.boolean(), badges: z.array(ItemBadge).check(z.maxLength(2000)) });
export type ProjectBadges = z.infer<typeof ProjectBadges>;

export const TodayEntry = z.object({ id: text(64), itemKey: text(600), title: z.nullable(text(500)), start: z.number(), end: z.nullable(z.number()), note: text(2000) });
export type TodayEntry = z.infer<typeof TodayEntry>;

const Empty = z.strictObject({});

const ProviderName = z.enum(['github', 'gitlab', 'jira']);

/** A connection as Stint's pages see it: never the token. */
export const ConnectionView = z.object({
  id: text(64),
  provider: ProviderName,
  host: text(253),
  apiBase: text(2048),
  login: text(200),
  selfHosted: z.boolean(),
  addedAt: z.number(),
});
export type ConnectionView = z.infer<typeof ConnectionView>;

export const ConnectionRequest = z.strictObject({ provider: ProviderName, host: text(300), apiBase: z.optional(text(2048)), token: text(500), email: z.optional(text(320)) });
export type ConnectionRequest = z.infer<typeof ConnectionRequest>;

export const AwayPeriod = z.object({ entryId: text(64), since: z.number(), until: z.number() });
export type AwayPeriod = z.infer<typeof AwayPeriod>;

const Currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'a three-letter currency code, e.g. EUR'));
const MoneySchema = z.object({ amount: z.int().check(z.nonnegative(), z.maximum(1e13)), currency: Currency });

export const BudgetSchema = z.strictObject({
  id: text(64).check(z.minLength(1)),
  scope: z.strictObject({ kind: z.enum(['project', 'container', 'item']), key: text(700).check(z.minLength(3)) }),
  hours: z.nullable(z.number().check(z.positive(), z.maximum(1_000_000))),
  money: z.nullable(MoneySchema),
  period: z.enum(['total', 'monthly']),
  thresholds: z.array(z.number().check(z.positive(), z.maximum(1000))).check(z.maxLength(6)),
});

export const RateSchema = z.strictObject({
  id: text(64).check(z.minLength(1)),
  person: z.nullable(text(255)),
  projectKey: z.nullable(text(600)),
  perHour: z.int().check(z.nonnegative(), z.maximum(1e9)),
  currency: Currency,
});

const BudgetViewSchema = z.object({
  budget: BudgetSchema,
  name: text(10_000),
  status: z.object({ percent: z.nullable(z.number()), level: z.enum(['ok', 'watch', 'warn', 'over']), crossed: z.nullable(z.number()), spentSeconds: count(), spentMoney: z.nullable(MoneySchema), remainingSeconds: z.nullable(z.number()) }),
  forecast: z.object({ burnPerDay: z.number(), runsOutOn: z.nullable(text(10)), atCompletionSeconds: z.nullable(z.number()), overrunSeconds: z.nullable(z.number()), dueDay: z.nullable(text(10)) }),
  unpricedSeconds: count(),
  risks: z.array(Risk).check(z.maxLength(20)),
});
export type BudgetViewData = z.infer<typeof BudgetViewSchema>;

/** Budgets and rates: set from Stint's own pages only (rates are people's pay: never sent to a page). */
export const budgetMessages = {
  'budgets.list': { from: 'extension', request: Empty, response: z.array(BudgetSchema).check(z.maxLength(1000)) },
  'budgets.save': { from: 'extension', request: BudgetSchema, response: z.object({}) },
  'budgets.remove': { from: 'extension', request: z.strictObject({ id: text(64) }), response: z.object({}) },
  'rates.list': { from: 'extension', request: Empty, response: z.array(RateSchema).check(z.maxLength(1000)) },
  'rates.save': { from: 'extension', request: RateSchema, response: z.object({}) },
  'rates.remove': { from: 'extension', request: z.strictObject({ id: text(64) }), response: z.object({}) },
  /** The projects and milestones / sprints a budget can be set on. */
  'budgets.scopes': {
    from: 'extension',
    request: Empty,
    response: z.object({
      projects: z.array(z.object({ key: text(600), name: text(600) })).check(z.maxLength(1000)),
      containers: z.array(z.object({ key: text(700), name: text(2000), projectKey: text(600) })).check(z.maxLength(5000)),
    }),
  },
  /** Every budget's status, forecast and risks, most at risk first (the dashboard), from the rollups. */
  'budgets.overview': { from: 'extension', request: Empty, response: z.array(BudgetViewSchema).check(z.maxLength(1000)) },
} as const;

const DashboardRiskSchema = z.object({ ...Risk.shape, subject: text(700), label: text(10_000), url: z.nullable(text(4096)) });

export const DashboardSchema = z.object({
  generatedAt: z.number(),
  timer: TimerState,
  todayEntries: z.array(TodayEntry).check(z.maxLength(500)),
  week: z.object({ from: text(10), ownSeconds: count(), teamSeconds: count() }),
  budgets: z.array(BudgetViewSchema).check(z.maxLength(1000)),
  unbudgeted: z.array(z.object({ key: text(600), name: text(600), weekSeconds: count(), totalSeconds: count() })).check(z.maxLength(1000)),
  risks: z.array(DashboardRiskSchema).check(z.maxLength(20)),
  recent: z.array(z.object({ key: text(600), title: z.nullable(text(10_000)), url: text(4096), lastWorkedAt: z.number() })).check(z.maxLength(20)),
  sync: SyncStatusView,
  connections: count(),
  firstRun: z.boolean(),
});
export type DashboardData = z.infer<typeof DashboardSchema>;

export const protocol = {
  /**
   * A content script asks for its own item's timer (the item is the sender page's, never named in the payload). On
   * mount it also says where its button sits (as `overlay.report` would), so a page load is one round trip.
   */
  'item.state': { from: 'content', request: z.strictObject({ report: z.optional(OverlayReport), words: z.optional(z.boolean()) }), response: z.object({ ...ItemTimerState.shape, words: z.optional(OverlayWords) }) },
  /** The page's timer button: start this page's item (switching from whatever runs) or stop it if it runs. */
  'item.toggle': { from: 'content', request: Empty, response: ItemTimerState },
  /** Stop the timer, only if it runs for this page's item (a page cannot stop another item's timer). */
  'item.stop': { from: 'content', request: Empty, response: ItemTimerState },
  /**
   * A list or board page asks for the badges of all its visible rows at once (one round trip per batch). Every key
   * must be an item of the page's own host and provider; otherwise the whole request is refused. `projects` (of the
   * same host) asks for their whole badge maps too, so rows that appear later are badged without asking.
   */
  'items.badges': {
    from: 'content',
    request: z.strictObject({ keys: z.array(text(600)).check(z.minLength(1), z.maxLength(500)), projects: z.optional(z.array(text(600)).check(z.maxLength(10))), words: z.optional(z.boolean()) }),
    response: z.object({ badges: z.array(ItemBadge), projects: z.optional(z.array(ProjectBadges).check(z.maxLength(10))), words: z.optional(OverlayWords) }),
  },
  /**
   * The page's ✎ sets the user's own estimate for the page's item, as typed (`3h`, `1d 4h`: read by the background
   * with the user's working week); null clears it.
   */
  'item.setEstimate': { from: 'content', request: z.strictObject({ estimate: z.nullable(text(60)) }), response: ItemTimerState },
  /**
   * The page's ⚑ quick-sets the hours of the budget of the milestone / sprint the page's item is planned in (never any
   * other scope), as typed (`40h`, `5d`); null clears them.
   */
  'item.setPlanBudget': { from: 'content', request: z.strictObject({ hours: z.nullable(text(60)) }), response: ItemTimerState },
  /** Stint's pages: the running timer. */
  'timer.state': { from: 'extension', request: Empty, response: TimerState },
  /** Stint's pages: start (or switch to) an item the user picked, e.g. a recent one. */
  'timer.start': { from: 'extension', request: z.strictObject({ itemKey: text(600) }), response: TimerState },
  'timer.stop': { from: 'extension', request: Empty, response: TimerState },
  'timer.discard': { from: 'extension', request: Empty, response: TimerState },
  /** Stint's pages: time away (idle, locked, asleep) while the timer ran, waiting for the person's decision. */
  'away.state': { from: 'extension', request: Empty, response: z.nullable(AwayPeriod) },
  'away.resolve': { from: 'extension', request: z.strictObject({ decision: z.enum(['keep', 'discard', 'discard-and-stop']) }), response: TimerState },
  /** Options: the connected provider accounts (no tokens ever leave the background). */
  'connections.list': { from: 'extension', request: Empty, response: z.array(ConnectionView).check(z.maxLength(100)) },
  /** Options: try a token against its host without storing anything. */
  'connections.test': { from: 'extension', request: ConnectionRequest, response: z.object({ login: text(200) }) },
  /** Options: test, then store; for a self-hosted host, the page has asked for its permission first. */
  'connections.add': { from: 'extension', request: ConnectionRequest, response: ConnectionView },
  'connections.remove': { from: 'extension', request: z.strictObject({ id: text(64) }), response: z.object({}) },
  /** Stint's pages: what the sync is doing — waiting and failed writes, each project's last read. */
  'sync.status': { from: 'extension', request: Empty, response: SyncStatusView },
  /** Stint's pages: read every project and send waiting writes now. */
  'sync.now': { from: 'extension', request: Empty, response: SyncStatusView },
  /** Options: write this project's time back to its provider, or stop doing so. */
  'sync.setWriteBack': { from: 'extension', request: z.strictObject({ projectKey: text(600), writeBack: z.boolean() }), response: SyncStatusView },
  /** Stint's pages: try failed writes again (after fixing a token, say). */
  'sync.retryFailed': { from: 'extension', request: Empty, response: SyncStatusView },
  /** Stint's pages: today's own entries (the popup's list). */
  'entries.today': { from: 'extension', request: z.strictObject({ dayStart: z.number(), dayEnd: z.number() }), response: z.array(TodayEntry).check(z.maxLength(500)) },
  /** A content script says what it mounted on its page; the answer is the item key derived from the page URL. */
  'overlay.report': {
    from: 'content',
    request: OverlayReport,
    response: z.object({ itemKey: z.nullable(text(600)) }),
  },
  /** An extension page asks what Stint recognised in a tab. */
  'tab.health': {
    from: 'extension',
    request: z.object({ tabId: z.int().check(z.nonnegative()) }),
    response: z.nullable(TabHealth),
  },
  /** The popup: everything it shows in one answer (the local day's bounds come from the popup's clock). */
  'popup.dashboard': { from: 'extension', request: z.strictObject({ dayStart: z.number(), dayEnd: z.number() }), response: DashboardSchema },
  ...budgetMessages,
  ...timesheetMessages,
  ...timelineMessages,
  ...dataMessages,
  ...reportMessages,
} as const;

export type MessageType = keyof typeof protocol;
export type RequestOf<T extends MessageType> = z.infer<(typeof protocol)[T]['request']>;
export type ResponseOf<T extends MessageType> = z.infer<(typeof protocol)[T]['response']>;


/** The port Stint's own pages open to receive every timer change (`{ type: 'timer.state', state }`). */
export const VIEW_PORT = 'stint:views';
export interface ViewPortMessage {
  readonly type: 'timer.state';
  readonly state: TimerState;
}

/** The envelope on the wire. */
export const Envelope = z.object({ type: text(64), payload: z.unknown() });

/** Every answer: the data, or an error a person can read. */
export type Reply<T> = { readonly ok: true; readonly data: T } | { readonly ok: false; readonly error: string };
