import { createHash } from 'node:crypto';
import type { GlGroup, GlInstance } from '../../data/model.ts';
import type { ScopedRouter } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { tokenInfo } from './auth.ts';
import { pagedReply } from './paging.ts';
import { project } from './render/project.ts';
import { iso, isoDay } from './render/time.ts';
import { currentUser } from './render/users.ts';
import { apiRoute } from './route.ts';
import { groupOr404, groupWebUrl, projectOr404 } from './world.ts';

/** Who am I, which GitLab is this, what may my token do, and the projects and groups it sees. */
export function registerMetaRoutes(r: ScopedRouter, state: SandboxState): void {
  r.get('/version', 'gitlab.version', apiRoute(state, 'read', ({ instance }) => ({ status: 200, body: version(instance) })));
  r.get('/metadata', 'gitlab.metadata', apiRoute(state, 'read', ({ instance }) => ({ status: 200, body: version(instance) })));
  r.get('/user', 'gitlab.user', apiRoute(state, 'user', ({ instance, caller }) => ({
    status: 200,
    body: currentUser(instance, caller.person, state.data.now),
  })));
  r.get('/personal_access_tokens/self', 'gitlab.personalAccessTokens.self', apiRoute(state, 'any', ({ instance, caller }) => {
    const info = tokenInfo(instance, caller.token, state.data.now);
    return {
      status: 200,
      body: {
        id: info.id,
        name: info.name,
        revoked: false,
        created_at: iso(info.createdAt),
        description: 'Stint sandbox token',
        scopes: [...caller.token.scopes],
        user_id: caller.person.gitlab.id,
        last_used_at: iso(state.now()),
        active: true,
        expires_at: isoDay(info.expiresAt),
      },
    };
  }));
  r.get('/projects', 'gitlab.projects.list', apiRoute(state, 'read', (call) => {
    const search = call.params.string('search')?.toLowerCase();
    const orderBy = call.params.oneOf('order_by', ['id', 'name', 'path', 'created_at', 'updated_at', 'last_activity_at']) ?? 'created_at';
    const sign = call.params.oneOf('sort', ['asc', 'desc']) === 'asc' ? 1 : -1;
    const key = (p: (typeof call.instance.projects)[number]) =>
      orderBy === 'name' || orderBy === 'path' ? p.pathWithNamespace : orderBy === 'id' ? p.id : orderBy === 'created_at' ? p.createdAt : p.lastActivityAt;
    const projects = call.instance.projects
      .filter((p) => !search || p.pathWithNamespace.toLowerCase().includes(search) || p.description.toLowerCase().includes(search))
      .sort((a, b) => (key(a) < key(b) ? -sign : key(a) > key(b) ? sign : sign * (a.id - b.id)));
    const simple = call.params.boolean('simple') ?? false;
    return pagedReply(call, projects, (p) => {
      const full = project(call.instance, p);
      return simple ? pick(full, SIMPLE_PROJECT_FIELDS) : full;
    });
  }));
  r.get('/projects/:id', 'gitlab.projects.get', apiRoute(state, 'read', (call) => ({
    status: 200,
    body: project(call.instance, projectOr404(call.instance, call.ctx.params.id ?? '')),
  })));
  r.get('/groups/:id', 'gitlab.groups.get', apiRoute(state, 'read', (call) => ({
    status: 200,
    body: group(call.instance, groupOr404(call.instance, call.ctx.params.id ?? ''), state.data.now),
  })));
}

/** `GET /version` (alias `/metadata`): gitlab.com runs the agent server (KAS); the self-managed stand-in does not. */
function version(instance: GlInstance): Record<string, unknown> {
  const plain = instance.version.replace(/-ee$/, '');
  const kas = instance.host === 'gitlab.com';
  return {
    version: instance.version,
    revision: createHash('sha1').update(instance.version).digest('hex').slice(0, 11),
    kas: {
      enabled: kas,
      externalUrl: kas ? `wss://kas.${instance.host}` : null,
      externalK8sProxyUrl: kas ? `https://kas.${instance.host}/k8s-proxy` : null,
      version: kas ? plain : null,
    },
    enterprise: instance.version.endsWith('-ee'),
  };
}

const SIMPLE_PROJECT_FIELDS = ['id', 'description', 'name', 'name_with_namespace', 'path', 'path_with_namespace', 'created_at', 'default_branch', 'tag_list', 'topics', 'ssh_url_to_repo', 'http_url_to_repo', 'web_url', 'readme_url', 'forks_count', 'avatar_url', 'star_count', 'last_activity_at', 'namespace'];

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, record[k]]));
}

function group(instance: GlInstance, g: GlGroup, seedNow: number): Record<string, unknown> {
  const parentNames = instance.groups.filter((x) => g.fullPath.startsWith(`${x.fullPath}/`)).map((x) => x.name);
  return {
    id: g.id,
    web_url: groupWebUrl(instance, g),
    name: g.name,
    path: g.fullPath.split('/').pop() ?? g.fullPath,
    description: '',
    visibility: 'private',
    full_name: [...parentNames, g.name].join(' / '),
    full_path: g.fullPath,
    parent_id: g.parentId,
    avatar_url: null,
    created_at: iso(seedNow - 800 * 86_400_000),
  };
}
