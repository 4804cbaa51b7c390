import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { TabHealthCard } from '@/components/TabHealthCard';
import { ProjectPanel } from '@/components/timeline/ProjectPanel';
import { ProjectPicker } from '@/components/timeline/ProjectPicker';
import { usePanelStore } from '@/components/timeline/store';
import { TeamLoad } from '@/components/timeline/TeamLoad';
import { useTabHealth } from '@/components/useTabHealth';
import { useTimer } from '@/components/useTimer';
import type { TimelineItem } from '@/lib/messaging/protocol-timeline';
import { subjectTabId } from '@/lib/messaging/tabs';
import { t } from '@/lib/i18n';

/** The side panel: the project of the tab the person is on (or one they choose) as a timeline, burn-up and team load. */
export function App() {
  const state = usePanelStore();
  const { revision } = useTimer();
  useEffect(() => {
    const { followTab, loadProjects } = usePanelStore.getState();
    const follow = () => void subjectTabId().then(followTab);
    follow();
    void loadProjects();
    const onUpdated = (_id: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url) follow();
    };
    browser.tabs.onActivated.addListener(follow);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(follow);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  // Time logged or a budget saved anywhere: the figures are read again (not for the first states, sent on opening).
  useEffect(() => {
    if (usePanelStore.getState().timeline) void usePanelStore.getState().reload();
  }, [revision]);
  const { health, error } = useTabHealth(state.tabId);
  const open = (item: TimelineItem) => {
    if (state.tabId === null) void browser.tabs.create({ url: item.url });
    else void browser.tabs.update(state.tabId, { url: item.url });
  };
  const settings = () => void browser.runtime.openOptionsPage();
  const current = state.timeline ? { key: state.timeline.projectKey, name: state.timeline.name } : null;
  return (
    <main>
      <header className="tl-top">
        <h1>{state.timeline ? state.timeline.name : t('timeline.timeline')}</h1>
        <ProjectPicker projects={state.projects} current={current} onPick={(key) => void state.show(key)} />
      </header>
      {state.error ? <p role="alert">{state.error}</p> : null}
      {state.projectKey === null ? (
        <section className="card tl-empty" aria-labelledby="start-title">
          <h2 id="start-title">{t('timeline.timeline')}</h2>
          <p>{t('timeline.openHint')}</p>
          {state.projects.length === 0 ? (
            <>
              <p className="hint">{t('timeline.noProjectSynced')}</p>
              <button type="button" onClick={settings}>{t('timeline.openSettings')}</button>
            </>
          ) : null}
        </section>
      ) : state.timeline === undefined ? (
        <p aria-busy="true">{t('timeline.loading')}</p>
      ) : state.timeline ? (
        <>
          <ProjectPanel data={state.timeline} zoom={state.zoom} onZoom={state.setZoom} burnUpScope={state.burnUpScope} onBurnUpScope={state.setBurnUpScope} onOpen={open} onOpenSettings={settings} />
          <TeamLoad people={state.team} />
        </>
      ) : null}
      <div className="tl-health">
        <TabHealthCard health={health} error={error} />
      </div>
    </main>
  );
}
