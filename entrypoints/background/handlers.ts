import type { Caller, Handlers } from '@/lib/messaging/server';
import type { OverlayReport } from '@/lib/messaging/protocol';
import type { ConnectionDeps } from '@/lib/services/connections';
import { setWriteBack, syncStatus } from '@/lib/services/sync/engine';
import { retryFailedOps } from '@/lib/services/sync/outbox';
import { budgetContextAt } from './budget-context';
import { overlayWords } from './overlay-words';
import type { SyncControl } from './sync';
import { timesheetHandlers } from './handlers-timesheet';
import { timelineHandlers } from './handlers-timeline';
import { createDataHandlers } from './handlers-data';
import { reportHandlers } from './handlers-report';
import { database } from '@/lib/db/open';
import { pendingAway, resolvePendingAway } from '@/lib/services/away';
import { budgetOverview, budgetScopes, listBudgets, listRates, removeBudget, removeRate, saveBudget, saveRate, setContainerBudgetHours } from '@/lib/services/budgets';
import { itemBadges, keysOfHost, projectBadges, readEstimate, setLocalEstimate } from '@/lib/services/badges';
import { workWeekSetting } from '@/lib/settings/work-week';
import { providerForHost } from '@/lib/providers/registry';
import { addConnection, listConnections, removeConnection, selfHostedProviders, testConnection } from '@/lib/services/connections';
import { dashboard } from '@/lib/services/dashboard';
import { itemOfPage } from '@/lib/services/item-of-page';
import { getTabHealth, recordOverlayReport } from '@/lib/services/tab-health';
import { discardRunningTimer, itemTimerState, ownEntriesBetween, rememberItem, startTimerFor, stopRunningTimer, timerState, toggleTimerFor, type Clock } from '@/lib/services/timer';

export interface HandlerDeps {
  readonly clock: Clock;
  readonly connections: ConnectionDeps;
  readonly sync: SyncControl;
  /** After any timer change: badge, pulse for content scripts, push to open views. */
  readonly afterTimerChange: () => Promise<void>;
}

