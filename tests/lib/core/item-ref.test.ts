import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itemKey, itemKeyPrefixes, parseItemKey, projectKeyOfItem, type ItemRef } from '../../../lib/core/item-ref';

describe('item keys', () => {
  it.each([
    ['github:github.com/acme/checkout-web#12', { provider: 'github', host: 'github.com', project: 'acme/checkout-web', id: '12' }],
    ['gitlab:gitlab.example.com/group/sub/app!34', { provider: 'gitlab', host: 'gitlab.example.com', project: 'group/sub/app', id: '34', kind: 'mr' }],
    ['jira:acme.atlassian.net/PAY-123', { provider: 'jira', host: 'acme.atlassian.net', project: 'PAY', id: 'PAY-123' }],
  ])('parses %s', (key, expected) => {
    expect(parseItemKey(key)).toMatchObject(expected);
  });

  it.each(['', 'github:github.com/acme#1', 'github:github.com/a/b!2', 'jira:x/pay-1', 'gitlab:host/p#0', 'other:host/a/b#1', 'github:Git Hub/a/b#1'])('rejects %j', (key) => {
    expect(parseItemKey(key)).toBeNull();
  });

  it('names the project of an item', () => {
    expect(projectKeyOfItem('github:github.com/acme/checkout-web#12')).toBe('github:github.com/acme/checkout-web');
    expect(projectKeyOfItem('jira:acme.atlassian.net/PAY-123')).toBe('jira:acme.atlassian.net/PAY');
  });

  it('an item key starts with a prefix of its own project, and of no other project', () => {
    const keys = ['github:github.com/acme/app#1', 'github:github.com/acme/app-v2#1', 'gitlab:gitlab.com/g/app!3', 'gitlab:gitlab.com/g/app#4', 'jira:acme.atlassian.net/PAY-9', 'jira:acme.atlassian.net/PAYX-9'];
    for (const key of keys) {
      const owners = [...new Set(keys.map(projectKeyOfItem))].filter((project) => itemKeyPrefixes(project!).some((prefix) => key.startsWith(prefix)));
      expect(owners, key).toEqual([projectKeyOfItem(key)]);
    }
    expect(itemKeyPrefixes('other:x/y')).toEqual([]);
  });

  it('parse(key(ref)) is the same item, for any host and project', () => {
    const segment = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{0,15}$/);
    const ref = fc.oneof(
      fc.record({ provider: fc.constant('github' as const), host: fc.domain(), project: fc.tuple(segment, segment).map(([a, b]) => `${a}/${b}`), id: fc.integer({ min: 1, max: 1e6 }).map(String), kind: fc.constantFrom<'issue' | 'pr'>('issue', 'pr') }),
      fc.record({ provider: fc.constant('gitlab' as const), host: fc.domain(), project: fc.array(segment, { minLength: 2, maxLength: 4 }).map((s) => s.join('/')), id: fc.integer({ min: 1, max: 1e6 }).map(String), kind: fc.constantFrom<'issue' | 'mr'>('issue', 'mr') }),
      fc.record({ provider: fc.constant('jira' as const), host: fc.domain(), project: fc.stringMatching(/^[A-Z][A-Z0-9_]{1,9}$/), id: fc.integer({ min: 1, max: 1e6 }).map(String), kind: fc.constant('issue' as const) }).map((r) => ({ ...r, id: `${r.project}-${r.id}` })),
    ) as fc.Arbitrary<ItemRef>;
    fc.assert(
      fc.property(ref, (r) => {
        const parsed = parseItemKey(itemKey(r));
        expect(parsed && itemKey(parsed)).toBe(itemKey(r));
      }),
      { numRuns: 2000 },
    );
  });
});
