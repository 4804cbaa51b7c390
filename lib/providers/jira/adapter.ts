import { jiraApiVersion, type Connection } from '../../core/connection';
import { entrySeconds, type TimeEntry } from '../../core/entry';
import { itemKey, parseItemKey } from '../../core/item-ref';
import { JIRA_REPORT_PROPERTY } from '../../core/status-report';
import type { SyncScopeState } from '../../core/sync';
import type { WorkItem } from '../../core/work-item';
import { ProviderError } from '../errors';
import type { EstimateContext, PullContext, PullResult, PushContext, ReportContext, SyncAdapter } from '../types';
import { ISSUE_FIELDS, addComment, addWorklog, deleteComment, issueComments, deleteWorklog, issueWorklogs, projectSprints, searchIssues, setOriginalEstimate, sprintFieldId, updateWorklog, worklogFeed, worklogsByIds, type JiraSite, type WorklogWrite } from './api';
import { entryIdOf, entryProperty, mapIssue, mapWorklog, plannedSprint, startedOf, zoneOffsetMinutes } from './map';
import { JiraComment, JiraWorklog } from './schemas';

/** How a site is called with a connection's credentials. */
export function siteOf(connection: Connection, token: string): JiraSite {
  return { target: { apiBase: connection.apiBase, token, email: connection.jira?.email ?? null }, host: connection.host, version: jiraApiVersion(connection.jira) };
}

/** The Sprint field id per site, for this worker's life (it never changes; asking costs a request). */
const sprintFields = new Map<string, Promise<string | null>>();

function sprintFieldOf(site: JiraSite): Promise<string | null> {
  const known = sprintFields.get(site.target.apiBase);
  if (known) return known;
  const asked = sprintFieldId(site).catch((error: unknown) => {
    sprintFields.delete(site.target.apiBase);
    throw error;
  });
  sprintFields.set(site.target.apiBase, asked);
  return asked;
}

/** `"2026/11/26 08:15"`: a JQL date-time, which Jira reads in the person's own time zone, to the minute (rounded down). */
export function jqlMoment(at: number, timeZone: string): string {
  const local = new Date(at + zoneOffsetMinutes(timeZone, at) * 60_000).toISOString();
  return `${local.slice(0, 10).replaceAll('-', '/')} ${local.slice(11, 16)}`;
}

const quoted = (project: string) => `"${project.replace(/["\\]/g, '')}"`;

/** Issues found for worklogs whose issue this pull did not read: only the project's, a hundred ids a query. */
async function keysOfIssues(site: JiraSite, project: string, ids: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) {
    const jql = `project = ${quoted(project)} AND id in (${ids.slice(i, i + 100).join(',')})`;
    for (const raw of await searchIssues(site, jql, ['updated'])) {
      const { id, key } = (raw ?? {}) as { id?: unknown; key?: unknown };
      if ((typeof id === 'string' || typeof id === 'number') && typeof key === 'string') found.set(String(id), key);
    }
  }
  return found;
}

/** Sprints (dates, states) change rarely; an hour-old read is fresh enough for the timeline's lanes. */
const SPRINTS_MAX_AGE_MS = 3_600_000;

const scope = (name: string, cursor: number | null, now: number): SyncScopeState => ({ scope: name, etag: null, cursor, lastSuccess: now, lastError: null });

/**
 * Jira's part in the sync engine. Items: the project's issues updated since the last read (JQL, in the person's time
 * zone); its scrum boards' sprints (Agile API), hourly. Team time: the site's worklog feeds — ids changed or deleted since the last read (1,000 a page), the changed
 * worklogs fetched by id (1,000 a request) — so the cost follows what changed, not how much exists. Write-back: one
 * worklog per entry, the entry id in a worklog property, found again before any retry.
 */
