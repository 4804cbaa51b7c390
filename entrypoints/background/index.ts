import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { dispatch, identifyCaller } from '@/lib/messaging/server';
import { forgetTab } from '@/lib/services/tab-health';
import { createHandlers } from './handlers';

// Composition root of the service worker: wire messages and tab clean-up; all state lives in storage, not here.
export default defineBackground(() => {
  const handlers = createHandlers();
  const origin = browser.runtime.getURL('/');
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    void dispatch(handlers, message, identifyCaller(sender, browser.runtime.id, origin)).then(sendResponse);
    return true; // answer asynchronously (Chrome ignores a returned Promise)
  });
  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
});
