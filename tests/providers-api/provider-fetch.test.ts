import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderError } from '../../lib/providers/errors';
import { providerFetch, unreachable } from '../../lib/providers/fetch';

/** A server that accepts every request and never answers: what a hung provider looks like from the browser. */
describe('provider requests have a time limit', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4/version`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('gives up on a server that never answers, and says so in words a person can act on', async () => {
    const failure = await providerFetch(url, {}, 200).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(DOMException);
    expect((failure as DOMException).name).toBe('TimeoutError');
    const explained = unreachable('gitlab.example.test', failure);
    expect(explained).toBeInstanceOf(ProviderError);
    expect(explained).toMatchObject({ kind: 'offline', message: 'gitlab.example.test did not answer within 30 s. Stint will try again; if it persists, check the host\u2019s status.' });
  });

  it('keeps the caller’s own abort, and a refused connection reads as unreachable', async () => {
    const caller = new AbortController();
    const pending = providerFetch(url, { signal: caller.signal }, 60_000);
    caller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    const refused = await providerFetch('http://127.0.0.1:1/', {}, 5000).catch((error: unknown) => error);
    expect(unreachable('jira.example.test', refused, 'the site address').message).toBe('Could not reach jira.example.test. Check your connection, the site address, or a VPN/proxy that blocks it.');
  });
});
