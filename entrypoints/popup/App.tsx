import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { TabHealthCard } from '@/components/TabHealthCard';
import { useTabHealth } from '@/components/useTabHealth';
import { subjectTabId } from '@/lib/messaging/tabs';

/** The toolbar popup (first version): what Stint recognised on this tab, and the way to the side panel and settings. */
export function App() {
  const [tabId, setTabId] = useState<number | null>(null);
  useEffect(() => {
    void subjectTabId().then(setTabId);
  }, []);
  const { health, error } = useTabHealth(tabId);

  const openSidePanel = async () => {
    const tab = await browser.tabs.getCurrent();
    const windowId = tab?.windowId ?? (await browser.windows.getCurrent()).id;
    // Chrome's side panel, Firefox's sidebar: whichever this browser has.
    if ('sidePanel' in browser && windowId !== undefined) await (browser as unknown as { sidePanel: { open(o: { windowId: number }): Promise<void> } }).sidePanel.open({ windowId });
    else if ('sidebarAction' in browser) await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  };

  return (
    <main>
      <h1>Stint</h1>
      <TabHealthCard health={health} error={error} />
      <nav aria-label="Stint pages">
        <button type="button" onClick={() => void openSidePanel()}>Open timeline</button>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>Settings</button>
      </nav>
    </main>
  );
}
