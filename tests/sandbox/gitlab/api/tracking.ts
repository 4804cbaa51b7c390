import type { GlIssuable, GlProject, GlTimelog } from '../../data/model.ts';
import type { SandboxState } from '../../state.ts';
import { totalTimeSpent, touch } from './world.ts';

/** Time-tracking writes, shared by REST (`add_spent_time`…) and GraphQL (`timelogCreate`…), with GitLab's own rules. */

export type SpendResult = { readonly timelog: GlTimelog | null } | { readonly error: string };

export const SUBTRACT_TOO_MUCH = 'Time to subtract exceeds the total time spent';
export const FUTURE_SPENT_AT = "Spent at can't be a future date and time.";

export interface SpendInput {
  readonly seconds: number;
  readonly username: string;
  readonly summary: string | null;
  /** Defaults to now. */
  readonly spentAt?: number;
  /** GraphQL's `timelogCreate` records a zero timelog; REST's `add_spent_time 0` changes nothing. */
  readonly keepZero?: boolean;
}

/** Log (or, negative, subtract) time. Zero changes nothing, as GitLab ignores `/spend 0`. */
export function spendTime(state: SandboxState, project: GlProject, issuable: GlIssuable, input: SpendInput): SpendResult {
  if (input.seconds === 0 && !input.keepZero) return { timelog: null };
  const now = state.now();
  if (input.seconds < 0 && totalTimeSpent(issuable) + input.seconds < 0) return { error: SUBTRACT_TOO_MUCH };
  if (input.spentAt !== undefined && input.spentAt > now) return { error: FUTURE_SPENT_AT };
  const timelog: GlTimelog = {
    id: state.nextId(),
    user: input.username,
    timeSpent: input.seconds,
    spentAt: input.spentAt ?? now,
    summary: input.summary,
    createdAt: now,
  };
  issuable.timelogs.push(timelog);
  touch(state, project, issuable);
  return { timelog };
}

/** GitLab resets spent time by logging the negative of the total, so the history stays. */
export function resetSpentTime(state: SandboxState, project: GlProject, issuable: GlIssuable, username: string): void {
  const total = totalTimeSpent(issuable);
  if (total !== 0) spendTime(state, project, issuable, { seconds: -total, username, summary: null });
}

export function setTimeEstimate(state: SandboxState, project: GlProject, issuable: GlIssuable, seconds: number): void {
  if (issuable.timeEstimate === seconds) return;
  issuable.timeEstimate = seconds;
  touch(state, project, issuable);
}

export function deleteTimelog(state: SandboxState, project: GlProject, issuable: GlIssuable, timelog: GlTimelog): void {
  const index = issuable.timelogs.indexOf(timelog);
  if (index < 0) return;
  issuable.timelogs.splice(index, 1);
  touch(state, project, issuable);
}
