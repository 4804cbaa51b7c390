import type { DBSchema } from 'idb';
import type { Connection } from '../core/connection';
import type { OutboxOp, SyncScopeState, TrackedProject } from '../core/sync';
import type { TimeEntry } from '../core/entry';
import type { Budget } from '../core/budget';
import type { Rate } from '../core/money';
import type { ScopeBaseline } from '../core/risk';
import type { RollupRow } from '../core/rollup';
import type { PlannedContainer, WorkItem } from '../core/work-item';

export const DB_NAME = 'stint';
/** Bump with a new `case` in upgrade.ts; keep a fixture of the old version under tests/fixtures/db/. */
export const DB_VERSION = 6;

export interface StintDb extends DBSchema {
  entries: {
    key: string;
    value: TimeEntry;
    indexes: {
      byItem: string;
      byStart: number;
      bySync: string;
      /** [author, start]: a person's entries in time order; the running one is their latest. */
      byAuthorStart: [string, number];
    };
  };
  items: {
    key: string;
    value: WorkItem;
    indexes: {
      byCloses: string;
      /**
       * Since v6: [container kind, container id, item key]. A milestone's / sprint's own items are one key range:
       * its kind and id, and item keys under its project's prefix. Items in no container are not in it.
       */
      byContainer: [string, string, string];
    };
  };
  /** Small named records (cursors, versions); keys are the names. */
  meta: { key: string; value: unknown };
  /** Since v2: provider accounts (no tokens). */
  connections: { key: string; value: Connection };
  /**
   * Since v2: one token per connection. IndexedDB of the extension origin: content scripts run in the page's origin
   * and can never open it (unlike `storage.local`, which they can read).
   */
  secrets: { key: string; value: { readonly connectionId: string; readonly token: string } };
  /** Since v3: remote writes waiting to happen, one per entry. */
  outbox: { key: string; value: OutboxOp; indexes: { byNextAt: number } };
  /** Since v3: projects kept in sync, with the write-back opt-in. */
  projects: { key: string; value: TrackedProject };
  /** Since v3: per sync scope, the ETag and cursor of the last read and its health. */
  syncState: { key: string; value: SyncScopeState };
  /** Since v5: milestones, sprints and iterations per project, with their dates (the timeline's lanes). */
  containers: { key: string; value: PlannedContainer; indexes: { byProject: string } };
  /** Since v5: materialised sums of entries (lib/core/rollup.ts), updated in each entry write's transaction. */
  rollups: { key: string; value: RollupRow };
  /** Since v5: budgets per project, container or item (by the scope's key). */
  budgets: { key: string; value: Budget; indexes: { byScope: string } };
  /** Since v5: hourly rates per person and / or project. */
  rates: { key: string; value: Rate };
  /** Since v5: what a milestone / sprint held when it started (scope creep is measured against it). */
  baselines: { key: string; value: ScopeBaseline & { readonly containerKey: string } };
}
