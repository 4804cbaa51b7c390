import { z } from 'zod';

/** The parts of GitLab's payloads Stint reads, validated at the boundary (extra fields are ignored). */

const isoDate = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'not a date');
/** `YYYY-MM-DD` (milestone and iteration dates, issue due dates). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'not a date');

export const GitlabVersion = z.object({ version: z.string().min(1).max(100) });

export const GitlabUser = z.object({ id: z.number().int(), username: z.string().min(1).max(255) });

const Planned = z.object({
  id: z.number().int(),
  title: z.string().max(1000).nullable().optional(),
  start_date: day.nullable().optional(),
  due_date: day.nullable().optional(),
});

/** `IssueSchema` / `MergeRequestSchema` (REST `/projects/:id/issues`, `/merge_requests`): what badges and budgets need. */
export const GitlabIssuable = z.object({
  id: z.number().int(),
  iid: z.number().int().positive(),
  project_id: z.number().int(),
  title: z.string().max(10_000),
  state: z.enum(['opened', 'closed', 'locked', 'merged']),
  web_url: z.string().url(),
  created_at: isoDate,
  updated_at: isoDate,
  closed_at: isoDate.nullable().optional(),
  labels: z.array(z.union([z.string().max(500), z.object({ name: z.string().max(500) })])).max(200),
  assignees: z.array(z.object({ username: z.string().max(255) })).max(200).nullable().optional(),
  milestone: Planned.nullable().optional(),
  iteration: Planned.nullable().optional(),
  time_stats: z.object({ time_estimate: z.number().int().nonnegative(), total_time_spent: z.number().int().nonnegative() }),
});
export type GitlabIssuable = z.infer<typeof GitlabIssuable>;

/** A GraphQL `Timelog` node as Stint asks for it. */
export const GitlabTimelog = z.object({
  id: z.string().regex(/^gid:\/\/gitlab\/Timelog\/\d+$/),
  spentAt: isoDate.nullable(),
  timeSpent: z.number().int(),
  summary: z.string().max(10_000).nullable(),
  user: z.object({ username: z.string().max(255) }),
});
export type GitlabTimelog = z.infer<typeof GitlabTimelog>;

const PageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

/** An issue or MR with its timelogs (first page), from `project { issues(iids) | mergeRequests(iids) }`. */
export const GitlabIssuableTimelogs = z.object({
  id: z.string().min(1).max(200),
  iid: z.string().regex(/^\d+$/),
  totalTimeSpent: z.number().int(),
  timelogs: z.object({ nodes: z.array(z.unknown()).max(100), pageInfo: PageInfo }),
});
export type GitlabIssuableTimelogs = z.infer<typeof GitlabIssuableTimelogs>;
