import { describe, expect, it } from 'vitest';
import { itemKey } from '../../../lib/core/item-ref';
import { matchGithubPage } from '../../../lib/providers/github/url';
import { matchGitlabPage } from '../../../lib/providers/gitlab/url';
import { matchJiraPage } from '../../../lib/providers/jira/url';
import type { PageMatch } from '../../../lib/providers/types';

const MATCHERS = { github: matchGithubPage, gitlab: matchGitlabPage, jira: matchJiraPage } as const;
type Provider = keyof typeof MATCHERS;

/** What a sample URL must be: its provider, its page kind, and for items the canonical key. */
type Expect = { provider: Provider; kind: PageMatch['kind']; key?: string | null; list?: string };

const SAMPLES: Record<string, Expect> = {
  'https://github.com/acme/checkout-web/issues/12': { provider: 'github', kind: 'item', key: 'github:github.com/acme/checkout-web#12' },
  'https://github.com/Acme/Checkout-Web/pull/7': { provider: 'github', kind: 'item', key: 'github:github.com/acme/checkout-web#7' },
  'https://github.com/acme/checkout-web/pull/7/files': { provider: 'github', kind: 'item', key: 'github:github.com/acme/checkout-web#7' },
  'https://github.com/acme/checkout-web/issues/12#issuecomment-1': { provider: 'github', kind: 'item', key: 'github:github.com/acme/checkout-web#12' },
  'https://github.example.test/eng/portal/issues/3': { provider: 'github', kind: 'item', key: 'github:github.example.test/eng/portal#3' },
  'https://github.com/acme/checkout-web/issues': { provider: 'github', kind: 'list', list: 'issues' },
  'https://github.com/acme/checkout-web/issues?q=is%3Aopen': { provider: 'github', kind: 'list', list: 'issues' },
  'https://github.com/acme/checkout-web/pulls': { provider: 'github', kind: 'list', list: 'pulls' },
  'https://github.com/issues': { provider: 'github', kind: 'list', list: 'issues' },
  'https://github.com/pulls': { provider: 'github', kind: 'list', list: 'pulls' },
  'https://github.com/search?q=payment&type=issues': { provider: 'github', kind: 'list', list: 'search' },
  'https://github.com/orgs/acme/projects/1': { provider: 'github', kind: 'board', key: null },
  'https://github.com/orgs/acme/projects/1/views/2': { provider: 'github', kind: 'board', key: null },
  'https://gitlab.com/acme/platform/billing-service/-/issues/5': { provider: 'gitlab', kind: 'item', key: 'gitlab:gitlab.com/acme/platform/billing-service#5' },
  'https://gitlab.com/acme/platform/billing-service/-/work_items/5': { provider: 'gitlab', kind: 'item', key: 'gitlab:gitlab.com/acme/platform/billing-service#5' },
  'https://gitlab.com/acme/platform/billing-service/-/merge_requests/5': { provider: 'gitlab', kind: 'item', key: 'gitlab:gitlab.com/acme/platform/billing-service!5' },
  'https://gitlab.com/acme/platform/billing-service/-/merge_requests/5/diffs': { provider: 'gitlab', kind: 'item', key: 'gitlab:gitlab.com/acme/platform/billing-service!5' },
  'https://gitlab.example.test/tools/ci-runner/-/issues/2': { provider: 'gitlab', kind: 'item', key: 'gitlab:gitlab.example.test/tools/ci-runner#2' },
  'https://gitlab.com/acme/platform/billing-service/-/issues': { provider: 'gitlab', kind: 'list', list: 'issues' },
  'https://gitlab.com/acme/platform/billing-service/-/merge_requests?state=opened': { provider: 'gitlab', kind: 'list', list: 'merge_requests' },
  'https://gitlab.com/dashboard/issues': { provider: 'gitlab', kind: 'list', list: 'issues' },
  'https://gitlab.com/acme/platform/billing-service/-/boards': { provider: 'gitlab', kind: 'board', key: null },
  // GitLab's drawer parameter: base64 of {"id","iid","full_path"} (work_items/constants.js).
  [`https://gitlab.com/acme/platform/billing-service/-/boards/3?show=${btoa('{"id":"gid://gitlab/WorkItem/9","iid":"8","full_path":"acme/platform/billing-service"}')}`]: { provider: 'gitlab', kind: 'board', key: 'gitlab:gitlab.com/acme/platform/billing-service#8' },
  [`https://gitlab.com/acme/platform/billing-service/-/issues?show=${btoa('{"id":9,"iid":5,"full_path":"acme/infra/deploy-tools"}')}`]: { provider: 'gitlab', kind: 'list', key: 'gitlab:gitlab.com/acme/infra/deploy-tools#5' },
  'https://gitlab.com/acme/platform/billing-service/-/boards/3?show=8': { provider: 'gitlab', kind: 'board', key: null },
  'https://gitlab.com/acme/platform/billing-service/-/issues?show=eyJpaWQiOiI8c2NyaXB0PiJ9': { provider: 'gitlab', kind: 'list', key: null },
  'https://acme.atlassian.net/browse/PAY-123': { provider: 'jira', kind: 'item', key: 'jira:acme.atlassian.net/PAY-123' },
  'https://acme.atlassian.net/browse/pay-123': { provider: 'jira', kind: 'item', key: 'jira:acme.atlassian.net/PAY-123' },
  'https://jira.example.test/browse/DC_2-4': { provider: 'jira', kind: 'item', key: 'jira:jira.example.test/DC_2-4' },
  'https://acme.atlassian.net/jira/software/projects/PAY/boards/1?selectedIssue=PAY-9': { provider: 'jira', kind: 'board', key: 'jira:acme.atlassian.net/PAY-9' },
  'https://acme.atlassian.net/jira/software/c/projects/PAY/boards/1': { provider: 'jira', kind: 'board', key: null },
  'https://acme.atlassian.net/jira/software/projects/PAY/boards/1/backlog?selectedIssue=PAY-3': { provider: 'jira', kind: 'board', key: 'jira:acme.atlassian.net/PAY-3' },
  'https://jira.example.test/secure/RapidBoard.jspa?rapidView=4&selectedIssue=DC-2': { provider: 'jira', kind: 'board', key: 'jira:jira.example.test/DC-2' },
  'https://acme.atlassian.net/jira/software/projects/PAY/issues/PAY-12': { provider: 'jira', kind: 'item', key: 'jira:acme.atlassian.net/PAY-12' },
  'https://acme.atlassian.net/jira/software/projects/PAY/issues': { provider: 'jira', kind: 'list', list: 'issues' },
  'https://acme.atlassian.net/issues/?jql=project%20%3D%20PAY': { provider: 'jira', kind: 'list', list: 'search' },
};

