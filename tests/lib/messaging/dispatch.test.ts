import { describe, expect, it, vi } from 'vitest';
import { protocol, type MessageType } from '../../../lib/messaging/protocol';
import { dispatch, identifyCaller, type Caller, type Handlers } from '../../../lib/messaging/server';

const RUNTIME_ID = 'stint-id';
const ORIGIN = 'chrome-extension://stint-id/';
const content: Caller = { kind: 'content', tabId: 4, url: new URL('https://github.com/acme/app/issues/1') };
const extension: Caller = { kind: 'extension', url: new URL(`${ORIGIN}popup.html`) };


/** A spy for every message type (so the test follows the protocol as it grows), answering `null` unless overridden. */
function handlers() {
  const spies = Object.fromEntries(Object.keys(protocol).map((type) => [type, vi.fn((): unknown => null)])) as Record<MessageType, ReturnType<typeof vi.fn>>;
  spies['overlay.report'] = vi.fn(() => ({ itemKey: 'github:github.com/acme/app#1' }));
  spies['tab.health'] = vi.fn(() => null);
  return spies as typeof spies & Handlers;
}

describe('identifyCaller', () => {
  it('recognises Stint pages by their extension origin and content scripts by their tab', () => {
    expect(identifyCaller({ id: RUNTIME_ID, url: `${ORIGIN}popup.html` }, RUNTIME_ID, ORIGIN)?.kind).toBe('extension');
    expect(identifyCaller({ id: RUNTIME_ID, url: 'https://github.com/a/b/issues/1', tab: { id: 3 } as never }, RUNTIME_ID, ORIGIN)).toMatchObject({ kind: 'content', tabId: 3 });
  });

  it('judges a top-frame page by the tab’s current URL (Chrome keeps sender.url at the first URL after pushState)', () => {
    const caller = identifyCaller({ id: RUNTIME_ID, url: 'https://github.com/a/b/issues', frameId: 0, tab: { id: 3, url: 'https://github.com/a/b/issues/9' } as never }, RUNTIME_ID, ORIGIN);
    expect(caller?.url.href).toBe('https://github.com/a/b/issues/9');
    const frame = identifyCaller({ id: RUNTIME_ID, url: 'https://github.com/a/b/issues/1', frameId: 5, tab: { id: 3, url: 'https://github.com/a/b/issues/9' } as never }, RUNTIME_ID, ORIGIN);
    expect(frame?.url.href).toBe('https://github.com/a/b/issues/1');
  });

  it('refuses other extensions, senders without a URL, and page senders without a tab', () => {
    expect(identifyCaller({ id: 'other', url: `${ORIGIN}popup.html` }, RUNTIME_ID, ORIGIN)).toBeNull();
    expect(identifyCaller({ id: RUNTIME_ID }, RUNTIME_ID, ORIGIN)).toBeNull();
    expect(identifyCaller({ id: RUNTIME_ID, url: 'https://github.com/a/b/issues/1' }, RUNTIME_ID, ORIGIN)).toBeNull();
    // A page cannot pass for an extension page by putting the origin in its path.
    expect(identifyCaller({ id: RUNTIME_ID, url: `https://evil.example/${ORIGIN}`, tab: { id: 1 } as never }, RUNTIME_ID, ORIGIN)?.kind).toBe('content');
  });
});

describe('dispatch', () => {
  it('runs the handler with the validated payload', async () => {
    const h = handlers();
    const reply = await dispatch(h, { type: 'overlay.report', payload: { anchor: '[data-testid="issue-title"]', title: 'Fix it' } }, content);
    expect(reply).toEqual({ ok: true, data: { itemKey: 'github:github.com/acme/app#1' } });
    expect(h['overlay.report']).toHaveBeenCalledWith({ anchor: '[data-testid="issue-title"]', title: 'Fix it' }, content);
  });

  it.each([
    ['not an object', 'hello', /not a Stint message/],
    ['an unknown type', { type: 'db.dropEverything', payload: {} }, /unknown message/],
    ['a prototype key as type', { type: 'constructor', payload: {} }, /unknown message/],
    ['a wrong-typed field', { type: 'overlay.report', payload: { anchor: 42, title: null } }, /Invalid “overlay.report” request: anchor/],
    ['an oversized field', { type: 'overlay.report', payload: { anchor: null, title: 'x'.repeat(10_000) } }, /title/],
    ['a malformed placement riding on a state request', { type: 'item.state', payload: { report: { anchor: null, title: ['<b>'] } } }, /Invalid “item.state” request: report.title/],
  ])('refuses %s with a readable error and calls no handler', async (_name, message, error) => {
    const h = handlers();
    const reply = await dispatch(h, message, content);
    expect(reply.ok).toBe(false);
    expect(reply.ok ? '' : reply.error).toMatch(error);
    for (const handler of Object.values(h)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a payload with fields the message does not take (a page cannot smuggle an item key)', async () => {
    const h = handlers();
    const reply = await dispatch(h, { type: 'item.toggle', payload: { itemKey: 'jira:acme.atlassian.net/PAY-1' } }, content);
    expect(reply.ok).toBe(false);
    expect(h['item.toggle']).not.toHaveBeenCalled();
  });

  it('keeps each message to its senders: a page cannot ask for extension-only data', async () => {
    const h = handlers();
    const reply = await dispatch(h, { type: 'tab.health', payload: { tabId: 1 } }, content);
    expect(reply).toEqual({ ok: false, error: 'Refused: “tab.health” cannot be sent from a web page.' });
    expect(h['tab.health']).not.toHaveBeenCalled();
    expect((await dispatch(h, { type: 'overlay.report', payload: { anchor: null, title: null } }, extension)).ok).toBe(false);
    // Budgets and rates (people's pay) are for Stint's own pages only.
    const rate = { id: 'r', person: 'ben', projectKey: null, perHour: 9000, currency: 'EUR' };
    expect(await dispatch(h, { type: 'rates.save', payload: rate }, content)).toEqual({ ok: false, error: 'Refused: “rates.save” cannot be sent from a web page.' });
    expect((await dispatch(h, { type: 'rates.list', payload: {} }, content)).ok).toBe(false);
    expect((await dispatch(h, { type: 'budgets.overview', payload: {} }, content)).ok).toBe(false);
    expect(h['rates.save']).not.toHaveBeenCalled();
    expect((await dispatch(h, { type: 'rates.save', payload: { ...rate, currency: 'euro' } }, extension)).ok).toBe(false);
  });

  it('refuses unknown senders', async () => {
    const h = handlers();
    expect(await dispatch(h, { type: 'tab.health', payload: { tabId: 1 } }, null)).toEqual({ ok: false, error: 'Refused: the sender is not part of Stint.' });
  });

  it('turns a failing handler into an error reply', async () => {
    const h = handlers();
    h['tab.health'] = vi.fn(() => Promise.reject(new Error('storage is full')));
    expect(await dispatch(h, { type: 'tab.health', payload: { tabId: 1 } }, extension)).toEqual({ ok: false, error: 'storage is full' });
  });
});
