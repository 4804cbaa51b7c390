import type { ScopedRouter } from '../../http/router.ts';
import type { SandboxState } from '../../state.ts';
import { parseDuration } from './duration.ts';
import { badRequest, invalidParameter, validationFailed } from './errors.ts';
import { target } from './issuables.ts';
import { timeStats } from './render/issuables.ts';
import { apiRoute, type ApiCall } from './route.ts';
import { resetSpentTime, setTimeEstimate, spendTime } from './tracking.ts';

/**
 * GitLab's time-tracking endpoints, identical for issues and merge requests. Answers are `IssuableTimeStats`:
 * 200 for reads, estimates and resets; 201 for `add_spent_time` (a POST that creates a timelog).
 */
export function registerTimeTrackingRoutes(r: ScopedRouter, state: SandboxState): void {
  for (const { kind, segment, name } of [
    { kind: 'issue', segment: 'issues', name: 'issues' },
    { kind: 'mr', segment: 'merge_requests', name: 'mergeRequests' },
  ] as const) {
    const base = `/projects/:id/${segment}/:iid`;
    r.get(`${base}/time_stats`, `gitlab.${name}.timeStats`, apiRoute(state, 'read', (call) => {
      const { issuable } = target(call, kind);
      return { status: 200, body: timeStats(issuable) };
    }));
    r.post(`${base}/time_estimate`, `gitlab.${name}.timeEstimate.set`, apiRoute(state, 'write', (call) => {
      const { project, issuable } = target(call, kind);
      const seconds = parseDuration(requiredDuration(call));
      if (seconds === null || seconds < 0) throw badRequest('Time estimate must have a valid format and be greater than or equal to zero.');
      setTimeEstimate(call.state, project, issuable, seconds);
      return { status: 200, body: timeStats(issuable) };
    }));
    r.post(`${base}/reset_time_estimate`, `gitlab.${name}.timeEstimate.reset`, apiRoute(state, 'write', (call) => {
      const { project, issuable } = target(call, kind);
      setTimeEstimate(call.state, project, issuable, 0);
      return { status: 200, body: timeStats(issuable) };
    }));
    r.post(`${base}/add_spent_time`, `gitlab.${name}.spentTime.add`, apiRoute(state, 'write', (call) => {
      const { project, issuable } = target(call, kind);
      const seconds = parseDuration(requiredDuration(call));
      // GitLab passes an unparsable duration on as nil, and the timelog it would create fails validation.
      if (seconds === null) throw validationFailed({ time_spent: ["can't be blank"] });
      const summary = call.params.string('summary') ?? null;
      const result = spendTime(call.state, project, issuable, { seconds, summary, username: call.caller.person.gitlab.username });
      if ('error' in result) throw validationFailed({ base: [result.error] });
      return { status: 201, body: timeStats(issuable) };
    }));
    r.post(`${base}/reset_spent_time`, `gitlab.${name}.spentTime.reset`, apiRoute(state, 'write', (call) => {
      const { project, issuable } = target(call, kind);
      resetSpentTime(call.state, project, issuable, call.caller.person.gitlab.username);
      return { status: 200, body: timeStats(issuable) };
    }));
  }
}

function requiredDuration(call: ApiCall): string {
  const duration = call.params.string('duration');
  if (duration === undefined) throw invalidParameter('duration is missing');
  return duration;
}
