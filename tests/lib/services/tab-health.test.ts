import { describe, expect, it } from 'vitest';
import { forgetTab, getTabHealth, recordOverlayReport } from '../../../lib/services/tab-health';

describe('tab health', () => {
  it('derives the item from the sender URL, never from the payload', async () => {
    const caller = { kind: 'content' as const, tabId: 7, url: new URL('https://acme.atlassian.net/browse/PAY-12') };
    const result = await recordOverlayReport(caller, { anchor: null, title: 'PAY-99 pretends to be another issue' }, 1000);
    expect(result).toEqual({ itemKey: 'jira:acme.atlassian.net/PAY-12' });
    expect(await getTabHealth(7)).toMatchObject({ itemKey: 'jira:acme.atlassian.net/PAY-12', pageKind: 'item', anchor: null, reportedAt: 1000 });
  });

  it('records list pages without an item, and forgets closed tabs', async () => {
    const caller = { kind: 'content' as const, tabId: 8, url: new URL('https://github.com/acme/app/issues') };
    await recordOverlayReport(caller, { anchor: null, title: null }, 1);
    expect(await getTabHealth(8)).toMatchObject({ itemKey: null, pageKind: 'list' });
    await forgetTab(8);
    expect(await getTabHealth(8)).toBeNull();
  });

  it('refuses pages that are not a recognised provider page', async () => {
    const caller = { kind: 'content' as const, tabId: 9, url: new URL('https://evil.example/acme/app/issues/1') };
    await expect(recordOverlayReport(caller, { anchor: null, title: null }, 1)).rejects.toThrow(/not a GitHub, GitLab or Jira page/);
    expect(await getTabHealth(9)).toBeNull();
  });
});