export const jiraAdapter: SyncAdapter = {
  scopes: (projectKey) => [`${projectKey}#issues`, `${projectKey}#worklogs`, `${projectKey}#worklogs-deleted`, `${projectKey}#sprints`],

  async pull(context: PullContext): Promise<PullResult> {
    const { connection, project, now } = context;
    const site = siteOf(connection, context.token);
    const timeZone = connection.jira?.timeZone ?? 'UTC';
    const names = jiraAdapter.scopes(project.key) as [string, string, string, string];
    const [issuesScope, worklogScope, deletedScope, sprintsRead] = names.map((name) => context.scopes.get(name)?.cursor ?? null) as [number | null, number | null, number | null, number | null];

    // Issues changed since the last read (the minute it falls in is read again; what was read then is skipped).
    const sprintField = await sprintFieldOf(site);
    const since = issuesScope === null ? '' : ` AND updated >= "${jqlMoment(issuesScope, timeZone)}"`;
    const jql = `project = ${quoted(project.project)}${since} ORDER BY updated ASC`;
    const items: WorkItem[] = [];
    const keyOfId = new Map<string, string>();
    let issuesCursor = issuesScope;
    for (const raw of await searchIssues(site, jql, sprintField ? [...ISSUE_FIELDS, sprintField] : ISSUE_FIELDS)) {
      const mapped = mapIssue(site.host, raw, sprintField, now);
      const { id } = (raw ?? {}) as { id?: unknown };
      if (mapped.ok) {
        keyOfId.set(String(id), mapped.value.key.slice(mapped.value.key.lastIndexOf('/') + 1));
        const updated = mapped.value.remoteUpdatedAt ?? 0;
        if (issuesScope === null || updated > issuesScope) items.push(mapped.value);
        issuesCursor = Math.max(issuesCursor ?? 0, updated);
      } else if (mapped.key && /^[A-Z][A-Z0-9_]+-\d+$/.test(mapped.key)) {
        items.push({ key: itemKey({ provider: 'jira', host: site.host, project: project.project, id: mapped.key, kind: 'issue' }), provider: 'jira', kind: 'issue', url: `https://${site.host}/browse/${mapped.key}`, title: null, updatedAt: now, syncError: mapped.reason });
      }
    }

    // The team's worklogs changed since the last read, anywhere on the site; this project's are kept.
    const changed = await worklogFeed(site, 'updated', worklogScope ?? 0);
    const raws = await worklogsByIds(site, changed.ids);
    const unknown = [...new Set(raws.flatMap((raw) => {
      const issueId = (raw as { issueId?: unknown } | null)?.issueId;
      return (typeof issueId === 'string' || typeof issueId === 'number') && !keyOfId.has(String(issueId)) ? [String(issueId)] : [];
    }))];
    // A first read saw every issue of the project: a worklog on any other issue belongs to another project.
    if (issuesScope !== null) for (const [id, key] of await keysOfIssues(site, project.project, unknown)) keyOfId.set(id, key);
    const me = connection.jira?.userId ?? null;
    const teamEntries: TimeEntry[] = [];
    for (const raw of raws) {
      const entry = mapWorklog(site.host, keyOfId, raw, now);
      if (!entry) continue;
      // A teammate's Stint worklog is theirs: counted under the worklog's own id, so its deletion can follow here.
      teamEntries.push(entry.author === me ? entry : { ...entry, id: `jira-worklog:${site.host}:${entry.remote.jira?.id ?? ''}` });
    }

    // Worklogs deleted since the last read (on a first read there is nothing here to remove).
    const deleted = deletedScope === null ? { ids: [], until: changed.until } : await worklogFeed(site, 'deleted', deletedScope);
    const removedEntries = deleted.ids.map((id) => `jira-worklog:${site.host}:${id}`);

    // The boards' sprints (dates, states, empty ones too), hourly: an issue's own sprint comes with the issue, and any
    // worklog bumps its issue, so "when issues changed" would be nearly every sync of an active project.
    const readSprints = sprintsRead === null || now - sprintsRead > SPRINTS_MAX_AGE_MS;
    const containers = readSprints ? (await projectSprints(site, project.project)).map((sprint) => plannedSprint(project.key, sprint)) : [];

    return {
      items,
      teamEntries,
      removedEntries,
      containers,
      scopes: [
        scope(names[0], issuesCursor, now),
        scope(names[1], changed.until, now),
        scope(names[2], deletedScope === null ? changed.until || now - 120_000 : deleted.until, now),
        scope(names[3], readSprints ? now : sprintsRead, now),
      ],
    };
  },

  async push(context: PushContext) {
    const { site, issueKey } = locate(context);
    const entry = context.entry;
    const write = worklogWrite(context);
    const known = entry.remote.jira?.id ?? null;
    const version = String(write.timeSpentSeconds);
    if (known !== null) {
      try {
        await updateWorklog(site, issueKey, known, write);
        return { id: known, version };
      } catch (error) {
        if (!(error instanceof ProviderError && error.kind === 'not-found')) throw error;
        // Deleted in Jira meanwhile: write it again below.
      }
    }
    if (context.mayExist) {
      // An earlier attempt may have written it and lost the answer: its property finds it.
      const [first, ...extra] = await worklogsOfEntry(site, issueKey, entry.id);
      if (first) {
        await updateWorklog(site, issueKey, first, write);
        for (const id of extra) await deleteWorklog(site, issueKey, id);
        return { id: first, version };
      }
    }
    const created = await addWorklog(site, issueKey, write);
    // A browser may resend a POST whose connection dropped after Jira committed it: only a fresh look finds the copy.
    for (const id of await worklogsOfEntry(site, issueKey, entry.id)) if (id !== created) await deleteWorklog(site, issueKey, id);
    return { id: created, version };
  },

  async remove(context: PushContext) {
    const { site, issueKey } = locate(context);
    const ids = new Set(await worklogsOfEntry(site, issueKey, context.entry.id));
    const known = context.entry.remote.jira?.id;
    if (known) ids.add(known);
    for (const id of ids) await deleteWorklog(site, issueKey, id);
  },

  async setEstimate(context: EstimateContext) {
    const ref = parseItemKey(context.itemKey);
    if (ref?.provider !== 'jira') throw new ProviderError('bad-payload', { reason: 'not-its-item', itemKey: context.itemKey, provider: 'jira' }, `Not a Jira issue: ${context.itemKey}`);
    // Clearing Stint's own estimate shows Jira's again; Jira's original estimate is left as it is.
    if (context.seconds === null) return;
    await setOriginalEstimate(siteOf(context.connection, context.token), ref.id, context.seconds);
  },

  async postReport(context: ReportContext) {
    const ref = parseItemKey(context.itemKey);
    if (ref?.provider !== 'jira') throw new ProviderError('bad-payload', { reason: 'not-its-item', itemKey: context.itemKey, provider: 'jira' }, `Not a Jira issue: ${context.itemKey}`);
    const site = siteOf(context.connection, context.token);
    // The report id rides in a comment property (invisible to readers, on Cloud and Data Center alike).
    const mine = async () => (await issueComments(site, ref.id)).flatMap((raw) => {
      const comment = JiraComment.safeParse(raw);
      const value = comment.success ? comment.data.properties?.find((p) => p.key === JIRA_REPORT_PROPERTY)?.value : undefined;
      return comment.success && (value as { id?: unknown } | undefined)?.id === context.reportId ? [String(comment.data.id)] : [];
    });
    // Look first, always: an earlier attempt may have posted it and lost the answer.
    const [earlier] = await mine();
    if (earlier !== undefined) return { commentId: earlier };
    const created = await addComment(site, ref.id, context.bodies, [{ key: JIRA_REPORT_PROPERTY, value: { id: context.reportId } }]);
    // A POST the browser resent after a dropped connection leaves a second copy: only a fresh look finds it.
    for (const extra of await mine()) if (extra !== created) await deleteComment(site, ref.id, extra);
    return { commentId: created };
  },
};

