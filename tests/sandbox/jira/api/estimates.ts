import type { JiraIssue } from '../../data/model.ts';
import type { SiteCall } from './call.ts';
import { parseJiraDuration } from './duration.ts';
import { JiraError } from './errors.ts';

/**
 * How logging work moves the remaining estimate (`adjustEstimate`): `auto` (default) by the time logged, `new` to
 * `newEstimate`, `manual` by `reduceBy` (or `increaseBy` when deleting), `leave` not at all.
 */
export type EstimateChange = (issue: JiraIssue) => void;

type Moment = 'create' | 'update' | 'delete';

const MANUAL_PARAM: Record<Moment, string | null> = { create: 'reduceBy', update: null, delete: 'increaseBy' };

/**
 * Read the estimate parameters and return the change to apply once the worklog write succeeds. `delta` is the
 * change in time spent, in seconds (negative when deleting or shortening).
 */
export function estimateChange(call: SiteCall, moment: Moment, delta: number): EstimateChange {
  const mode = call.query.get('adjustEstimate') ?? 'auto';
  const manualParam = MANUAL_PARAM[moment];
  const allowed = ['auto', 'new', 'leave', ...(manualParam ? ['manual'] : [])];
  if (!allowed.includes(mode)) throw new JiraError(400, [`The value '${mode}' is not valid for adjustEstimate. Valid values are: ${allowed.join(', ')}.`]);
  if (mode === 'leave') return () => undefined;
  if (mode === 'new') {
    const seconds = parseJiraDuration(call.query.get('newEstimate') ?? '');
    if (seconds === null) throw new JiraError(400, [], { newEstimate: 'You must supply a valid new estimate.' });
    return (issue) => {
      issue.remainingEstimateSeconds = seconds;
    };
  }
  if (mode === 'manual' && manualParam) {
    const seconds = parseJiraDuration(call.query.get(manualParam) ?? '');
    if (seconds === null) throw new JiraError(400, [], { [manualParam]: `You must supply a valid amount to ${moment === 'delete' ? 'increase' : 'reduce'} the estimate by.` });
    return (issue) => reduceRemaining(issue, moment === 'delete' ? -seconds : seconds);
  }
  return (issue) => reduceRemaining(issue, delta);
}

function reduceRemaining(issue: JiraIssue, seconds: number): void {
  // Jira treats a missing remaining estimate as zero once time is logged against it.
  if (issue.remainingEstimateSeconds === null && seconds < 0) return;
  issue.remainingEstimateSeconds = Math.max(0, (issue.remainingEstimateSeconds ?? 0) - seconds);
}
