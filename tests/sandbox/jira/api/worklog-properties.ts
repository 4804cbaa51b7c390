import type { ScopedRouter } from '../../http/router.ts';
import { type ApiVersion, jiraRoute, noContent, ok } from './call.ts';
import { JiraError } from './errors.ts';
import { worklogFor } from './lookups.ts';

/**
 * Entity properties on worklogs (`…/worklog/{id}/properties/{key}`): where Stint keeps its entry id so a retried
 * write can find its own earlier worklog.
 */
export function registerWorklogPropertyRoutes(r: ScopedRouter, version: ApiVersion): void {
  const base = '/issue/:issueIdOrKey/worklog/:worklogId/properties';

  r.get(base, 'jira.worklogs.properties.list', jiraRoute(version, (call) => {
    const { issue, worklog } = worklogFor(call, call.ctx.params.worklogId ?? '');
    const self = (key: string) => `${call.apiBase}/issue/${issue.id}/worklog/${worklog.id}/properties/${encodeURIComponent(key)}`;
    return ok({ keys: Object.keys(worklog.properties).map((key) => ({ key, self: self(key) })) });
  }));

  r.get(`${base}/:propertyKey`, 'jira.worklogs.properties.get', jiraRoute(version, (call) => {
    const { worklog } = worklogFor(call, call.ctx.params.worklogId ?? '');
    const key = call.ctx.params.propertyKey ?? '';
    if (!(key in worklog.properties)) throw missingProperty(key);
    return ok({ key, value: worklog.properties[key] });
  }));

  r.put(`${base}/:propertyKey`, 'jira.worklogs.properties.set', jiraRoute(version, (call) => {
    const { worklog } = worklogFor(call, call.ctx.params.worklogId ?? '');
    const key = call.ctx.params.propertyKey ?? '';
    if (key.length === 0 || key.length > 255) throw new JiraError(400, ['The property key must be between 1 and 255 characters long.']);
    const value = parseValue(call.ctx.rawBody);
    const existed = key in worklog.properties;
    worklog.properties = { ...worklog.properties, [key]: value };
    return { status: existed ? 200 : 201 };
  }));

  r.delete(`${base}/:propertyKey`, 'jira.worklogs.properties.delete', jiraRoute(version, (call) => {
    const { worklog } = worklogFor(call, call.ctx.params.worklogId ?? '');
    const key = call.ctx.params.propertyKey ?? '';
    if (!(key in worklog.properties)) throw missingProperty(key);
    const { [key]: _removed, ...rest } = worklog.properties;
    worklog.properties = rest;
    return noContent();
  }));
}

const missingProperty = (key: string) => new JiraError(404, [`The property with key '${key}' does not exist.`]);

/** The body is the property's value itself, any JSON; an empty body is refused as on Jira. */
function parseValue(raw: string): unknown {
  if (raw.trim() === '') throw new JiraError(400, ['The property value cannot be empty.']);
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new JiraError(400, ['The property value must be a valid JSON.']);
  }
}
