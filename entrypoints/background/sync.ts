import { browser } from 'wxt/browser';
import { projectKeyOfItem, type ItemRef } from '@/lib/core/item-ref';
import { database } from '@/lib/db/open';
import { githubAdapter } from '@/lib/providers/github/adapter';
import { gitlabAdapter } from '@/lib/providers/gitlab/adapter';
import { jiraAdapter } from '@/lib/providers/jira/adapter';
import { captureBaselines } from '@/lib/services/budgets';
import { runOutbox, syncProject, syncStatus, trackProject, type SyncDeps } from '@/lib/services/sync/engine';
import { dueOps, nextOpAt } from '@/lib/services/sync/outbox';
import { readEstimateLabels } from '@/lib/settings/estimate-labels';
import { workWeekSetting } from '@/lib/settings/work-week';

const SYNC_ALARM = 'stint:sync';
const OUTBOX_ALARM = 'stint:outbox';
/** An item page visit refreshes its project when the last read is older than this. */
const STALE_MS = 5 * 60_000;

export interface SyncControl {
  /** Read every tracked project, then send waiting writes. */
  syncAll(): Promise<void>;
  /** Send waiting writes now (after a timer change), then set the alarm for the next retry. */
  kickOutbox(): Promise<void>;
  /** A page showed an item: keep its project in sync and refresh it if stale. */
  visited(ref: ItemRef): Promise<void>;
}

/**
 * The sync scheduler: a periodic alarm, a retry alarm for the outbox, and reads when items are visited. `changed` is
 * called after a read or a write brought news (pages then ask again for their items' state).
 */
export function registerSync(now: () => number, changed: () => Promise<void>): SyncControl {
  const deps = async (): Promise<SyncDeps> => ({
    adapters: { github: githubAdapter, gitlab: gitlabAdapter, jira: jiraAdapter },
    now,
    random: Math.random,
    week: await workWeekSetting.getValue(),
    estimateLabels: await readEstimateLabels(),
  });
  const running = new Set<string>(); // single flight per project within this worker's life

  const syncOne = async (key: string) => {
    if (running.has(key)) return;
    running.add(key);
    try {
      const db = await database();
      const result = await syncProject(db, key, await deps());
      // Containers that started since get their scope baseline now, before anything is added to them.
      await captureBaselines(db, key, now());
      if (result.items > 0 || result.teamEntries > 0) await changed();
    } catch {
      // Recorded on the project's sync state (shown in the popup and options); the next run tries again.
    } finally {
      running.delete(key);
    }
  };

  const scheduleOutbox = async () => {
    const at = await nextOpAt(await database());
    if (at === null) await browser.alarms.clear(OUTBOX_ALARM);
    else await browser.alarms.create(OUTBOX_ALARM, { when: Math.max(at, now() + 1000) });
  };

  const control: SyncControl = {
    async syncAll() {
      const db = await database();
      for (const project of await db.getAll('projects')) await syncOne(project.key);
      await control.kickOutbox();
    },
    async kickOutbox() {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return scheduleOutbox(); // offline: wait
      const db = await database();
      const written = new Set((await dueOps(db, now())).map((op) => projectKeyOfItem(op.itemKey)).filter((key): key is string => key !== null));
      const result = await runOutbox(db, await deps());
      await scheduleOutbox();
      if (result.done === 0) return;
      // Read those projects again: the provider's own totals (GitLab's spent time) now include what was written.
      for (const key of written) if (await db.get('projects', key)) await syncOne(key);
      await changed();
    },
    async visited(ref) {
      const db = await database();
      const project = await trackProject(db, ref, now());
      if (!project) return; // no connection for this host
      const state = (await syncStatus(db)).projects.find((p) => p.key === project.key);
      if (!state?.lastSuccess || now() - state.lastSuccess > STALE_MS) await syncOne(project.key);
    },
  };

  void browser.alarms.get(SYNC_ALARM).then((alarm) => (alarm ? undefined : browser.alarms.create(SYNC_ALARM, { periodInMinutes: 10 })));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM) void control.syncAll();
    if (alarm.name === OUTBOX_ALARM) void control.kickOutbox();
  });
  // Back online: send what waited.
  globalThis.addEventListener?.('online', () => void control.kickOutbox());
  return control;
}
