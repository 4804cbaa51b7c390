import { describe, expect, it } from 'vitest';
import { database } from '../../../lib/db/open';
import { toggleTimerForTab } from '../../../lib/services/shortcut';
import { recordOverlayReport } from '../../../lib/services/tab-health';
import { timerState } from '../../../lib/services/timer';

const clock = { now: () => Date.UTC(2026, 10, 26, 9), newId: () => crypto.randomUUID() };

describe('keyboard shortcut', () => {
  it('toggles the timer for the item recognised in the tab, and back', async () => {
    const db = await database();
    await recordOverlayReport({ kind: 'content', tabId: 5, url: new URL('https://gitlab.com/acme/platform/billing-service/-/merge_requests/2') }, { anchor: null, title: null }, 0);
    expect(await toggleTimerForTab(db, clock, 5)).toBe(true);
    expect((await timerState(db)).running?.itemKey).toBe('gitlab:gitlab.com/acme/platform/billing-service!2');
    expect(await toggleTimerForTab(db, clock, 5)).toBe(true);
    expect((await timerState(db)).running).toBeNull();
  });

  it('does nothing on a tab without a recognised item', async () => {
    const db = await database();
    await recordOverlayReport({ kind: 'content', tabId: 6, url: new URL('https://github.com/acme/checkout-web/issues') }, { anchor: null, title: null }, 0);
    expect(await toggleTimerForTab(db, clock, 6)).toBe(false);
    expect(await toggleTimerForTab(db, clock, 99)).toBe(false);
    expect(await toggleTimerForTab(db, clock, undefined)).toBe(false);
    expect((await timerState(db)).running).toBeNull();
  });
});
