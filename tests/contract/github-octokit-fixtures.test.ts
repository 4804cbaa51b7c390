import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { apiBase, githubToken } from '../sandbox/github/api/test-support.ts';

/**
 * GitHub's recorded traffic (`@octokit/fixtures`, scenario `paginate-issues`: 13 issues, `per_page=3`, 5 pages) replayed
 * over HTTP by `@octokit/fixtures-server`, against the sandbox answering the same call: the paging and the headers a
 * client reads must have the same structure. Bodies are not compared (the recording predates current schema fields).
 */

interface Walk {
  readonly pages: { readonly headers: Record<string, string | number | undefined>; readonly items: number }[];
}

const silent = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

async function walk(octokit: Octokit, owner: string, repo: string): Promise<Walk> {
  const pages: Walk['pages'][number][] = [];
  for await (const page of octokit.paginate.iterator('GET /repos/{owner}/{repo}/issues', { owner, repo, per_page: 3 })) {
    pages.push({ headers: page.headers, items: page.data.length });
  }
  return { pages };
}

/** `rel` → URL of a `Link` header. */
function links(headers: Record<string, string | number | undefined>): Map<string, URL> {
  const out = new Map<string, URL>();
  for (const part of String(headers.link ?? '').split(',')) {
    const m = /<([^>]+)>;\s*rel="([^"]+)"/.exec(part);
    if (m?.[1] && m[2]) out.set(m[2], new URL(m[1]));
  }
  return out;
}

const rels = (headers: Record<string, string | number | undefined>) => [...links(headers).keys()].sort();
const rateHeaderNames = (headers: Record<string, string | number | undefined>) => Object.keys(headers).filter((h) => h.startsWith('x-ratelimit-')).sort();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`fixtures server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('sandbox paging and headers match GitHub’s recorded traffic', () => {
  let sandbox: Sandbox;
  let server: ChildProcess;
  let fixturesUrl: string;

  beforeAll(async () => {
    sandbox = await startSandbox();
    // A child process: the fixtures server intercepts with nock, which must not patch this test's own HTTP stack.
    const port = await freePort();
    const bin = join(dirname(createRequire(import.meta.url).resolve('@octokit/fixtures-server/package.json')), 'bin', 'server.js');
    server = spawn(process.execPath, [bin, '--port', String(port), '--fixtures-url', `http://localhost:${port}`, '--log-level', 'silent'], { stdio: 'ignore' });
    await waitUntilUp(`http://localhost:${port}/ping`, server);
    const loaded = await fetch(`http://localhost:${port}/fixtures`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ scenario: 'paginate-issues' }) });
    expect(loaded.status).toBe(201);
    fixturesUrl = ((await loaded.json()) as { url: string }).url;
  });

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    }
    await sandbox.close();
  });

  it('walks every page on both, with the same Link relations, rate-limit headers, quoted ETags and content type', async () => {
    const recorded = await walk(new Octokit({ auth: '0000000000000000000000000000000000000001', baseUrl: fixturesUrl, log: silent }), 'octokit-fixture-org', 'paginate-issues');
    const sandboxed = await walk(new Octokit({ auth: githubToken(sandbox), baseUrl: apiBase(sandbox), log: silent }), 'acme', 'checkout-web');
    expect(recorded.pages.map((p) => p.items)).toEqual([3, 3, 3, 3, 1]);
    const openIssues = sandbox.data.github[0]?.repos.find((r) => r.name === 'checkout-web')?.issues.filter((i) => i.state === 'open').length ?? 0;

    for (const [run, expectedItems] of [
      [recorded, 13],
      [sandboxed, openIssues],
    ] as const) {
      const first = run.pages[0]?.headers ?? {};
      // Octokit followed `next` to the page `last` announced, and saw every item.
      expect(run.pages.length).toBe(Number(links(first).get('last')?.searchParams.get('page')));
      expect(run.pages.reduce((n, p) => n + p.items, 0)).toBe(expectedItems);
      // GitHub's `next` links switch to the `/repositories/{id}` form and keep `per_page`.
      const next = links(first).get('next');
      expect(next?.pathname).toMatch(/\/repositories\/\d+\/issues$/);
      expect(next?.searchParams.get('per_page')).toBe('3');
      expect(next?.searchParams.get('page')).toBe('2');
    }

    const middle = (w: Walk) => w.pages[Math.floor(w.pages.length / 2)]?.headers ?? {};
    const last = (w: Walk) => w.pages.at(-1)?.headers ?? {};
    expect(rels(sandboxed.pages[0]?.headers ?? {})).toEqual(rels(recorded.pages[0]?.headers ?? {}));
    expect(rels(middle(sandboxed))).toEqual(rels(middle(recorded)));
    expect(rels(last(sandboxed))).toEqual(rels(last(recorded)));
    expect(rels(middle(recorded))).toEqual(['first', 'last', 'next', 'prev']);

    for (const [s, r] of sandboxed.pages.slice(0, recorded.pages.length).map((p, i) => [p.headers, recorded.pages[i]?.headers ?? {}] as const)) {
      expect(rateHeaderNames(s)).toEqual(rateHeaderNames(r));
      expect(String(s.etag)).toMatch(/^(W\/)?"[^"]+"$/);
      expect(String(r.etag)).toMatch(/^(W\/)?"[^"]+"$/);
      expect(s['content-type']).toBe(r['content-type']);
      expect(s['x-github-media-type']).toBe(r['x-github-media-type']);
      expect(s['x-ratelimit-resource']).toBe(r['x-ratelimit-resource']);
      for (const name of ['x-github-request-id', 'x-oauth-scopes', 'x-accepted-oauth-scopes', 'cache-control']) {
        expect(s[name], name).toBeDefined();
        expect(r[name], name).toBeDefined();
      }
      expect(s['x-accepted-oauth-scopes']).toBe(r['x-accepted-oauth-scopes']);
      expect(s['cache-control']).toBe(r['cache-control']);
    }
  });
});