/** URLs no provider may claim: look-alikes, reserved pages, malformed keys. */
const NOBODY = [
  'https://github.com/acme/checkout-web',
  'https://github.com/acme/checkout-web/issues/new',
  'https://github.com/acme/checkout-web/issues/012',
  'https://github.com/settings/issues/1',
  'https://github.com/orgs/acme/issues/1',
  'https://github.com/acme/checkout-web/pull/7/review-comments/xyz',
  'https://gitlab.com/acme/platform/billing-service',
  'https://gitlab.com/acme/platform/billing-service/-/issues/new',
  'https://gitlab.com/groups/acme/-/issues/4',
  'https://gitlab.com/acme/platform/billing-service/-/pipelines/99',
  'https://acme.atlassian.net/browse/PAY',
  'https://acme.atlassian.net/browse/PAY-0',
  'https://acme.atlassian.net/browse/1PAY-2',
  'https://acme.atlassian.net/jira/software/projects/PAY/issues/not-a-key',
  'https://acme.atlassian.net/jira/your-work',
];

describe('URL → page, across all providers (each URL claimed by exactly one matcher, as exactly one kind)', () => {
  for (const [href, expected] of Object.entries(SAMPLES)) {
    it(href, () => {
      const url = new URL(href);
      for (const [provider, match] of Object.entries(MATCHERS)) {
        const result = match(url);
        if (provider !== expected.provider) {
          expect(result, `${provider} must not claim it`).toBeNull();
          continue;
        }
        expect(result?.kind).toBe(expected.kind);
        if (expected.key !== undefined) {
          const item = result?.item ?? null;
          expect(item ? itemKey(item) : null).toBe(expected.key);
        }
        if (expected.list !== undefined) expect(result?.kind === 'list' ? result.list : null).toBe(expected.list);
      }
    });
  }

  for (const href of NOBODY) {
    it(`nobody claims ${href}`, () => {
      for (const match of Object.values(MATCHERS)) expect(match(new URL(href))).toBeNull();
    });
  }
});
