import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '@/lib/messaging/client';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { githubPage } from '@/lib/providers/github/page';

export default defineContentScript({
  matches: ['https://github.com/*'],
  runAt: 'document_end',
  main(ctx) {
    runOverlay(ctx, githubPage, { report: (report) => request('overlay.report', report) });
  },
});
