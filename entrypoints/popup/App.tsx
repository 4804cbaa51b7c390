import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { AwayPrompt } from '@/components/AwayPrompt';
import { BudgetOverview } from '@/components/BudgetOverview';
import { FirstRun } from '@/components/FirstRun';
import { RecentItems } from '@/components/RecentItems';
import { RunningTimer } from '@/components/RunningTimer';
import { SyncLine } from '@/components/SyncLine';
import { TabHealthCard } from '@/components/TabHealthCard';
import { TodayEntries } from '@/components/TodayEntries';
import { TopRisks } from '@/components/TopRisks';
import { WeekTotals } from '@/components/WeekTotals';
import { useDashboard } from '@/components/useDashboard';
import { useTabHealth } from '@/components/useTabHealth';
import { useSecondTick, useTimer } from '@/components/useTimer';
import { request } from '@/lib/messaging/client';
import type { AwayPeriod, SyncStatusView } from '@/lib/messaging/protocol';
import { subjectTabId } from '@/lib/messaging/tabs';
import { t } from '@/lib/i18n';

// The demo build (`npm run demo`) points the first-run card at the sandbox's Acme project; a store build has no demo.
const DEMO_URL = import.meta.env.MODE === 'production' ? null : 'https://github.com/acme/checkout-web/issues';

async function openSidePanel(): Promise<void> {
  const windowId = (await browser.windows.getCurrent()).id;
  // Chrome's side panel, Firefox's sidebar: whichever this browser has.
  if ('sidePanel' in browser && windowId !== undefined) await (browser as unknown as { sidePanel: { open(o: { windowId: number }): Promise<void> } }).sidePanel.open({ windowId });
  else if ('sidebarAction' in browser) await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
}

/**
 * The toolbar popup, a project manager's morning view: the running timer, today and this week, recent items to restart,
 * the top risks, every budget, sync health and this tab's integration. It paints the last dashboard at once and
 * refreshes it from the worker.
 */
export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [away, setAway] = useState<AwayPeriod | null>(null);
  const [sync, setSync] = useState<SyncStatusView | null>(null);
  const timer = useTimer();
  const dashboard = useDashboard(timer.revision);
  const data = dashboard.data;
  const running = timer.state?.running ?? data?.timer.running ?? null;
  const now = useSecondTick(running !== null);
  useEffect(() => {
    void subjectTabId().then(setTabId);
    void request('away.state', {}).then(setAway, () => setAway(null));
  }, []);
  const { health, error } = useTabHealth(tabId);

  const fail = (e: unknown) => setActionError(e instanceof Error ? e.message : String(e));
  const act = (type: 'timer.stop' | 'timer.discard') => {
    setActionError(null);
    void request(type, {}).then(timer.set, fail);
  };
  const start = (itemKey: string) => {
    setActionError(null);
    void request('timer.start', { itemKey }).then(timer.set, fail);
  };
  const decideAway = (decision: 'keep' | 'discard' | 'discard-and-stop') => {
    setAway(null);
    void request('away.resolve', { decision }).then(timer.set, fail);
  };
  const retry = () => void request('sync.retryFailed', {}).then(setSync, fail);

  return (
    <main aria-busy={data === null}>
      <h1>Stint</h1>
      {dashboard.error && !data ? <p role="alert">{dashboard.error}</p> : null}
      <AwayPrompt away={away} onDecide={decideAway} />
      {data?.firstRun && !running ? <FirstRun onConnect={() => void browser.runtime.openOptionsPage()} demoUrl={DEMO_URL} /> : null}
      <RunningTimer state={timer.state ?? data?.timer ?? null} error={actionError ?? timer.error} onStop={() => act('timer.stop')} onDiscard={() => act('timer.discard')} />
      {data ? <WeekTotals data={data} now={now} /> : null}
      {data ? <RecentItems items={data.recent} runningKey={running?.itemKey ?? null} onStart={start} onStop={() => act('timer.stop')} /> : null}
      <TodayEntries entries={data?.todayEntries ?? null} now={now} />
      {data ? <TopRisks risks={data.risks} /> : null}
      {data && !data.firstRun ? <BudgetOverview views={data.budgets} unbudgeted={data.unbudgeted} /> : null}
      <SyncLine status={sync ?? data?.sync ?? null} now={now} onRetry={retry} />
      <TabHealthCard health={health} error={error} />
      <nav aria-label={t('popup.pages')}>
        <button type="button" onClick={() => void openSidePanel()}>{t('popup.openTimeline')}</button>
        <a href="timesheet.html" target="_blank" rel="noreferrer">{t('popup.timesheet')}</a>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>{t('popup.settings')}</button>
      </nav>
    </main>
  );
}
