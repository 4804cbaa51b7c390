import * as z from 'zod/mini';

/** The parts of GitHub's payloads Stint reads, validated at the boundary (extra fields are ignored). */
export const GithubUser = z.object({ login: z.string().check(z.minLength(1), z.maxLength(100)), id: z.int() });
export type GithubUser = z.infer<typeof GithubUser>;

const isoDate = z.string().check(z.refine((s) => Number.isFinite(Date.parse(s)), 'not a date'));
const text = (max: number) => z.string().check(z.maxLength(max));

export const GithubMilestone = z.object({
  number: z.int(),
  title: text(1000),
  state: z.enum(['open', 'closed']),
  due_on: z.nullable(isoDate),
  created_at: isoDate,
});
export type GithubMilestone = z.infer<typeof GithubMilestone>;

export const GithubIssue = z.object({
  number: z.int().check(z.positive()),
  title: text(10_000),
  state: z.enum(['open', 'closed']),
  html_url: z.url(),
  labels: z.array(z.union([z.string(), z.object({ name: z.optional(text(200)) })])).check(z.maxLength(100)),
  assignees: z.optional(z.nullable(z.array(z.object({ login: text(100) })).check(z.maxLength(100)))),
  milestone: z.nullable(GithubMilestone),
  created_at: isoDate,
  updated_at: isoDate,
  closed_at: z.nullable(isoDate),
  pull_request: z.optional(z.object({ merged_at: z.optional(z.nullable(isoDate)) })),
  /** Read for a pull request's closing keywords only; GitHub caps bodies at 65,536 characters. */
  body: z.optional(z.nullable(text(262_144))),
});
export type GithubIssue = z.infer<typeof GithubIssue>;

export const GithubComment = z.object({
  id: z.int(),
  issue_url: z.url(),
  body: z.optional(z.nullable(text(262_144))),
  user: z.nullable(z.object({ login: text(100) })),
  created_at: isoDate,
  updated_at: isoDate,
});
export type GithubComment = z.infer<typeof GithubComment>;

/** What Stint needs back from a comment it wrote (create / update). */
export const GithubWrittenComment = z.object({ id: z.int().check(z.positive()), updated_at: isoDate });
