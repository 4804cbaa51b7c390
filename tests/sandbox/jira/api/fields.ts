import type { JiraIssue, JiraSite } from '../../data/model.ts';
import type { JiraCall } from './call.ts';
import { formatJiraDateTime } from './dates.ts';
import {
  aggregate,
  epicLinkOf,
  issueLinks,
  issueRef,
  parentOf,
  progress,
  sprintFieldValue,
  sprintsOf,
  subtasksOf,
  timeSpentOrNull,
  timeTracking,
  worklogField,
} from './issue-parts.ts';
import { findProject, renderIssueType, renderPriority, renderProjectRef, renderResolution, renderStatus, renderUserById, richText } from './render.ts';

/** The type of a field as `GET /field` describes it (Jira's JsonTypeBean). */
export interface FieldSchema {
  readonly type: string;
  readonly items?: string;
  readonly system?: string;
  readonly custom?: string;
  readonly customId?: number;
}

export interface FieldDef {
  readonly id: string;
  readonly name: string;
  readonly custom: boolean;
  /** Part of `*navigable` (the default field set of `/search`). */
  readonly navigable: boolean;
  readonly orderable: boolean;
  readonly searchable: boolean;
  readonly clauseNames: readonly string[];
  readonly schema?: FieldSchema;
  readonly value: (issue: JiraIssue, call: JiraCall) => unknown;
}

/**
 * Custom field ids differ between sites, as on real Jira: clients must find the Sprint field through `GET /field`
 * by its schema (`com.pyxis.greenhopper.jira:gh-sprint`), never by a hard-coded id.
 */
export function sprintFieldId(site: JiraSite): string {
  return site.deployment === 'Cloud' ? 'customfield_10020' : 'customfield_10104';
}

const when = (ms: number | null, call: JiraCall) => (ms === null ? null : formatJiraDateTime(ms, call.viewer.timeZone));

type Def = Omit<FieldDef, 'custom' | 'navigable' | 'orderable' | 'searchable' | 'clauseNames'> & Partial<FieldDef>;

function system(def: Def): FieldDef {
  return { custom: false, navigable: true, orderable: true, searchable: true, clauseNames: [def.id], ...def };
}

function custom(def: Def & { readonly customId: number; readonly customType: string }): FieldDef {
  const { customId, customType, schema, ...rest } = def;
  return {
    custom: true,
    navigable: true,
    orderable: true,
    searchable: true,
    clauseNames: [`cf[${customId}]`, def.name],
    schema: { ...(schema ?? { type: 'any' }), custom: customType, customId },
    ...rest,
  };
}

const sys = (type: string, id: string, extra: Partial<FieldSchema> = {}): FieldSchema => ({ type, system: id, ...extra });

