import type { Handlers } from '@/lib/messaging/server';
import { getTabHealth, recordOverlayReport } from '@/lib/services/tab-health';

/** The background's answer to every message type; the compiler proves none is missing. */
export function createHandlers(): Handlers {
  return {
    'overlay.report': (report, caller) => {
      if (caller.kind !== 'content') throw new Error('Refused: only a provider page reports its overlay.');
      return recordOverlayReport(caller, report, Date.now());
    },
    'tab.health': ({ tabId }) => getTabHealth(tabId),
  };
}
