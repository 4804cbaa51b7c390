import { Board } from 'jira.js/agile/board';
import { IssueComments as IssueComments2 } from 'jira.js/version2/issueComments';
import { IssueFields as IssueFields2 } from 'jira.js/version2/issueFields';
import { IssueSearch as IssueSearch2 } from 'jira.js/version2/issueSearch';
import { IssueWorklogs as IssueWorklogs2 } from 'jira.js/version2/issueWorklogs';
import { Issues as Issues2 } from 'jira.js/version2/issues';
import { Myself as Myself2 } from 'jira.js/version2/myself';
import { ServerInfo as ServerInfo2 } from 'jira.js/version2/serverInfo';
import { IssueComments as IssueComments3 } from 'jira.js/version3/issueComments';
import { IssueFields as IssueFields3 } from 'jira.js/version3/issueFields';
import { IssueSearch as IssueSearch3 } from 'jira.js/version3/issueSearch';
import { IssueWorklogs as IssueWorklogs3 } from 'jira.js/version3/issueWorklogs';
import { Issues as Issues3 } from 'jira.js/version3/issues';
import { Myself as Myself3 } from 'jira.js/version3/myself';
import type { JiraAccount } from '../../core/connection';
import { ProviderError } from '../errors';
import { JiraAgilePage, JiraBoard, JiraCommentPage, JiraField, JiraIssueWorklogs, JiraMyself, JiraSearchPage, JiraServerInfo, JiraSprintValue, JiraWorklogFeed, type JiraSprintValue as Sprint } from './schemas';
import { JiraTransport, type JiraTarget } from './transport';

export type { JiraTarget };

/** The only file that calls Jira: each call is a jira.js resource method, sent by Stint's transport. */

/** The Sprint custom field's schema type: found by schema, since its id differs per site. */
const SPRINT_FIELD_TYPE = 'com.pyxis.greenhopper.jira:gh-sprint';

/** The fields Stint's searches ask for (never `*all`). */
export const ISSUE_FIELDS = ['summary', 'status', 'assignee', 'labels', 'duedate', 'created', 'updated', 'resolutiondate', 'timetracking', 'parent', 'issuelinks'];

/** A site as Stint calls it: where, with which credentials, and which API version its deployment speaks. */
export interface JiraSite {
  readonly target: JiraTarget;
  readonly host: string;
  readonly version: 2 | 3;
}

/** The resource classes of the site's API version; `v` tells them apart (their parameter types differ a little). */
function resources(site: JiraSite) {
  const client = new JiraTransport(site.target, site.host);
  return site.version === 3
    ? ({ v: 3, search: new IssueSearch3(client), worklogs: new IssueWorklogs3(client), issues: new Issues3(client), fields: new IssueFields3(client), myself: new Myself3(client), comments: new IssueComments3(client) } as const)
    : ({ v: 2, search: new IssueSearch2(client), worklogs: new IssueWorklogs2(client), issues: new Issues2(client), fields: new IssueFields2(client), myself: new Myself2(client), comments: new IssueComments2(client) } as const);
}

function parsed<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } }, value: unknown, host: string, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new ProviderError('bad-payload', { reason: 'not-this-api', host, provider: 'jira' }, `${host} answered ${what} in a shape Stint cannot read (is this a Jira site?).`);
  return result.data;
}

/**
 * Who the credentials belong to, after checking the address is a Jira at all (`serverInfo`, which Jira answers without
 * credentials). Cloud is asked through API v3, Data Center / Server through v2.
 */