const SYSTEM_FIELDS: readonly FieldDef[] = [
  system({ id: 'summary', name: 'Summary', schema: sys('string', 'summary'), value: (i) => i.summary }),
  system({ id: 'description', name: 'Description', schema: sys('string', 'description'), value: (i, c) => richText(c, i.description) }),
  system({ id: 'project', name: 'Project', schema: sys('project', 'project'), value: (i, c) => { const p = findProject(c, i.projectKey); return p ? renderProjectRef(c, p) : null; } }),
  system({ id: 'issuetype', name: 'Issue Type', clauseNames: ['issuetype', 'type'], schema: sys('issuetype', 'issuetype'), value: (i, c) => renderIssueType(c, i.issueType) }),
  system({ id: 'status', name: 'Status', schema: sys('status', 'status'), value: (i, c) => renderStatus(c, i.status) }),
  system({ id: 'priority', name: 'Priority', schema: sys('priority', 'priority'), value: (i, c) => renderPriority(c, i.priority) }),
  system({ id: 'resolution', name: 'Resolution', schema: sys('resolution', 'resolution'), value: (i, c) => renderResolution(c, i) }),
  system({ id: 'assignee', name: 'Assignee', schema: sys('user', 'assignee'), value: (i, c) => renderUserById(c, i.assignee) }),
  system({ id: 'reporter', name: 'Reporter', schema: sys('user', 'reporter'), value: (i, c) => renderUserById(c, i.reporter) }),
  system({ id: 'labels', name: 'Labels', schema: sys('array', 'labels', { items: 'string' }), value: (i) => [...i.labels] }),
  system({ id: 'duedate', name: 'Due date', clauseNames: ['duedate', 'due'], schema: sys('date', 'duedate'), value: (i) => i.dueDate }),
  system({ id: 'created', name: 'Created', clauseNames: ['created', 'createdDate'], schema: sys('datetime', 'created'), value: (i, c) => when(i.created, c) }),
  system({ id: 'updated', name: 'Updated', clauseNames: ['updated', 'updatedDate'], schema: sys('datetime', 'updated'), value: (i, c) => when(i.updated, c) }),
  system({ id: 'resolutiondate', name: 'Resolved', clauseNames: ['resolved', 'resolutiondate'], schema: sys('datetime', 'resolutiondate'), value: (i, c) => when(i.resolutionDate, c) }),
  system({ id: 'timetracking', name: 'Time tracking', navigable: false, schema: sys('timetracking', 'timetracking'), value: (i) => timeTracking(i) }),
  system({ id: 'timeoriginalestimate', name: 'Original estimate', clauseNames: ['originalEstimate', 'timeoriginalestimate'], schema: sys('number', 'timeoriginalestimate'), value: (i) => i.originalEstimateSeconds }),
  system({ id: 'timeestimate', name: 'Remaining Estimate', clauseNames: ['remainingEstimate', 'timeestimate'], schema: sys('number', 'timeestimate'), value: (i) => i.remainingEstimateSeconds }),
  system({ id: 'timespent', name: 'Time Spent', clauseNames: ['timespent'], schema: sys('number', 'timespent'), value: (i) => timeSpentOrNull(i) }),
  system({ id: 'aggregatetimeoriginalestimate', name: 'Σ Original Estimate', schema: sys('number', 'aggregatetimeoriginalestimate'), value: (i, c) => aggregate(c.site, i, (x) => x.originalEstimateSeconds) }),
  system({ id: 'aggregatetimeestimate', name: 'Σ Remaining Estimate', schema: sys('number', 'aggregatetimeestimate'), value: (i, c) => aggregate(c.site, i, (x) => x.remainingEstimateSeconds) }),
  system({ id: 'aggregatetimespent', name: 'Σ Time Spent', schema: sys('number', 'aggregatetimespent'), value: (i, c) => aggregate(c.site, i, timeSpentOrNull) }),
  system({ id: 'progress', name: 'Progress', schema: sys('progress', 'progress'), value: (i) => progress(timeSpentOrNull(i), i.remainingEstimateSeconds) }),
  system({ id: 'aggregateprogress', name: 'Σ Progress', schema: sys('progress', 'aggregateprogress'), value: (i, c) => progress(aggregate(c.site, i, timeSpentOrNull), aggregate(c.site, i, (x) => x.remainingEstimateSeconds)) }),
  system({ id: 'workratio', name: 'Work Ratio', schema: sys('number', 'workratio'), value: (i) => (i.originalEstimateSeconds ? Math.round(((timeSpentOrNull(i) ?? 0) / i.originalEstimateSeconds) * 100) : -1) }),
  system({ id: 'parent', name: 'Parent', orderable: false, value: (i, c) => { const p = parentOf(c, i); return p ? issueRef(c, p) : undefined; } }),
  system({ id: 'subtasks', name: 'Sub-tasks', schema: sys('array', 'subtasks', { items: 'issuelinks' }), value: (i, c) => subtasksOf(c.site, i).map((s) => issueRef(c, s)) }),
  system({ id: 'issuelinks', name: 'Linked Issues', clauseNames: ['issueLink'], schema: sys('array', 'issuelinks', { items: 'issuelinks' }), value: (i, c) => issueLinks(c, i) }),
  system({ id: 'worklog', name: 'Log Work', navigable: false, clauseNames: ['worklogAuthor', 'worklogComment', 'worklogDate'], schema: sys('array', 'worklog', { items: 'worklog' }), value: (i, c) => worklogField(c, i) }),
];

const sprintValue = (i: JiraIssue, c: JiraCall) => {
  const sprints = sprintsOf(c.site, i);
  return sprints.length > 0 ? sprints.map(sprintFieldValue) : null;
};

const CLOUD_CUSTOM: readonly FieldDef[] = [
  custom({ id: 'customfield_10020', name: 'Sprint', customId: 10020, customType: 'com.pyxis.greenhopper.jira:gh-sprint', schema: { type: 'array', items: 'json' }, value: sprintValue }),
  custom({ id: 'customfield_10016', name: 'Story point estimate', customId: 10016, customType: 'com.pyxis.greenhopper.jira:jsw-story-points', schema: { type: 'number' }, value: () => null }),
];

const SERVER_CUSTOM: readonly FieldDef[] = [
  custom({ id: 'customfield_10101', name: 'Epic Link', customId: 10101, customType: 'com.pyxis.greenhopper.jira:gh-epic-link', value: (i, c) => epicLinkOf(c, i) }),
  custom({ id: 'customfield_10104', name: 'Sprint', customId: 10104, customType: 'com.pyxis.greenhopper.jira:gh-sprint', schema: { type: 'array', items: 'json' }, value: sprintValue }),
  custom({ id: 'customfield_10106', name: 'Story Points', customId: 10106, customType: 'com.atlassian.jira.plugin.system.customfieldtypes:float', schema: { type: 'number' }, value: () => null }),
];

export function fieldsOf(site: JiraSite): readonly FieldDef[] {
  return [...SYSTEM_FIELDS, ...(site.deployment === 'Cloud' ? CLOUD_CUSTOM : SERVER_CUSTOM)];
}

/** A field as `GET /field` lists it. */
export function renderFieldDef(site: JiraSite, def: FieldDef): Record<string, unknown> {
  return {
    id: def.id,
    key: def.id,
    name: def.name,
    ...(site.deployment === 'Cloud' ? { untranslatedName: def.name } : {}),
    custom: def.custom,
    orderable: def.orderable,
    navigable: def.navigable,
    searchable: def.searchable,
    clauseNames: [...def.clauseNames],
    ...(def.schema ? { schema: def.schema } : {}),
  };
}
