import type { GlInstance, GlProject } from '../../../data/model.ts';
import { groupById, groupWithAncestors, projectWebUrl } from '../world.ts';
import { namespace } from './planning.ts';
import { iso } from './time.ts';

/** `ProjectSchema` for `GET /projects/:id` and `GET /projects`: the fields a client reads, not every CI setting. */
export function project(instance: GlInstance, p: GlProject): Record<string, unknown> {
  const group = groupById(instance, p.groupId);
  const groupNames = group ? groupWithAncestors(instance, group).reverse().map((g) => g.name) : [];
  const web = projectWebUrl(instance, p);
  const api = `https://${instance.host}/api/v4/projects/${p.id}`;
  return {
    id: p.id,
    description: p.description,
    name: p.name,
    name_with_namespace: [...groupNames, p.name].join(' / '),
    path: p.pathWithNamespace.split('/').pop() ?? p.name,
    path_with_namespace: p.pathWithNamespace,
    created_at: iso(p.createdAt),
    default_branch: 'main',
    tag_list: [],
    topics: [],
    ssh_url_to_repo: `git@${instance.host}:${p.pathWithNamespace}.git`,
    http_url_to_repo: `${web}.git`,
    web_url: web,
    readme_url: `${web}/-/blob/main/README.md`,
    forks_count: 0,
    avatar_url: null,
    star_count: 3,
    last_activity_at: iso(p.lastActivityAt),
    namespace: group ? namespace(instance, group) : null,
    container_registry_image_prefix: `registry.${instance.host}/${p.pathWithNamespace}`,
    _links: {
      self: api,
      issues: `${api}/issues`,
      merge_requests: `${api}/merge_requests`,
      repo_branches: `${api}/repository/branches`,
      labels: `${api}/labels`,
      events: `${api}/events`,
      members: `${api}/members`,
      cluster_agents: `${api}/cluster_agents`,
    },
    packages_enabled: true,
    empty_repo: false,
    archived: false,
    visibility: 'private',
    resolve_outdated_diff_discussions: false,
    issues_enabled: true,
    merge_requests_enabled: true,
    wiki_enabled: true,
    jobs_enabled: true,
    snippets_enabled: true,
    open_issues_count: p.issues.filter((i) => i.state === 'opened').length,
    creator_id: 1234,
    import_status: 'none',
    updated_at: iso(p.lastActivityAt),
    permissions: { project_access: null, group_access: { access_level: 30, notification_level: 3 } },
  };
}
