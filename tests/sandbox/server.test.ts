import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './server.ts';

describe('sandbox server', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ now: Date.UTC(2026, 10, 26, 12) });
  });
  afterAll(() => sandbox.close());

  it('answers over HTTPS with a certificate Node trusts, routed by host name', async () => {
    const res = await fetch(`https://localhost:${sandbox.port}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Stint sandbox');
  });

  it('serves an injected 500 once, then recovers', async () => {
    sandbox.faults.add({ kind: 'status', status: 500, path: '/', host: 'localhost', times: 1 });
    expect((await fetch(`https://localhost:${sandbox.port}/`)).status).toBe(500);
    expect((await fetch(`https://localhost:${sandbox.port}/`)).status).toBe(200);
  });

  it('lets `skip` matching requests through before a fault fires', async () => {
    sandbox.faults.add({ kind: 'status', status: 503, path: '/', host: 'localhost', skip: 2, times: 1 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`https://localhost:${sandbox.port}/`)).status);
    expect(statuses).toEqual([200, 200, 503, 200]);
  });
});