/** The background's answer to every message type; the compiler proves none is missing. */
export function createHandlers({ clock, connections, sync, afterTimerChange }: HandlerDeps): Handlers {
  /** The page item of a content script, judged with the user's self-hosted hosts too. */
  const pageItem = async (caller: Caller) => itemOfPage(caller, await selfHostedProviders(await database()));
  const changed = async <T>(work: Promise<T>): Promise<T> => {
    const result = await work;
    await afterTimerChange();
    return result;
  };
  /** Integration health for the popup, the item remembered with its title, and a refresh of it if stale. */
  const overlayReport = async (report: OverlayReport, caller: Caller) => {
    if (caller.kind !== 'content') throw new Error('Refused: only a provider page reports its overlay.');
    const recorded = await recordOverlayReport(caller, report, clock.now(), await selfHostedProviders(await database()));
    const page = recorded.itemKey ? await pageItem(caller) : null;
    if (page) {
      await rememberItem(await database(), { key: page.key, provider: page.ref.provider, kind: page.ref.kind, url: caller.url.href, title: report.title, updatedAt: clock.now() });
      void sync.visited(page.ref); // in the background: the page does not wait for the provider
    }
    return recorded;
  };
  /** The person's zone and working week, for budgets and risks. */
  const budgetContext = () => budgetContextAt(clock.now());
  return {
    ...reportHandlers({ clock, sync, budgetContext }),
    'overlay.report': (report, caller) => overlayReport(report, caller),
    'tab.health': ({ tabId }) => getTabHealth(tabId),
    'budgets.list': async () => listBudgets(await database()),
    // Told like a timer change: pages redraw their budget figures.
    'budgets.save': async (budget) => changed(saveBudget(await database(), budget, clock.now()).then(() => ({}))),
    'budgets.remove': async ({ id }) => changed(removeBudget(await database(), id).then(() => ({}))),
    'rates.list': async () => listRates(await database()),
    'rates.save': async (rate) => changed(saveRate(await database(), rate).then(() => ({}))),
    'rates.remove': async ({ id }) => changed(removeRate(await database(), id).then(() => ({}))),
    'budgets.overview': async () => budgetOverview(await database(), await budgetContext()),
    'budgets.scopes': async () => budgetScopes(await database()),
    'item.state': async ({ report, words }, caller) => {
      if (report) await overlayReport(report, caller);
      const state = await itemTimerState(await database(), (await pageItem(caller)).key, await budgetContext());
      return words ? { ...state, words: await overlayWords() } : state;
    },
    'item.toggle': async (_payload, caller) => {
      const { key } = await pageItem(caller);
      const db = await database();
      await changed(toggleTimerFor(db, clock, key));
      return itemTimerState(db, key, await budgetContext());
    },
    'item.stop': async (_payload, caller) => {
      const { key } = await pageItem(caller);
      const db = await database();
      if ((await timerState(db)).running?.itemKey === key) await changed(stopRunningTimer(db, clock));
      return itemTimerState(db, key, await budgetContext());
    },
    'items.badges': async ({ keys, projects = [], words }, caller) => {
      const db = await database();
      const host = caller.url.hostname.toLowerCase();
      const pageProvider = caller.kind === 'content' ? providerForHost(host, await selfHostedProviders(db)) : null;
      if (!pageProvider || !keysOfHost([...keys, ...projects], pageProvider, host)) throw new Error('Refused: a page may only ask about items of its own site.');
      const now = clock.now();
      const context = await budgetContext();
      const [badges, maps] = await Promise.all([itemBadges(db, keys, now, context), Promise.all(projects.map((project) => projectBadges(db, project, now, undefined, context)))]);
      const answer = projects.length > 0 ? { badges, projects: maps } : { badges };
      return words ? { ...answer, words: await overlayWords() } : answer;
    },
    'item.setEstimate': async ({ estimate }, caller) => {
      const { ref, key } = await pageItem(caller);
      const seconds = readEstimate(estimate, await workWeekSetting.getValue());
      const db = await database();
      // Told like a timer change: the item's other tabs and list badges show the new estimate.
      await changed(setLocalEstimate(db, { key, provider: ref.provider, kind: ref.kind, url: caller.url.href }, seconds, clock.now()));
      return itemTimerState(db, key, await budgetContext());
    },
    'item.setPlanBudget': async ({ hours }, caller) => {
      const { key } = await pageItem(caller);
      const seconds = readEstimate(hours, await workWeekSetting.getValue(), 'budget');
      const db = await database();
      // Told like a timer change: every page of the milestone / sprint shows its new budget.
      await changed(setContainerBudgetHours(db, key, seconds, clock.now()));
      return itemTimerState(db, key, await budgetContext());
    },
    'timer.state': async () => timerState(await database()),
    'timer.start': async ({ itemKey }) => {
      const db = await database();
      if (!(await db.get('items', itemKey))) throw new Error('Stint does not know that item yet: open it once so Stint can recognise it.');
      await changed(startTimerFor(db, clock, itemKey));
      return timerState(db);
    },
    'timer.stop': async () => {
      const db = await database();
      await changed(stopRunningTimer(db, clock));
      return timerState(db);
    },
    'timer.discard': async () => {
      const db = await database();
      await changed(discardRunningTimer(db, clock));
      return timerState(db);
    },
    'away.state': async () => pendingAway(await database()),
    'away.resolve': async ({ decision }) => {
      const db = await database();
      await changed(resolvePendingAway(db, clock, decision));
      return timerState(db);
    },
    'connections.list': async () => listConnections(await database()),
    'connections.test': (input) => testConnection(input, connections),
    'connections.add': async (input) => {
      const connection = await addConnection(await database(), input, connections, clock.now(), clock.newId);
      await retryFailedOps(await database(), clock.now()); // a new token may unblock writes that failed for the old one
      void sync.syncAll();
      return connection;
    },
    'connections.remove': async ({ id }) => {
      await removeConnection(await database(), id, connections);
      return {};
    },
    'sync.status': async () => syncStatus(await database()),
    'sync.now': async () => {
      await sync.syncAll();
      return syncStatus(await database());
    },
    'sync.setWriteBack': async ({ projectKey, writeBack }) => {
      await setWriteBack(await database(), projectKey, writeBack);
      return syncStatus(await database());
    },
    'sync.retryFailed': async () => {
      await retryFailedOps(await database(), clock.now());
      await sync.kickOutbox();
      return syncStatus(await database());
    },
    'popup.dashboard': async (today) => dashboard(await database(), await budgetContext(), today),
    'entries.today': async ({ dayStart, dayEnd }) => ownEntriesBetween(await database(), dayStart, dayEnd),
    ...timesheetHandlers({ clock, sync, afterTimerChange }),
    ...timelineHandlers(clock),
    ...createDataHandlers({ clock, afterImport: afterTimerChange }),
  };
}
