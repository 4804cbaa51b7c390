import type { Budget } from '../budget';
import type { TimeEntry } from '../entry';
import type { Rate } from '../money';
import type { ScopeBaseline } from '../risk';
import type { TrackedProject } from '../sync';
import type { PlannedContainer, WorkItem } from '../work-item';

export const BACKUP_FORMAT = 'stint-backup';
export const BACKUP_VERSION = 1;

/** One setting as stored: its value and the version of its shape (wxt storage item versions). */
export interface SettingRecord {
  readonly version: number;
  readonly value: unknown;
}

/**
 * Everything a person made in Stint, complete enough to rebuild the store: entries (tombstones too, so a deletion
 * still follows to the provider), items (titles, own estimates), tracked projects with their write-back choice,
 * containers, budgets, rates, baselines, and settings with their versions. Never the connections' tokens (nor the
 * connections: a restored store asks for its accounts again), never what is derived or transient (rollups are rebuilt
 * from the entries, the outbox is queued again, sync cursors restart).
 */
export interface StintBackup {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly exportedAt: number;
  readonly entries: readonly TimeEntry[];
  readonly items: readonly WorkItem[];
  readonly projects: readonly TrackedProject[];
  readonly containers: readonly PlannedContainer[];
  readonly budgets: readonly Budget[];
  readonly rates: readonly Rate[];
  readonly baselines: readonly (ScopeBaseline & { readonly containerKey: string })[];
  readonly settings: Readonly<Record<string, SettingRecord>>;
}

/** The stores a backup carries, in the order they are listed in a summary. */
export const BACKUP_STORES = ['entries', 'items', 'projects', 'containers', 'budgets', 'rates', 'baselines'] as const;
export type BackupStore = (typeof BACKUP_STORES)[number];
