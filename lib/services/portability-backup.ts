import * as z from 'zod/mini';
import type { Budget } from '../core/budget';
import type { TimeEntry } from '../core/entry';
import type { Rate } from '../core/money';
import { BACKUP_FORMAT, BACKUP_VERSION, type StintBackup } from '../core/portability/backup';
import type { TrackedProject } from '../core/sync';
import type { PlannedContainer, WorkItem } from '../core/work-item';
import { t } from '../i18n';
import { issueText } from '../messaging/issue-text';

/**
 * The backup file's shape, checked before anything is planned: every record the store would take is validated here
 * (lib/core stays free of zod). Bounded: a file can hold at most these many records of each kind.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const key = text(700).check(z.minLength(1));
const epoch = z.number().check(z.gte(0), z.lte(8.64e15));
const Provider = z.enum(['github', 'gitlab', 'jira']);
const Currency = z.string().check(z.regex(/^[A-Z]{3}$/));
const many = <T extends z.core.SomeType>(schema: T, max: number) => z.array(schema).check(z.maxLength(max));

const RemoteRef = z.strictObject({ id: text(200), version: z.nullable(text(200)) });

// Loose objects: a field a later Stint adds to a record is carried through a restore, not a reason to refuse the file.
const Entry = z
  .looseObject({
    id: text(64).check(z.minLength(1)),
    itemKey: key,
    start: epoch,
    end: z.nullable(epoch),
    note: text(10_000),
    billable: z.boolean(),
    author: text(255),
    origin: z.enum(['local', 'github', 'gitlab', 'jira']),
    remote: z.strictObject({ github: z.optional(RemoteRef), gitlab: z.optional(RemoteRef), jira: z.optional(RemoteRef) }),
    sync: z.enum(['local', 'pending', 'synced', 'failed']),
    updatedAt: epoch,
    deletedAt: z.nullable(epoch),
  })
  .check(z.refine((e) => e.end === null || e.end >= e.start, { error: 'an entry ends before it starts', params: { problem: 'ends-before-start' } })) satisfies z.ZodMiniType<TimeEntry>;

/** Items keep every provider-filled field they had (all optional, many kinds); the identity and times are checked. */
const Item = z.looseObject({
  key,
  provider: Provider,
  kind: z.enum(['issue', 'pr', 'mr']),
  url: text(4096),
  title: z.nullable(text(10_000)),
  updatedAt: epoch,
}) as unknown as z.ZodMiniType<WorkItem>;

const Project = z.looseObject({ key, provider: Provider, host: text(253), project: text(600), writeBack: z.boolean(), addedAt: epoch }) satisfies z.ZodMiniType<TrackedProject>;

const Container = z.looseObject({
  key,
  projectKey: key,
  kind: z.enum(['milestone', 'sprint', 'epic', 'iteration']),
  id: text(200),
  title: text(2000),
  startsAt: z.nullable(epoch),
  dueAt: z.nullable(epoch),
  state: z.nullable(z.enum(['active', 'future', 'closed'])),
  completedAt: z.nullable(epoch),
}) as unknown as z.ZodMiniType<PlannedContainer>;

const Money = z.strictObject({ amount: z.int().check(z.nonnegative(), z.maximum(1e13)), currency: Currency });
const BudgetRecord = z.strictObject({
  id: text(64).check(z.minLength(1)),
  scope: z.strictObject({ kind: z.enum(['project', 'container', 'item']), key }),
  hours: z.nullable(z.number().check(z.positive(), z.maximum(1_000_000))),
  money: z.nullable(Money),
  period: z.enum(['total', 'monthly']),
  thresholds: many(z.number().check(z.positive(), z.maximum(1000)), 6),
}) satisfies z.ZodMiniType<Budget>;

const RateRecord = z.strictObject({
  id: text(64).check(z.minLength(1)),
  person: z.nullable(text(255)),
  projectKey: z.nullable(text(600)),
  perHour: z.int().check(z.nonnegative(), z.maximum(1e9)),
  currency: Currency,
}) satisfies z.ZodMiniType<Rate>;

const Baseline = z.looseObject({ containerKey: key, takenAt: epoch, itemKeys: many(key, 10_000), estimateSeconds: z.number().check(z.nonnegative()) });

const Setting = z.strictObject({ version: z.int().check(z.gte(1), z.lte(1000)), value: z.unknown() });

export const BackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: epoch,
  entries: many(Entry, 200_000),
  items: many(Item, 50_000),
  projects: many(Project, 5_000),
  containers: many(Container, 20_000),
  budgets: many(BudgetRecord, 5_000),
  rates: many(RateRecord, 5_000),
  baselines: many(Baseline, 20_000),
  settings: z.record(text(100), Setting).check(z.refine((s) => Object.keys(s).length <= 50, { error: 'at most 50 settings', params: { problem: 'too-many' } })),
});

export type BackupRead = { readonly ok: true; readonly backup: StintBackup } | { readonly ok: false; readonly error: string };

/**
 * A backup file's text, read and validated; never throws. The error names the first thing wrong and where
 * (`entries.12.end`), or says what the file is when it is not a Stint backup at all.
 */
export function readBackup(textOfFile: string): BackupRead {
  let json: unknown;
  try {
    json = JSON.parse(textOfFile);
  } catch {
    return { ok: false, error: t('refusal.backupNotJson') };
  }
  const head = json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  if (head?.format !== BACKUP_FORMAT) return { ok: false, error: t('refusal.backupForeign') };
  if (head.version !== BACKUP_VERSION) return { ok: false, error: t('refusal.backupVersion', { theirs: JSON.stringify(head.version)?.slice(0, 20) ?? '?', ours: String(BACKUP_VERSION) }) };
  const parsed = BackupSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, error: t('refusal.backupDamaged', { problem: issueText(parsed.error.issues[0], json, t('problem.theFile')) }) };
  }
  return { ok: true, backup: parsed.data };
}
