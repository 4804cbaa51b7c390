import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemKey, itemKeyPrefixes, parseItemKey, projectKeyOfItem, PROVIDER_KEYS, type ItemRef, type ProviderKey } from '../../../lib/core/item-ref';
import { matchPageUrl, PAGE_MATCHERS } from '../../../lib/providers/registry';
import type { PageMatch } from '../../../lib/providers/types';

/**
 * URL → ItemRef under hostile input: whatever a tab's address is, the matchers answer (never throw: a content script
 * that throws here shows no button at all), and every item they name has a key that reads back as the same item.
 * fast-check prints the seed and the shrunk counterexample of any failure; rerun with `{ seed, path }`.
 */
const RUNS = 10_000;

const PUBLIC_HOSTS = ['github.com', 'gitlab.com', 'acme.atlassian.net'] as const;
const selfHosted = new Map<string, ProviderKey>([
  ['github.example.test', 'github'],
  ['gitlab.example.test', 'gitlab'],
  ['jira.example.test', 'jira'],
]);

/** Path segments people, providers and attackers put in URLs: names, numbers, keys, escapes (valid and broken), unicode. */
const segment = fc.oneof(
  fc.constantFrom('issues', 'pull', 'pulls', 'merge_requests', 'work_items', '-', 'browse', 'jira', 'software', 'projects', 'boards', 'orgs', 'users', 'search', 'dashboard', 'files', 'diffs', 'backlog', 'c', '..', '.', ''),
  fc.stringMatching(/^[A-Za-z0-9_.-]{1,12}$/),
  fc.stringMatching(/^[A-Z][A-Z0-9_]{1,5}-[0-9]{1,4}$/),
  fc.nat({ max: 100_000 }).map(String),
  fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|%E0%A4%A|%FF|%00){1,3}$/),
  fc.string({ unit: 'grapheme', maxLength: 8 }).map(encodeURIComponent),
);
const query = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.constantFrom('show', 'selectedIssue', 'jql', 'filter', 'type', 'rapidView', 'projectKey', 'q'), fc.oneof(fc.string({ maxLength: 30 }), fc.json().map((j) => btoa(unescape(encodeURIComponent(j)))), fc.constantFrom('PAY-1', 'issues', '%%', 'eyJpaWQiOjF9'))).map(([k, v]) => `?${k}=${encodeURIComponent(v)}`),
  fc.string({ maxLength: 40 }).map((s) => `?${s}`),
);
const host = fc.oneof(fc.constantFrom(...PUBLIC_HOSTS, ...selfHosted.keys()), fc.domain());
const hostileUrl = fc.tuple(host, fc.array(segment, { maxLength: 8 }), query, fc.boolean()).map(([h, parts, q, slash]) => `https://${h}/${parts.join('/')}${slash ? '/' : ''}${q}`);

function itemOf(match: PageMatch | null): ItemRef | null {
  return match?.item ?? null;
}

/** The key of an item reads back as an item of the same provider and host, and names the same key again. */
function expectStableKey(ref: ItemRef): void {
  const key = itemKey(ref);
  const parsed = parseItemKey(key);
  expect(parsed, key).not.toBeNull();
  expect(parsed!.provider).toBe(ref.provider);
  expect(parsed!.host).toBe(ref.host.toLowerCase());
  expect(itemKey(parsed!)).toBe(key);
  const project = projectKeyOfItem(key);
  expect(project, key).not.toBeNull();
  expect(itemKeyPrefixes(project!).some((prefix) => key.startsWith(prefix)), key).toBe(true);
}

describe('URL → ItemRef, fuzzed', () => {
  it(`never throws on ${RUNS} hostile URLs, and every item found has a stable key`, () => {
    fc.assert(
      fc.property(hostileUrl, (text) => {
        let url: URL;
        try {
          url = new URL(text);
        } catch {
          return; // not a URL a tab can have
        }
        const match = matchPageUrl(url, selfHosted);
        const item = itemOf(match);
        if (item) expectStableKey(item);
        // Each provider's matcher on its own, whatever the host: none throws either.
        for (const provider of PROVIDER_KEYS) {
          const own = itemOf(PAGE_MATCHERS[provider](url));
          if (own) expectStableKey(own);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it(`finds exactly the item in ${RUNS} well-formed item URLs of every provider`, () => {
    const name = fc.stringMatching(/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,15}$/).filter((n) => !/^\.+$/.test(n) && !['issues', 'pulls', 'orgs', 'users', 'search', 'settings', 'dashboard', 'explore', 'admin', 'api', 'groups', 'help', 'new', 'login'].includes(n.toLowerCase()));
    const number = fc.integer({ min: 1, max: 9_999_999 });
    const github = fc.record({ owner: name, repo: name, n: number, pull: fc.boolean(), host: fc.constantFrom('github.com', 'github.example.test') }).map(
      ({ owner, repo, n, pull, host: h }) => [`https://${h}/${owner}/${repo}/${pull ? 'pull' : 'issues'}/${n}`, `github:${h}/${owner.toLowerCase()}/${repo.toLowerCase()}#${n}`] as const,
    );
    const gitlab = fc.record({ path: fc.array(name, { minLength: 2, maxLength: 4 }), n: number, mr: fc.boolean(), host: fc.constantFrom('gitlab.com', 'gitlab.example.test') }).map(
      ({ path, n, mr, host: h }) => [`https://${h}/${path.join('/')}/-/${mr ? 'merge_requests' : 'issues'}/${n}`, `gitlab:${h}/${path.join('/').toLowerCase()}${mr ? '!' : '#'}${n}`] as const,
    );
    const jira = fc.record({ project: fc.stringMatching(/^[A-Z][A-Z0-9_]{1,9}$/), n: number, host: fc.constantFrom('acme.atlassian.net', 'jira.example.test'), lower: fc.boolean() }).map(
      ({ project, n, host: h, lower }) => [`https://${h}/browse/${lower ? `${project}-${n}`.toLowerCase() : `${project}-${n}`}`, `jira:${h}/${project}-${n}`] as const,
    );
    fc.assert(
      fc.property(fc.oneof(github, gitlab, jira), ([url, key]) => {
        const match = matchPageUrl(new URL(url), selfHosted);
        expect(match?.kind, url).toBe('item');
        expect(itemKey(itemOf(match)!)).toBe(key);
      }),
      { numRuns: RUNS },
    );
  });

  it(`reads ${RUNS} arbitrary strings as item keys without throwing; whatever it accepts is canonical after one pass`, () => {
    const keyish = fc.oneof(
      fc.string({ maxLength: 80 }),
      fc.tuple(fc.constantFrom('github:', 'gitlab:', 'jira:'), fc.domain(), fc.string({ maxLength: 40 })).map(([p, h, rest]) => `${p}${h}/${rest}`),
      fc.tuple(fc.constantFrom('github:', 'gitlab:'), fc.domain(), fc.array(fc.stringMatching(/^[a-z0-9_.-]{1,8}$/), { minLength: 1, maxLength: 4 }), fc.constantFrom('#', '!'), fc.nat()).map(([p, h, path, sign, n]) => `${p}${h}/${path.join('/')}${sign}${n}`),
    );
    fc.assert(
      fc.property(keyish, (key) => {
        const ref = parseItemKey(key);
        if (!ref) return;
        expectStableKey(ref);
      }),
      { numRuns: RUNS },
    );
  });
});
