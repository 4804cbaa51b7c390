import { z } from 'zod';

/** The parts of GitHub's payloads Stint reads, validated at the boundary (extra fields are ignored). */
export const GithubUser = z.object({ login: z.string().min(1).max(100), id: z.number().int() });
export type GithubUser = z.infer<typeof GithubUser>;

const isoDate = z.string().refine((s) => Number.isFinite(Date.parse(s)), 'not a date');

export const GithubMilestone = z.object({
  number: z.number().int(),
  title: z.string().max(1000),
  state: z.enum(['open', 'closed']),
  due_on: isoDate.nullable(),
  created_at: isoDate,
});
export type GithubMilestone = z.infer<typeof GithubMilestone>;

export const GithubIssue = z.object({
  number: z.number().int().positive(),
  title: z.string().max(10_000),
  state: z.enum(['open', 'closed']),
  html_url: z.string().url(),
  labels: z.array(z.union([z.string(), z.object({ name: z.string().max(200).optional() })])).max(100),
  assignees: z.array(z.object({ login: z.string().max(100) })).max(100).nullable().optional(),
  milestone: GithubMilestone.nullable(),
  created_at: isoDate,
  updated_at: isoDate,
  closed_at: isoDate.nullable(),
  pull_request: z.object({ merged_at: isoDate.nullable().optional() }).optional(),
  /** Read for a pull request's closing keywords only; GitHub caps bodies at 65,536 characters. */
  body: z.string().max(262_144).nullable().optional(),
});
export type GithubIssue = z.infer<typeof GithubIssue>;

export const GithubComment = z.object({
  id: z.number().int(),
  issue_url: z.string().url(),
  body: z.string().max(262_144).nullable().optional(),
  user: z.object({ login: z.string().max(100) }).nullable(),
  created_at: isoDate,
  updated_at: isoDate,
});
export type GithubComment = z.infer<typeof GithubComment>;

/** What Stint needs back from a comment it wrote (create / update). */
export const GithubWrittenComment = z.object({ id: z.number().int().positive(), updated_at: isoDate });
