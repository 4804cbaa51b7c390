import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { database, keepRescueCopiesIn } from '@/lib/db/open';
import { rescueStore } from '@/lib/services/rescue-store';
import { explainFailure } from '@/lib/services/failure-text';
import { keepRollupsCurrent } from '@/lib/services/rollups';
import { registerBudgetAlerts } from './budget-alerts';
import { dispatch, identifyCaller } from '@/lib/messaging/server';
import { BADGE_ALARM, showTimerOnBadge } from '@/lib/services/badge';
import { reestimateFromLabels } from '@/lib/services/estimates';
import { forgetTab } from '@/lib/services/tab-health';
import { estimateLabelsSetting, readEstimateLabels } from '@/lib/settings/estimate-labels';
import { workWeekSetting } from '@/lib/settings/work-week';
import { tellTabsTimerChanged } from './tell-tabs';
import { timerState, type Clock } from '@/lib/services/timer';
import { ViewPorts } from '@/lib/services/view-ports';
import { connectionDeps } from './connections';
import { tellAboutDataLoss } from './data-loss';
import { createHandlers } from './handlers';
import { registerSync } from './sync';
import { REMINDER_ALARM, registerReminders } from './reminders';
import { registerShortcut } from './shortcut';
import { POMODORO_ALARM, registerTimerRules } from './timer-rules';

// Composition root of the service worker: it may be killed at any moment, so all state lives in IndexedDB / storage.
// After every timer change: Pomodoro catches up, open Stint pages get the state (port), item tabs get a notice.
/** How long a freshly started worker waits before its own housekeeping (it lives ≥ 30 s after the last event). */
const STARTUP_HOUSEKEEPING_DELAY_MS = 2_000;

export default defineBackground(() => {
  // zod/mini ships no messages; the background's refusals and sync reasons read better with them.
  z.config(en());
  // Before anything opens the database: an upgrade first copies what only it holds outside IndexedDB (a reset by the
  // browser would take it), and an open that finds it reset puts that copy back.
  keepRescueCopiesIn(rescueStore);
  const clock: Clock = { now: () => Date.now(), newId: () => crypto.randomUUID() };
  const origin = browser.runtime.getURL('/');
  const views = new ViewPorts(origin);
  const checkBudgets = registerBudgetAlerts(clock.now);
  const sync = registerSync(clock.now, async () => {
    await tellTabsTimerChanged();
    void checkBudgets();
  });
  const afterTimerChange = async () => {
    await rules.syncPomodoro();
    const state = await timerState(await database());
    views.broadcast(state);
    await Promise.all([tellTabsTimerChanged(), showTimerOnBadge(state, clock.now())]);
    void sync.kickOutbox(); // stopped or edited entries go out through the outbox
    void checkBudgets();
  };
  /** The toolbar and the Pomodoro cycle brought up to date, when nothing changed that pages must hear about. */
  const refreshBadge = async () => {
    await rules.syncPomodoro();
    await showTimerOnBadge(await timerState(await database()), clock.now());
  };
  const handlers = createHandlers({ clock, connections: connectionDeps, sync, afterTimerChange });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void dispatch(handlers, message, identifyCaller(sender, browser.runtime.id, origin), explainFailure).then(sendResponse);
    return true; // answer asynchronously (Chrome ignores a returned Promise)
  });
  browser.runtime.onConnect.addListener((port) => {
    if (!views.accept(port)) return port.disconnect();
    void database()
      .then(timerState)
      .then((state) => port.postMessage({ type: 'timer.state', state }))
      .catch(() => undefined); // the page closed before the first state arrived
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  registerShortcut(clock, afterTimerChange);
  const rules = registerTimerRules(clock, afterTimerChange);
  const remind = registerReminders(clock, afterTimerChange);
  browser.alarms.onAlarm.addListener((alarm) => {
    // The minute tick changes nothing by itself (pages count seconds on their own); what it stops, it announces.
    if (alarm.name === BADGE_ALARM) void rules.minuteTick().then(refreshBadge);
    if (alarm.name === POMODORO_ALARM) void afterTimerChange();
    if (alarm.name === REMINDER_ALARM) void remind();
  });
  // A new label convention or working week changes label-read estimates at once, from the labels already stored.
  const reestimate = async () => {
    const changed = await reestimateFromLabels(await database(), await readEstimateLabels(), await workWeekSetting.getValue());
    if (changed > 0) await tellTabsTimerChanged();
  };
  estimateLabelsSetting.watch(() => void reestimate());
  workWeekSetting.watch(() => void reestimate());
  // A fresh worker (browser start, update, or after being stopped) redraws the badge and sends waiting writes — a little
  // later: it is most often woken by a page that is loading, and answers that page first instead of competing with it
  // for the CPU (measured: the page's main-thread cost fell from 1.2× to 1.1× the one-button reference's). It tells
  // pages nothing: nothing changed for them.
  // The rollups are (re)built here when never built or built in another time zone (the user moved): one transaction.
  const housekeeping = async () => {
    // Each step on its own: one failing (a badge API hiccup) must not keep the others from running.
    await refreshBadge().catch(() => undefined);
    await tellAboutDataLoss().catch(() => undefined);
    await keepRollupsCurrent(await database(), Intl.DateTimeFormat().resolvedOptions().timeZone).catch(() => undefined);
    await sync.kickOutbox();
  };
  setTimeout(() => void housekeeping(), STARTUP_HOUSEKEEPING_DELAY_MS);
});
