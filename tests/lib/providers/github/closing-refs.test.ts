import { describe, expect, it } from 'vitest';
import { closingReferences } from '../../../../lib/providers/github/closing-refs';

const repo = { host: 'github.com', owner: 'Acme', name: 'checkout-web' };

describe('issues a pull request closes', () => {
  it.each([
    ['Fixes #12', ['github:github.com/acme/checkout-web#12']],
    ['closes: #3 and resolves acme/ledger#40', ['github:github.com/acme/checkout-web#3', 'github:github.com/acme/ledger#40']],
    ['Resolved https://github.com/acme/checkout-web/issues/7.', ['github:github.com/acme/checkout-web#7']],
    ['FIX #5, fix #5', ['github:github.com/acme/checkout-web#5']],
    ['See #12; related to #13', []],
    ['prefix#12 and fixes#14', []],
    ['Fixes https://evil.example/acme/checkout-web/issues/9', []],
    ['Fixes #012', []],
    ['', []],
  ])('%j → %j', (body, keys) => {
    expect(closingReferences(body, repo)).toEqual(keys);
  });

  it('reads at most 20 references from a description', () => {
    const body = Array.from({ length: 50 }, (_, i) => `fixes #${i + 1}`).join('\n');
    expect(closingReferences(body, repo)).toHaveLength(20);
    expect(closingReferences(null, repo)).toEqual([]);
  });
});
