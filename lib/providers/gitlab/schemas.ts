import * as z from 'zod/mini';
import { MAX_PROVIDER_SECONDS } from '../../core/duration';

/** The parts of GitLab's payloads Stint reads, validated at the boundary (extra fields are ignored). */

// Four-digit years, as GitLab writes them: `+275760-09-13T00:00:00Z` parses, but an entry there ends past what a Date holds.
const isoDate = z.string().check(z.regex(/^\d{4}-/, 'not a date'), z.refine((s) => Number.isFinite(Date.parse(s)), 'not a date'));
/** `YYYY-MM-DD` (milestone and iteration dates, issue due dates). */
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}/, 'not a date'), z.refine((s) => Number.isFinite(Date.parse(`${s.slice(0, 10)}T00:00:00Z`)), 'not a date'));
/** Seconds of an estimate or a timelog (negative: GitLab's "subtract time"). */
const seconds = z.int().check(z.gte(-MAX_PROVIDER_SECONDS), z.lte(MAX_PROVIDER_SECONDS));
const text = (max: number) => z.string().check(z.maxLength(max));

export const GitlabVersion = z.object({ version: z.string().check(z.minLength(1), z.maxLength(100)) });

export const GitlabUser = z.object({ id: z.int(), username: z.string().check(z.minLength(1), z.maxLength(255)) });

const Planned = z.object({
  id: z.int(),
  title: z.optional(z.nullable(text(1000))),
  start_date: z.optional(z.nullable(day)),
  due_date: z.optional(z.nullable(day)),
});

/** `IssueSchema` / `MergeRequestSchema` (REST `/projects/:id/issues`, `/merge_requests`): what badges and budgets need. */
export const GitlabIssuable = z.object({
  id: z.int(),
  iid: z.int().check(z.positive()),
  project_id: z.int(),
  title: text(10_000),
  state: z.enum(['opened', 'closed', 'locked', 'merged']),
  web_url: z.url(),
  created_at: isoDate,
  updated_at: isoDate,
  closed_at: z.optional(z.nullable(isoDate)),
  due_date: z.optional(z.nullable(day)),
  labels: z.array(z.union([text(500), z.object({ name: text(500) })])).check(z.maxLength(200)),
  assignees: z.optional(z.nullable(z.array(z.object({ username: text(255) })).check(z.maxLength(200)))),
  milestone: z.optional(z.nullable(Planned)),
  iteration: z.optional(z.nullable(Planned)),
  time_stats: z.object({ time_estimate: seconds.check(z.nonnegative()), total_time_spent: seconds.check(z.nonnegative()) }),
});
export type GitlabIssuable = z.infer<typeof GitlabIssuable>;

/** A GraphQL `Timelog` node as Stint asks for it. */
export const GitlabTimelog = z.object({
  id: z.string().check(z.regex(/^gid:\/\/gitlab\/Timelog\/\d+$/)),
  spentAt: z.nullable(isoDate),
  timeSpent: seconds,
  summary: z.nullable(text(10_000)),
  user: z.object({ username: text(255) }),
});
export type GitlabTimelog = z.infer<typeof GitlabTimelog>;

const PageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.nullable(z.string()) });

/** An issue or MR with its timelogs (first page), from `project { issues(iids) | mergeRequests(iids) }`. */
export const GitlabIssuableTimelogs = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  iid: z.string().check(z.regex(/^\d+$/)),
  totalTimeSpent: z.int(),
  timelogs: z.object({ nodes: z.array(z.unknown()).check(z.maxLength(100)), pageInfo: PageInfo }),
});
export type GitlabIssuableTimelogs = z.infer<typeof GitlabIssuableTimelogs>;
