import type { GhIssue, GhRepo } from '../../data/model.ts';
import { grants } from './auth.ts';
import { GHE_VERSION } from './headers.ts';
import { matchesIssue, mentions, parseIssueFilter, sortIssues } from './issue-filter.ts';
import { iso, repoLinks } from './links.ts';
import { pagedReply } from './paging.ts';
import { addRoute, type ApiScope, type GhRequest } from './pipeline.ts';
import { rateStatus, rateWindow } from './rate-limit.ts';
import { renderIssue, simpleUser } from './render.ts';
import { renderRepository } from './render-repo.ts';
import { requiresAuthentication, validationFailed } from './errors.ts';

const DAY = 86_400_000;

/** The caller and the service: `GET /user`, `/user/issues`, `/rate_limit`, `/meta`. */
export function registerAccount(scope: ApiScope): void {
  addRoute(scope, 'GET', '/user', { name: 'github.user.get', docs: 'users/users#get-the-authenticated-user' }, (gh) => {
    const person = gh.person;
    if (!person) return requiresAuthentication(gh.docs);
    const index = gh.state.data.people.findIndex((p) => p.id === person.id);
    const createdAt = gh.state.data.now - (900 + index * 131) * DAY;
    return {
      status: 200,
      body: {
        ...simpleUser(gh.links, person.github.login),
        user_view_type: 'private',
        name: person.name,
        company: '@acme',
        blog: '',
        location: person.timeZone.split('/')[1]?.replace(/_/g, ' ') ?? null,
        email: person.email,
        notification_email: person.email,
        hireable: null,
        bio: null,
        twitter_username: null,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: iso(createdAt),
        updated_at: iso(gh.state.data.now - (index + 1) * DAY),
        private_gists: 0,
        total_private_repos: 0,
        owned_private_repos: 0,
        disk_usage: 0,
        collaborators: 0,
        two_factor_authentication: true,
        plan: { name: 'pro', space: 976562499, collaborators: 0, private_repos: 9999 },
      },
    };
  });

  addRoute(scope, 'GET', '/user/issues', { name: 'github.issues.listForUser', docs: 'issues/issues#list-user-account-issues-assigned-to-the-authenticated-user', accepted: ['repo'] }, (gh) => {
    const filterName = gh.query.get('filter') ?? 'assigned';
    if (!['assigned', 'created', 'mentioned', 'subscribed', 'repos', 'all'].includes(filterName)) {
      return validationFailed(gh.docs, { resource: 'Issue', code: 'invalid', field: 'filter', value: filterName });
    }
    const parsed = parseIssueFilter(gh);
    if (!parsed.ok) return parsed.reply;
    const login = gh.person?.github.login ?? '';
    const involves = (issue: GhIssue): boolean => {
      if (filterName === 'assigned') return issue.assignees.includes(login);
      if (filterName === 'created') return issue.user === login;
      if (filterName === 'mentioned') return mentions(issue, login);
      if (filterName === 'subscribed') return issue.user === login || issue.assignees.includes(login) || issue.comments.some((c) => c.user === login) || mentions(issue, login);
      return true;
    };
    // Every seeded repository is private: without `repo` the caller sees none of them.
    const repos = gh.token && grants(gh.token, 'repo') ? gh.instance.repos : gh.instance.repos.filter((r) => !r.private);
    const found = sortIssues(
      repos.flatMap((repo) => repo.issues.filter((i) => involves(i) && matchesIssue(i, parsed.filter))),
      parsed.filter.sort,
      parsed.filter.direction,
    );
    const repoOf = new Map<GhIssue, GhRepo>(repos.flatMap((repo) => repo.issues.map((i) => [i, repo] as const)));
    return pagedReply(gh, found, (issue) => {
      const repo = repoOf.get(issue) as GhRepo;
      const links = repoLinks(gh.links, repo);
      return { ...renderIssue(links, repo, issue), repository: renderRepository(links, repo) };
    });
  });

  addRoute(scope, 'GET', '/rate_limit', { name: 'github.rateLimit.get', docs: 'rate-limit/rate-limit#get-rate-limit-status-for-the-authenticated-user', anonymous: true, free: true }, (gh) => {
    const token = gh.token?.value ?? null;
    const core = rateStatus(rateWindow(gh.state, gh.instance.host, token, 'core'), 'core');
    const search = rateStatus(rateWindow(gh.state, gh.instance.host, token, 'search'), 'search');
    const untracked = (resource: string, limit: number) => ({ limit, used: 0, remaining: limit, reset: Math.ceil(gh.state.now() / 1000) + 3600, resource });
    return {
      status: 200,
      body: {
        resources: {
          core,
          search,
          graphql: untracked('graphql', token ? 5000 : 0),
          integration_manifest: untracked('integration_manifest', 5000),
          source_import: untracked('source_import', 100),
          code_scanning_upload: untracked('code_scanning_upload', 1000),
          actions_runner_registration: untracked('actions_runner_registration', 10000),
          scim: untracked('scim', 15000),
          dependency_snapshots: untracked('dependency_snapshots', 100),
          code_search: untracked('code_search', 10),
        },
        rate: core,
      },
    };
  });

  addRoute(scope, 'GET', '/meta', { name: 'github.meta.get', docs: 'meta/meta#get-github-meta-information', anonymous: true }, (gh: GhRequest) => ({
    status: 200,
    body: gh.links.enterprise
      ? { verifiable_password_authentication: true, installed_version: GHE_VERSION, ssh_key_fingerprints: SSH_FINGERPRINTS }
      : {
          verifiable_password_authentication: false,
          ssh_key_fingerprints: SSH_FINGERPRINTS,
          ssh_keys: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl'],
          hooks: ['192.0.2.0/24'],
          web: ['192.0.2.10/32', '2001:db8::10/128'],
          api: ['192.0.2.20/32', '2001:db8::20/128'],
          git: ['192.0.2.30/32', '2001:db8::30/128'],
          packages: ['192.0.2.40/32'],
          pages: ['192.0.2.50/32'],
          importer: ['192.0.2.60/32'],
          actions: ['198.51.100.0/24'],
          dependabot: ['198.51.100.200/32'],
          domains: { website: ['*.github.com', '*.githubusercontent.com'], codespaces: ['*.github.dev'], copilot: ['*.githubcopilot.com'], packages: ['*.pkg.github.com'] },
        },
  }));
}

const SSH_FINGERPRINTS = {
  SHA256_ECDSA: 'p2QAMXNIC1TJYWeIOttrVc98/R1BUFWu3/LiyKgUfQM',
  SHA256_ED25519: '+DiY3wvvV6TuJJhbpZisF/zLDA0zPMSvHdkr4UvCOqU',
  SHA256_RSA: 'uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s',
};