export async function whoAmI(target: JiraTarget, host: string): Promise<{ login: string; account: JiraAccount }> {
  let info: unknown;
  try {
    // Asked without credentials first: which deployment it is decides how they are sent (and what to say when wrong).
    const ask = (credentials: JiraTarget) => new ServerInfo2(new JiraTransport(credentials, host)).getServerInfo();
    info = await ask({ ...target, token: '', email: null }).catch((error: unknown) => {
      if (error instanceof ProviderError && (error.kind === 'bad-token' || error.kind === 'missing-scope')) return ask(target); // anonymous access off
      throw error;
    });
  } catch (error) {
    if (error instanceof ProviderError && (error.kind === 'not-found' || error.kind === 'bad-payload')) {
      throw new ProviderError('not-found', { reason: 'no-api-here', host, provider: 'jira' }, `${host} is not a Jira site (no /rest/api/2/serverInfo there). Check the address; Data Center may live under a context path such as https://${host}/jira.`, error.details);
    }
    throw error;
  }
  const server = parsed(JiraServerInfo, info, host, 'serverInfo');
  const deployment = server.deploymentType === 'Cloud' ? 'Cloud' : server.deploymentType === 'Server' ? 'Server' : 'DataCenter';
  if (deployment === 'Cloud' && target.email === null) throw new ProviderError('bad-token', { reason: 'jira-needs-email', host }, `${host} is Jira Cloud: it needs the e-mail of your Atlassian account with an API token.`);
  if (deployment !== 'Cloud' && target.email !== null) throw new ProviderError('bad-token', { reason: 'jira-no-email', host, deployment: deployment === 'Server' ? 'Server' : 'Data Center' }, `${host} is Jira ${deployment === 'Server' ? 'Server' : 'Data Center'}: leave the e-mail empty and paste a personal access token.`);
  const site: JiraSite = { target, host, version: deployment === 'Cloud' ? 3 : 2 };
  const api = resources(site);
  const me = parsed(JiraMyself, api.v === 3 ? await api.myself.getCurrentUser() : await api.myself.getCurrentUser(), host, '/myself');
  const userId = me.accountId ?? me.name;
  if (!userId) throw new ProviderError('bad-payload', { reason: 'unreadable', host }, `${host} did not say who you are (no accountId or name in /myself).`);
  const timeZone = me.timeZone && isTimeZone(me.timeZone) ? me.timeZone : 'UTC';
  return { login: me.displayName, account: { deployment, email: target.email, userId, timeZone } };
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The id of the site's Sprint field (`customfield_…`), found by its schema; null where Jira Software is absent. */
export async function sprintFieldId(site: JiraSite): Promise<string | null> {
  const api = resources(site);
  const raw: unknown = api.v === 3 ? await api.fields.getFields() : await api.fields.getFields();
  if (!Array.isArray(raw)) throw new ProviderError('bad-payload', { reason: 'unreadable', host: site.host }, `${site.host} answered the field list with something that is not a list.`);
  for (const field of raw) {
    const read = JiraField.safeParse(field);
    if (read.success && read.data.schema?.custom === SPRINT_FIELD_TYPE) return read.data.id;
  }
  return null;
}

/**
 * Raw issues matching `jql`, every page: Cloud's `search/jql` follows `nextPageToken` (100 a page with fields),
 * Data Center's `search` follows `startAt` / `total`.
 */
export async function searchIssues(site: JiraSite, jql: string, fields: readonly string[]): Promise<unknown[]> {
  const api = resources(site);
  const out: unknown[] = [];
  if (api.v === 3) {
    let nextPageToken: string | undefined;
    for (let pages = 0; pages < 2000; pages++) {
      const raw: unknown = await api.search.searchForIssuesUsingJqlEnhancedSearch({ jql, fields: [...fields], maxResults: 100, ...(nextPageToken ? { nextPageToken } : {}) });
      const page = parsed(JiraSearchPage, raw, site.host, 'a search');
      out.push(...page.issues);
      if (page.isLast !== false || !page.nextPageToken || page.issues.length === 0) break;
      nextPageToken = page.nextPageToken;
    }
    return out;
  }
  for (let startAt = 0, pages = 0; pages < 2000; pages++) {
    const raw: unknown = await api.search.searchForIssuesUsingJql({ jql, fields: [...fields], startAt, maxResults: 100 });
    const page = parsed(JiraSearchPage, raw, site.host, 'a search');
    out.push(...page.issues);
    startAt += page.issues.length;
    if (page.issues.length === 0 || startAt >= (page.total ?? 0)) break;
  }
  return out;
}

export interface FeedPage {
  readonly ids: string[];
  readonly until: number;
  readonly lastPage: boolean;
}

/**
 * Ids of worklogs changed (`updated`) or deleted since `since` (epoch ms, a cursor an earlier complete read ended on),
 * every page: at most 1,000 ids a page, each page starting at the last one's `until`. Jira leaves out the last minute,
 * so `until` never passes it.
 */
export async function worklogFeed(site: JiraSite, feed: 'updated' | 'deleted', since: number): Promise<{ ids: string[]; until: number }> {
  const api = resources(site);
  const ids = new Set<string>();
  let at = since;
  for (let pages = 0; pages < 10_000; pages++) {
    const request = { since: at };
    const raw: unknown =
      feed === 'updated'
        ? api.v === 3 ? await api.worklogs.getIdsOfWorklogsModifiedSince(request) : await api.worklogs.getIdsOfWorklogsModifiedSince(request)
        : api.v === 3 ? await api.worklogs.getIdsOfWorklogsDeletedSince(request) : await api.worklogs.getIdsOfWorklogsDeletedSince(request);
    const page = parsed(JiraWorklogFeed, raw, site.host, `the worklog ${feed} feed`);
    // `since` is inclusive: what changed at the cursor itself was read by the sync that set it (it read to the end).
    for (const value of page.values) if (!(pages === 0 && since > 0 && value.updatedTime === since)) ids.add(String(value.worklogId));
    if (page.lastPage) {
      at = Math.max(at, page.until);
      break;
    }
    // `since` is inclusive: a full page of changes stamped with one millisecond would come back forever. The feed
    // cannot page inside a millisecond, so step past it (more than 1,000 changes in one ms: the rest are not seen).
    at = page.until > at ? page.until : at + 1;
  }
  return { ids: [...ids], until: at };
}

/** The worklogs for these ids (with their properties), 1,000 a request. */
export async function worklogsByIds(site: JiraSite, ids: readonly string[]): Promise<unknown[]> {
  const api = resources(site);
  const out: unknown[] = [];
  for (let i = 0; i < ids.length; i += 1000) {
    const request = { ids: ids.slice(i, i + 1000).map(Number), expand: 'properties' };
    const raw: unknown = api.v === 3 ? await api.worklogs.getWorklogsForIds(request) : await api.worklogs.getWorklogsForIds(request);
    if (!Array.isArray(raw)) throw new ProviderError('bad-payload', { reason: 'unreadable', host: site.host }, `${site.host} answered a worklog list with something that is not a list.`);
    out.push(...(raw as unknown[]));
  }
  return out;
}

/** Every worklog of one issue, with properties: to find Stint's own earlier write before writing again. */
export async function issueWorklogs(site: JiraSite, issueKey: string): Promise<unknown[]> {
  const api = resources(site);
  const out: unknown[] = [];
  for (let startAt = 0, pages = 0; pages < 100; pages++) {
    const request = { issueIdOrKey: issueKey, startAt, maxResults: 5000, expand: 'properties' };
    const raw: unknown = api.v === 3 ? await api.worklogs.getIssueWorklog(request) : await api.worklogs.getIssueWorklog(request);
    const page = parsed(JiraIssueWorklogs, raw, site.host, 'an issue’s worklogs');
    out.push(...page.worklogs);
    startAt += page.worklogs.length;
    if (page.worklogs.length === 0 || startAt >= (page.total ?? 0)) break;
  }
  return out;
}

export interface WorklogWrite {
  readonly started: string;
  readonly timeSpentSeconds: number;
  readonly note: string;
  readonly properties: { key: string; value: unknown }[];
}

/** A note as API v3 wants it: an Atlassian Document (v2 takes the plain string). */
function adfOf(note: string) {
  return { type: 'doc', version: 1, content: note ? [{ type: 'paragraph', content: [{ type: 'text', text: note }] }] : [] };
}

/** Log work; returns the new worklog's id. Never retried here (the outbox looks for it before trying again). */
export async function addWorklog(site: JiraSite, issueKey: string, write: WorklogWrite): Promise<string> {
  const api = resources(site);
  const body = { issueIdOrKey: issueKey, notifyUsers: false, started: write.started, timeSpentSeconds: write.timeSpentSeconds, properties: write.properties };
  const note = write.note.trim();
  const raw: unknown =
    api.v === 3
      ? await api.worklogs.addWorklog({ ...body, ...(note ? { comment: adfOf(note) } : {}) })
      : await api.worklogs.addWorklog({ ...body, ...(note ? { comment: note } : {}) });
  const created = (raw ?? {}) as { id?: unknown };
  if (typeof created.id !== 'string' && typeof created.id !== 'number') throw new ProviderError('bad-payload', { reason: 'no-id', host: site.host }, `${site.host} did not say which worklog it created.`);
  return String(created.id);
}

/** Make a worklog match the entry (an edit); setting the same values twice is harmless. */
export async function updateWorklog(site: JiraSite, issueKey: string, worklogId: string, write: WorklogWrite): Promise<void> {
  const api = resources(site);
  const body = { issueIdOrKey: issueKey, id: worklogId, notifyUsers: false, started: write.started, timeSpentSeconds: write.timeSpentSeconds, properties: write.properties };
  const note = write.note.trim();
  if (api.v === 3) await api.worklogs.updateWorklog({ ...body, comment: adfOf(note) });
  else await api.worklogs.updateWorklog({ ...body, comment: note });
}

/** Delete a worklog; one already gone is fine (the goal is that it does not exist). */
export async function deleteWorklog(site: JiraSite, issueKey: string, worklogId: string): Promise<void> {
  try {
    const api = resources(site);
    const request = { issueIdOrKey: issueKey, id: worklogId, notifyUsers: false };
    if (api.v === 3) await api.worklogs.deleteWorklog(request);
    else await api.worklogs.deleteWorklog(request);
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'not-found') return;
    throw error;
  }
}

