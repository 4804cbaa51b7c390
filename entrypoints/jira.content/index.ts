import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContentScript } from '@/lib/overlay/start-content';
import { jiraPage } from '@/lib/providers/jira/page';

export default defineContentScript({
  matches: ['https://*.atlassian.net/*'],
  runAt: 'document_end',
  main(ctx) {
    startContentScript(ctx, jiraPage);
  },
});
