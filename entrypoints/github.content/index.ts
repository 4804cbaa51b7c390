import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/overlay/start-content';
import { githubPage } from '@/lib/providers/github/page';

export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_end',
  // WXT's legacy window.postMessage announcing the script is visible to page scripts; its DOM event suffices.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx, githubPage);
  },
});
