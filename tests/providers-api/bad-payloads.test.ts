import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { ProviderKey } from '../../lib/core/item-ref';
import { STANDARD_WORK_WEEK } from '../../lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';
import { database } from '../../lib/db/open';
import { githubAdapter } from '../../lib/providers/github/adapter';
import { gitlabAdapter } from '../../lib/providers/gitlab/adapter';
import { jiraAdapter } from '../../lib/providers/jira/adapter';
import { syncProject, type SyncDeps } from '../../lib/services/sync/engine';
import { CLOUD_HOST, person, tokenOf } from '../sandbox/jira/api/test-clients.ts';
import type { Sandbox } from '../sandbox/server.ts';
import { withSandbox } from './lifecycle.ts';
import { connectAndTrack } from './connect.ts';

/**
 * A payload the provider sends that Stint cannot read (a 300,000-character title, beyond what the schemas accept)
 * goes through each real adapter's read path against the sandbox: the sync does not fail, that item is kept and
 * marked with the reason, and every other item is read as usual.
 */
describe('an unreadable item in a provider’s answer', () => {
  let sandbox: Sandbox;
  const now = Date.now();
  const HUGE = 'x'.repeat(300_000);
  const deps = (): SyncDeps => ({ adapters: { github: githubAdapter, gitlab: gitlabAdapter, jira: jiraAdapter }, now: () => now, random: () => 0.5, week: STANDARD_WORK_WEEK, estimateLabels: DEFAULT_ESTIMATE_LABELS });

  withSandbox((s) => (sandbox = s), { fakeDate: () => now });

  async function syncWith(provider: ProviderKey, host: string, apiBase: string, token: string, project: string, extra: object = {}) {
    const db = await database();
    await connectAndTrack(db, { provider, host, apiBase, login: 'ana', token, project, ...extra }, now);
    const key = `${provider}:${host}/${project}`;
    const result = await syncProject(db, key, deps());
    return { db, result };
  }

  it('GitHub: the issue is marked “title: …”, the others are read', async () => {
    const repo = sandbox.data.github[0]!.repos.find((r) => r.name === 'checkout-web')!;
    const bad = repo.issues[4]!;
    bad.title = HUGE;
    const token = sandbox.data.github[0]!.tokens.find((t) => t.personId === 'ana')!.value;
    const { db, result } = await syncWith('github', 'github.com', `https://api.github.com:${sandbox.port}`, token, 'acme/checkout-web');
    expect(result.items).toBe(repo.issues.length);
    expect(await db.get('items', `github:github.com/acme/checkout-web#${bad.number}`)).toMatchObject({ syncError: expect.stringMatching(/^title: /) as string, title: null });
    const good = repo.issues[5]!;
    expect(await db.get('items', `github:github.com/acme/checkout-web#${good.number}`)).toMatchObject({ title: good.title, syncError: null });
  });

  it('GitLab: the issue is marked, the others are read', async () => {
    const gitlab = sandbox.data.gitlab.find((i) => i.host === 'gitlab.com')!;
    const project = gitlab.projects.find((p) => p.pathWithNamespace === 'acme/platform/billing-service')!;
    const bad = project.issues[2]!;
    bad.title = HUGE;
    const token = gitlab.tokens.find((t) => t.personId === 'ana' && t.scopes.includes('api'))!.value;
    const { db, result } = await syncWith('gitlab', 'gitlab.com', `https://gitlab.com:${sandbox.port}/api/v4`, token, 'acme/platform/billing-service');
    expect(result.items).toBe(project.issues.length + project.mergeRequests.length);
    expect(await db.get('items', `gitlab:gitlab.com/acme/platform/billing-service#${bad.iid}`)).toMatchObject({ syncError: expect.stringMatching(/^title: /) as string });
    expect(await db.get('items', `gitlab:gitlab.com/acme/platform/billing-service#${project.issues[3]!.iid}`)).toMatchObject({ syncError: null });
  });

  it('Jira: the issue is marked, the others are read', async () => {
    const site = sandbox.data.jira.find((s) => s.host === CLOUD_HOST)!;
    const issues = site.issues.filter((i) => i.projectKey === 'PAY');
    const bad = issues[1]!;
    bad.summary = HUGE;
    const p = person(sandbox, 'ana');
    const { db, result } = await syncWith('jira', CLOUD_HOST, `https://${CLOUD_HOST}:${sandbox.port}`, tokenOf(sandbox, CLOUD_HOST, 'ana'), 'PAY', { jira: { deployment: 'Cloud', email: p.email, userId: p.jira.accountId, timeZone: p.timeZone } });
    expect(result.items).toBe(issues.length);
    expect(await db.get('items', `jira:${CLOUD_HOST}/${bad.key}`)).toMatchObject({ syncError: expect.stringMatching(/summary/) as string });
    expect(await db.get('items', `jira:${CLOUD_HOST}/${issues[2]!.key}`)).toMatchObject({ syncError: null });
  });
});
