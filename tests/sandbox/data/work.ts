import type { Random } from './random.ts';

/** Shared vocabulary and helpers the per-provider seeds use to make believable work. */

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

const VERBS = ['Add', 'Fix', 'Refactor', 'Migrate', 'Document', 'Speed up', 'Harden', 'Split', 'Remove', 'Support', 'Validate', 'Cache'];

export const SUBJECTS: Record<string, readonly string[]> = {
  checkout: ['the payment sheet', 'Apple Pay button', 'card form validation', 'coupon field', '3-D Secure redirect', 'order summary', 'address autocomplete', 'checkout analytics events', 'guest checkout', 'currency switcher', 'receipt e-mail', 'saved cards list'],
  mobile: ['push notification opt-in', 'biometric login', 'offline cart', 'deep links to orders', 'dark mode palette', 'crash on Android 15 resume', 'wallet pass export', 'onboarding carousel'],
  billing: ['invoice PDF renderer', 'proration on plan change', 'dunning e-mails', 'VAT number check', 'usage-based metering', 'webhook retries', 'ledger reconciliation job', 'refund API', 'credit notes', 'Stripe event idempotency'],
  infra: ['blue/green deploy script', 'Terraform state locking', 'staging database snapshot', 'log retention policy', 'Kubernetes HPA limits', 'CI cache for node_modules', 'secret rotation runbook'],
  payments: ['SEPA mandate flow', 'payout scheduling', 'fraud score threshold', 'chargeback evidence upload', 'FX rate provider fallback', 'merchant onboarding KYC', 'settlement report export', 'PSD2 SCA exemptions', 'instant payouts', 'payment links'],
  ops: ['on-call rotation', 'PagerDuty escalation', 'status page automation', 'backup restore drill', 'TLS certificate renewal', 'SLO dashboard', 'incident postmortem template'],
  portal: ['team directory search', 'SSO login page', 'audit log viewer', 'API key management', 'usage charts'],
  runner: ['Docker executor timeout', 'artifact upload retries', 'runner autoscaling', 'job log truncation'],
};

export function title(rand: Random, domain: string): string {
  const subjects = SUBJECTS[domain] ?? SUBJECTS.checkout ?? [];
  return `${rand.pick(VERBS)} ${rand.pick(subjects)}`;
}

export function body(rand: Random, headline: string): string {
  const why = rand.pick([
    'Customers reported this in support tickets last week.',
    'Needed for the next release; product signed off on the scope.',
    'Follow-up from the incident review.',
    'Blocking the partner integration.',
    'Found while profiling the hot path.',
  ]);
  return `## Context\n${why}\n\n## Done when\n- [ ] ${headline.toLowerCase()} works end to end\n- [ ] tests cover the edge cases\n- [ ] docs updated`;
}

export const ESTIMATE_HOURS = [1, 2, 3, 4, 5, 6, 8, 12, 16, 24] as const;

/** A time log: who, when it started, how long. */
export interface LogDraft {
  readonly personId: string;
  readonly start: number;
  readonly seconds: number;
  readonly note: string;
}

const NOTES = ['Implementation', 'Code review', 'Pairing with QA', 'Investigating the failure', 'Writing tests', 'Refined the approach', 'Release prep', ''];

/** Midnight UTC of the day `ms` falls in. */
export function startOfDay(ms: number): number {
  return Math.floor(ms / DAY) * DAY;
}

const SESSIONS = 6;

/**
 * 0–6 work sessions between `from` and `to` by the item's people, on working hours, 15 min – 4 h each in 5-minute steps.
 * Sessions of one person never overlap (each day holds at most one session per person per item). Always draws the
 * same number of values, whatever `from` and `to` are, so the caller's later draws never depend on them.
 */
export function timeLogs(rand: Random, people: readonly string[], from: number, to: number, intensity: number): LogDraft[] {
  const count = Math.min(SESSIONS, Math.round(rand.next() * SESSIONS * intensity));
  const drafts = Array.from({ length: SESSIONS }, () => ({ person: rand.next(), day: rand.next(), hour: rand.int(0, 5), minute: rand.int(0, 11), steps: rand.int(3, 48), note: rand.pick(NOTES) }));
  if (people.length === 0 || to - from < HOUR) return [];
  const used = new Set<string>();
  const logs: LogDraft[] = [];
  for (const draft of drafts.slice(0, count)) {
    const personId = people[Math.floor(draft.person * people.length)] as string;
    const dayStart = startOfDay(from + draft.day * (to - from));
    const slot = `${personId}@${dayStart}`;
    if (used.has(slot)) continue;
    used.add(slot);
    const start = dayStart + (8 + draft.hour) * HOUR + draft.minute * 5 * MINUTE;
    const seconds = draft.steps * 5 * 60;
    if (start + seconds * 1000 > to) continue;
    logs.push({ personId, start, seconds, note: draft.note });
  }
  return logs.sort((a, b) => a.start - b.start);
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `1h 30m` style, as the GitHub comment markers and the demo data say it. */
export function humanDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.round((seconds % 3600) / 60);
  return [h ? `${h}h` : '', m ? `${m}m` : ''].filter(Boolean).join(' ') || '0m';
}

/** A deterministic UUID v4-shaped id (entry ids carried in remote markers). */
export function uuid(rand: Random): string {
  const h = rand.hex(32);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
