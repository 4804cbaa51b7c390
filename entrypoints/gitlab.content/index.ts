import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '@/lib/messaging/client';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { gitlabPage } from '@/lib/providers/gitlab/page';

export default defineContentScript({
  matches: ['https://gitlab.com/*'],
  runAt: 'document_end',
  main(ctx) {
    runOverlay(ctx, gitlabPage, { report: (report) => request('overlay.report', report) });
  },
});
