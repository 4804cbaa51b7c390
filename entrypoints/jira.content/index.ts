import { defineContentScript } from 'wxt/utils/define-content-script';
import { request } from '@/lib/messaging/client';
import { runOverlay } from '@/lib/overlay/run-overlay';
import { jiraPage } from '@/lib/providers/jira/page';

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  runAt: 'document_end',
  main(ctx) {
    runOverlay(ctx, jiraPage, { report: (report) => request('overlay.report', report) });
  },
});
