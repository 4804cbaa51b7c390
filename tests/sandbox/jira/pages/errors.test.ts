import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/jira/selectors.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { allSelectors, fetchPage, fixtureMeta, matches, sandboxUrl } from './testing.ts';

const NOW = Date.UTC(2026, 10, 26, 12);

describe('Jira error pages', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ now: NOW });
  });
  afterAll(() => sandbox.close());

  const selectorless: [string, RegExp][] = [
    ['https://acme.atlassian.net/jira/nothing-here', /^jira 404 — Jira Cloud page-not-found/],
    ['https://acme.atlassian.net/', /^jira 404 — Jira Cloud page-not-found/],
    ['https://acme.atlassian.net/browse/PAY-9999', /^jira 404 — Jira Cloud work item view, work item not found/],
    ['https://jira.example.test/browse/DC-999', /^jira 404 — Jira Data Center error page/],
    ['https://jira.example.test/secure/NoSuchAction.jspa', /^jira 404 — Jira Data Center error page/],
    ['https://nope.atlassian.net/browse/PAY-5', /^atlassian site-not-found/],
    ['https://nope.atlassian.net/', /^atlassian site-not-found/],
  ];

  it.each(selectorless)('%s is a 404 page on which no Stint selector matches', async (url, fixture) => {
    const page = await fetchPage(sandbox, url);
    expect(page.status).toBe(404);
    expect(fixtureMeta(page.document)).toMatch(fixture);
    for (const selector of allSelectors(SELECTORS)) expect(matches(page.document, selector), selector).toHaveLength(0);
  });

  it('gives an unknown *.atlassian.net site Atlassian’s page, not a Jira frame', async () => {
    const page = await fetchPage(sandbox, 'https://nope.atlassian.net/jira/software/c/projects/PAY/boards/1');
    expect(page.status).toBe(404);
    expect(page.document.getElementById('jira-frontend')).toBeNull();
    expect(page.document.querySelector('h1')?.textContent).toMatch(/site is currently unavailable/);
  });

  it('leaves /rest/ to the API: an unknown REST path is not a page route and never gets an HTML page', async () => {
    const response = await fetch(sandboxUrl(sandbox, 'https://acme.atlassian.net/rest/api/3/no-such-resource'));
    expect(response.headers.get('content-type')).not.toMatch(/text\/html/);
    expect(sandbox.log.at(-1)?.route ?? '').not.toMatch(/^jira\.pages\./);
  });

  it('answers faults injected on page URLs with Jira’s HTML error pages', async () => {
    sandbox.faults.add({ kind: 'status', status: 503, host: 'acme.atlassian.net', path: '/browse/', times: 1 });
    const failed = await fetchPage(sandbox, 'https://acme.atlassian.net/browse/PAY-5');
    expect(failed.status).toBe(503);
    expect(fixtureMeta(failed.document)).toBe('jira 503 — Jira Cloud error page');
    for (const selector of allSelectors(SELECTORS)) expect(matches(failed.document, selector), selector).toHaveLength(0);

    sandbox.faults.add({ kind: 'rateLimit', retryAfter: 30, host: 'jira.example.test', path: '/browse/', times: 1 });
    const limited = await fetch(sandboxUrl(sandbox, 'https://jira.example.test/browse/DC-4'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('30');
    expect(limited.headers.get('content-type')).toMatch(/^text\/html/);

    expect((await fetchPage(sandbox, 'https://acme.atlassian.net/browse/PAY-5')).status).toBe(200);
  });
});
