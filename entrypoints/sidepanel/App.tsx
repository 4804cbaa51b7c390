import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { TabHealthCard } from '@/components/TabHealthCard';
import { useTabHealth } from '@/components/useTabHealth';
import { subjectTabId } from '@/lib/messaging/tabs';

/** The side panel (first version): follows the active tab and shows what Stint recognised there. */
export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  const [reloads, setReloads] = useState(0);
  useEffect(() => {
    const follow = () => void subjectTabId().then(setTabId);
    follow();
    const onActivated = () => follow();
    const onUpdated = (_id: number, change: { status?: string; url?: string }) => {
      if (change.status === 'complete' || change.url) setReloads((n) => n + 1);
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  const { health, error } = useTabHealth(tabId, reloads);
  return (
    <main>
      <h1>Timeline</h1>
      <TabHealthCard health={health} error={error} />
      <p>Milestones, sprints and burn-up for this project appear here once a provider is connected.</p>
    </main>
  );
}
