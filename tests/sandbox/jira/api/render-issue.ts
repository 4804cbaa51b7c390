import type { JiraIssue } from '../../data/model.ts';
import type { JiraCall } from './call.ts';
import { type FieldDef, fieldsOf } from './fields.ts';

const EXPAND_OPTIONS = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

/** Which fields a request asked for: `*all`, `*navigable`, field ids, and `-id` exclusions (`fields=*all,-comment`). */
export function selectFields(call: JiraCall, tokens: readonly string[], fallback: readonly string[]): FieldDef[] {
  const wanted = tokens.length > 0 ? tokens : fallback;
  const all = fieldsOf(call.site);
  const excluded = new Set(wanted.filter((t) => t.startsWith('-')).map((t) => t.slice(1)));
  return all.filter((def) => {
    if (excluded.has(def.id)) return false;
    if (wanted.includes('*all')) return true;
    if (wanted.includes('*navigable') && def.navigable) return true;
    return wanted.includes(def.id);
  });
}

/** `key` and `id` alone ask for no fields at all. */
export const wantsNoFields = (tokens: readonly string[]): boolean => tokens.length > 0 && tokens.every((t) => t === 'id' || t === 'key');

export function renderFields(call: JiraCall, issue: JiraIssue, defs: readonly FieldDef[]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const def of defs) {
    const value = def.value(issue, call);
    // Jira lists requested fields even when empty (null), but leaves out `parent` when there is none.
    if (value !== undefined) fields[def.id] = value;
  }
  return fields;
}

export const fieldNames = (defs: readonly FieldDef[]): Record<string, string> => Object.fromEntries(defs.map((d) => [d.id, d.name]));

export const fieldSchemas = (defs: readonly FieldDef[]): Record<string, unknown> =>
  Object.fromEntries(defs.flatMap((d) => (d.schema ? [[d.id, d.schema]] : [])));

/** An issue as `GET /issue/{key}` returns it; `names` / `schema` when expanded. */
export function renderIssue(call: JiraCall, issue: JiraIssue, defs: readonly FieldDef[], expand: ReadonlySet<string>): Record<string, unknown> {
  const bean: Record<string, unknown> = {
    expand: EXPAND_OPTIONS,
    id: issue.id,
    self: `${call.apiBase}/issue/${issue.id}`,
    key: issue.key,
    fields: renderFields(call, issue, defs),
  };
  if (expand.has('names')) bean.names = fieldNames(defs);
  if (expand.has('schema')) bean.schema = fieldSchemas(defs);
  return bean;
}

export function expandSet(values: readonly string[]): Set<string> {
  return new Set(values.flatMap((v) => v.split(',')).map((v) => v.trim()));
}