function worklogWrite(context: PushContext): WorklogWrite {
  const entry = context.entry;
  if (entrySeconds(entry, entry.end ?? entry.start) < 1) {
    throw new ProviderError('bad-payload', { reason: 'jira-too-short' }, 'Jira cannot log an entry shorter than a second: make it longer or delete it.');
  }
  return {
    started: startedOf(entry.start, context.connection.jira?.timeZone ?? 'UTC'),
    timeSpentSeconds: entrySeconds(entry, entry.end ?? entry.start),
    note: entry.note,
    properties: [entryProperty(entry.id)],
  };
}

/** The ids of the issue's worklogs that carry this entry's property (Stint's own writes of it, duplicates included). */
async function worklogsOfEntry(site: JiraSite, issueKey: string, entryId: string): Promise<string[]> {
  return (await issueWorklogs(site, issueKey)).flatMap((raw) => {
    const log = JiraWorklog.safeParse(raw);
    return log.success && entryIdOf(log.data) === entryId.toLowerCase() ? [String(log.data.id)] : [];
  });
}

function locate(context: PushContext): { site: JiraSite; issueKey: string } {
  const ref = parseItemKey(context.entry.itemKey);
  if (ref?.provider !== 'jira') throw new ProviderError('bad-payload', { reason: 'not-its-item', itemKey: context.entry.itemKey, provider: 'jira' }, `Not a Jira issue: ${context.entry.itemKey}`);
  return { site: siteOf(context.connection, context.token), issueKey: ref.id };
}
