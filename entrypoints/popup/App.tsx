import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { AwayPrompt } from '@/components/AwayPrompt';
import { BudgetOverview } from '@/components/BudgetOverview';
import { RunningTimer } from '@/components/RunningTimer';
import { SyncLine } from '@/components/SyncLine';
import { TabHealthCard } from '@/components/TabHealthCard';
import { TodayEntries } from '@/components/TodayEntries';
import { useTabHealth } from '@/components/useTabHealth';
import { useSecondTick, useTimer } from '@/components/useTimer';
import { request } from '@/lib/messaging/client';
import type { AwayPeriod, BudgetViewData, SyncStatusView, TodayEntry } from '@/lib/messaging/protocol';
import { subjectTabId } from '@/lib/messaging/tabs';

function startOfToday(now: number): { dayStart: number; dayEnd: number } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { dayStart: start.getTime(), dayEnd: end.getTime() };
}

/** The toolbar popup: the running timer with Stop, today's entries with the total, and this tab's integration health. */
export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [today, setToday] = useState<TodayEntry[] | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [away, setAway] = useState<AwayPeriod | null>(null);
  const [sync, setSync] = useState<SyncStatusView | null>(null);
  const [budgets, setBudgets] = useState<BudgetViewData[] | null>(null);
  const timer = useTimer();
  const now = useSecondTick(Boolean(timer.state?.running));
  useEffect(() => {
    void subjectTabId().then(setTabId);
  }, []);
  useEffect(() => {
    void request('entries.today', startOfToday(Date.now())).then(setToday, (e: unknown) => setActionError(String(e)));
    void request('away.state', {}).then(setAway, () => setAway(null));
    void request('sync.status', {}).then(setSync, () => setSync(null));
    void request('budgets.overview', {}).then(setBudgets, () => setBudgets(null));
  }, [timer.revision]);
  const { health, error } = useTabHealth(tabId);

  const fail = (e: unknown) => setActionError(e instanceof Error ? e.message : String(e));
  const act = (type: 'timer.stop' | 'timer.discard') => {
    setActionError(null);
    void request(type, {}).then(timer.set, fail);
  };
  const decideAway = (decision: 'keep' | 'discard' | 'discard-and-stop') => {
    setAway(null);
    void request('away.resolve', { decision }).then(timer.set, fail);
  };
  const openSidePanel = async () => {
    const windowId = (await browser.windows.getCurrent()).id;
    // Chrome's side panel, Firefox's sidebar: whichever this browser has.
    if ('sidePanel' in browser && windowId !== undefined) await (browser as unknown as { sidePanel: { open(o: { windowId: number }): Promise<void> } }).sidePanel.open({ windowId });
    else if ('sidebarAction' in browser) await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  };

  return (
    <main>
      <h1>Stint</h1>
      <AwayPrompt away={away} onDecide={decideAway} />
      <RunningTimer state={timer.state} error={actionError ?? timer.error} onStop={() => act('timer.stop')} onDiscard={() => act('timer.discard')} />
      <TodayEntries entries={today} now={now} />
      <BudgetOverview views={budgets} />
      <SyncLine status={sync} now={now} onRetry={() => void request('sync.retryFailed', {}).then(setSync, fail)} />
      <TabHealthCard health={health} error={error} />
      <nav aria-label="Stint pages">
        <button type="button" onClick={() => void openSidePanel()}>Open timeline</button>
        <a href="timesheet.html" target="_blank" rel="noreferrer">Timesheet</a>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>Settings</button>
      </nav>
    </main>
  );
}
