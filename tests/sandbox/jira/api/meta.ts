import type { ScopedRouter } from '../../http/router.ts';
import { type ApiVersion, type SiteCall, intParam, jiraRoute, listParam, ok, publicJiraRoute } from './call.ts';
import { formatJiraDateTime } from './dates.ts';
import { JiraError } from './errors.ts';
import { fieldsOf, renderFieldDef } from './fields.ts';
import { ISSUE_TYPE_NAMES, avatarUrls, findProject, personById, renderIssueType, renderProjectRef, renderUser } from './render.ts';
import type { JiraProject } from '../../data/model.ts';

/** Who and what: `serverInfo`, `myself`, `field`, projects. */
export function registerMetaRoutes(r: ScopedRouter, version: ApiVersion): void {
  r.get('/serverInfo', 'jira.serverInfo', publicJiraRoute(version, (call) => ok(serverInfo(call))));

  r.get(
    '/myself',
    'jira.myself',
    jiraRoute(version, (call) => {
      const locale = call.site.deployment === 'Cloud' ? 'en_US' : 'en_UK';
      return ok({ ...renderUser(call, call.viewer), locale, groups: { size: 1, items: [] }, applicationRoles: { size: 1, items: [] }, expand: 'groups,applicationRoles' });
    }),
  );

  r.get('/field', 'jira.fields.list', jiraRoute(version, (call) => ok(fieldsOf(call.site).map((def) => renderFieldDef(call.site, def)))));

  r.get(
    '/project/search',
    'jira.projects.search',
    jiraRoute(version, (call) => {
      const startAt = intParam(call, 'startAt', 0);
      const maxResults = Math.min(100, intParam(call, 'maxResults', 50));
      const keys = listParam(call, 'keys').map((k) => k.toUpperCase());
      const query = (call.query.get('query') ?? '').toLowerCase();
      const matching = call.site.projects.filter(
        (p) => (keys.length === 0 || keys.includes(p.key)) && (query === '' || p.key.toLowerCase().includes(query) || p.name.toLowerCase().includes(query)),
      );
      const values = matching.slice(startAt, startAt + maxResults).map((p) => ({ expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight', ...renderProjectRef(call, p), style: p.style, isPrivate: false, properties: {} }));
      const isLast = startAt + values.length >= matching.length;
      const next = new URL(call.ctx.url);
      next.searchParams.set('startAt', String(startAt + maxResults));
      return ok({ self: call.ctx.url.toString(), ...(isLast ? {} : { nextPage: next.toString() }), maxResults, startAt, total: matching.length, isLast, values });
    }),
  );

  r.get(
    '/project/:projectIdOrKey',
    'jira.projects.get',
    jiraRoute(version, (call) => {
      const idOrKey = call.ctx.params.projectIdOrKey ?? '';
      const project = findProject(call, idOrKey);
      if (!project) throw new JiraError(404, [`No project could be found with key '${idOrKey}'.`]);
      return ok(renderProject(call, project));
    }),
  );
}

function serverInfo(call: SiteCall): Record<string, unknown> {
  const cloud = call.site.deployment === 'Cloud';
  const versionNumbers = cloud ? [1001, 0, 0] : [9, 12, 15];
  return {
    baseUrl: call.base,
    ...(cloud ? { displayUrl: call.base } : {}),
    version: cloud ? '1001.0.0-SNAPSHOT' : '9.12.15',
    versionNumbers,
    deploymentType: call.site.deployment,
    buildNumber: cloud ? 100_283 : 9_120_015,
    buildDate: cloud ? '2026-11-20T00:00:00.000+0000' : '2026-09-30T00:00:00.000+0000',
    serverTime: formatJiraDateTime(call.now, 'Etc/UTC'),
    scmInfo: cloud ? '5a1e4bbbd3f2c0b1bd1f6b4f02f0e6a8d2c47a0e' : '0f1a5bcad7a47c5b2ac4f0b1ff2d3c1a9e8b7d6c',
    serverTitle: call.site.serverTitle,
    ...(cloud ? {} : { serverTimeZone: 'Europe/Madrid' }),
  };
}

function renderProject(call: SiteCall, project: JiraProject): Record<string, unknown> {
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...renderProjectRef(call, project),
    description: '',
    lead: renderUser(call, personById(call, project.leadPersonId)),
    components: [],
    issueTypes: ISSUE_TYPE_NAMES.map((t) => renderIssueType(call, t)),
    assigneeType: 'UNASSIGNED',
    versions: [],
    roles: {},
    avatarUrls: avatarUrls(call, 'project', project.id),
    style: project.style,
    isPrivate: false,
    properties: {},
  };
}