/**
 * Jira's original estimate of an issue, in minutes (Jira's own duration format). Watchers are notified as Jira
 * decides: turning that off needs admin rights.
 */
export async function setOriginalEstimate(site: JiraSite, issueKey: string, seconds: number): Promise<void> {
  const originalEstimate = `${Math.max(1, Math.round(seconds / 60))}m`;
  const api = resources(site);
  const request = { issueIdOrKey: issueKey, update: { timetracking: [{ edit: { originalEstimate } }] } };
  if (api.v === 3) await api.issues.editIssue(request);
  else await api.issues.editIssue(request);
}

/** Every page of an Agile API list (`startAt` / `isLast`). */
async function agilePages(site: JiraSite, read: (startAt: number) => Promise<unknown>, what: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let startAt = 0, pages = 0; pages < 100; pages++) {
    const page = parsed(JiraAgilePage, await read(startAt), site.host, what);
    out.push(...page.values);
    startAt += page.values.length;
    if (page.isLast !== false || page.values.length === 0) break;
  }
  return out;
}

/**
 * The sprints of a project: those of its scrum boards (Agile API; kanban boards have none), each once, with their
 * dates — including sprints no issue is in yet.
 */
export async function projectSprints(site: JiraSite, projectKey: string): Promise<Sprint[]> {
  const board = new Board(new JiraTransport(site.target, site.host));
  const boards = await agilePages(site, (startAt) => board.getAllBoards({ projectKeyOrId: projectKey, type: 'scrum', startAt, maxResults: 50 }), 'the board list');
  const sprints = new Map<number, Sprint>();
  for (const raw of boards) {
    const found = JiraBoard.safeParse(raw);
    if (!found.success || (found.data.type !== undefined && found.data.type !== 'scrum')) continue;
    for (const value of await agilePages(site, (startAt) => board.getAllSprints({ boardId: found.data.id, startAt, maxResults: 50 }), 'a board’s sprints')) {
      const sprint = JiraSprintValue.safeParse(value);
      if (sprint.success) sprints.set(sprint.data.id, sprint.data);
    }
  }
  return [...sprints.values()];
}

