import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/overlay/start-content';
import { gitlabPage } from '@/lib/providers/gitlab/page';

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  runAt: 'document_end',
  // WXT's legacy window.postMessage announcing the script is visible to page scripts; its DOM event suffices.
  noScriptStartedPostMessage: true,
  main(ctx) {
    startContentScript(ctx, gitlabPage);
  },
});