/** Every comment of an issue with its properties, oldest first (to find Stint's own earlier post). */
export async function issueComments(site: JiraSite, issueKey: string): Promise<unknown[]> {
  const api = resources(site);
  const out: unknown[] = [];
  for (let startAt = 0, pages = 0; pages < 100; pages++) {
    const request = { issueIdOrKey: issueKey, startAt, maxResults: 100, orderBy: 'created', expand: 'properties' };
    const raw: unknown = api.v === 3 ? await api.comments.getComments(request) : await api.comments.getComments(request);
    const page = parsed(JiraCommentPage, raw, site.host, 'an issue’s comments');
    out.push(...page.comments);
    startAt += page.comments.length;
    if (page.comments.length === 0 || startAt >= (page.total ?? 0)) break;
  }
  return out;
}

/**
 * Comment on an issue: an Atlassian Document on v3 (Cloud), wiki text on v2 (Data Center), with entity properties.
 * Returns the comment's id. Never retried here (the outbox looks for it before trying again).
 */
export async function addComment(site: JiraSite, issueKey: string, body: { adf: object; wiki: string }, properties: { key: string; value: unknown }[]): Promise<string> {
  const api = resources(site);
  const raw: unknown =
    api.v === 3
      ? await api.comments.addComment({ issueIdOrKey: issueKey, comment: body.adf as never, properties })
      : await api.comments.addComment({ issueIdOrKey: issueKey, comment: body.wiki, properties });
  const created = (raw ?? {}) as { id?: unknown };
  if (typeof created.id !== 'string' && typeof created.id !== 'number') throw new ProviderError('bad-payload', { reason: 'no-id', host: site.host }, `${site.host} did not say which comment it created.`);
  return String(created.id);
}

/** Delete a comment; one already gone is fine. */
export async function deleteComment(site: JiraSite, issueKey: string, commentId: string): Promise<void> {
  try {
    const api = resources(site);
    if (api.v === 3) await api.comments.deleteComment({ issueIdOrKey: issueKey, id: commentId });
    else await api.comments.deleteComment({ issueIdOrKey: issueKey, id: commentId });
  } catch (error) {
    if (error instanceof ProviderError && error.kind === 'not-found') return;
    throw error;
  }
}
