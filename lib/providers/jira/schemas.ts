import * as z from 'zod/mini';
import { MAX_PROVIDER_SECONDS } from '../../core/duration';

/** The parts of Jira's payloads Stint reads, validated at the boundary (extra fields are ignored). */

const text = (max: number) => z.string().check(z.maxLength(max));
const id = z.union([z.string().check(z.regex(/^\d{1,20}$/)), z.int().check(z.nonnegative())]);

/** Jira's date-times: `2026-11-26T08:15:00.000+1000` (offset without a colon) or ISO with `Z`. */
const JIRA_DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?)(Z|[+-]\d{2}:?\d{2})$/;

/** Epoch ms of a Jira date-time, or null when it is not one. */
export function parseJiraDateTime(value: string): number | null {
  const m = JIRA_DATE_TIME.exec(value);
  if (!m) return null;
  const zone = m[2] === 'Z' ? 'Z' : `${m[2]!.slice(0, 3)}:${m[2]!.slice(-2)}`;
  const at = Date.parse(`${m[1]}${zone}`);
  return Number.isFinite(at) ? at : null;
}

const dateTime = z.string().check(z.refine((s) => parseJiraDateTime(s) !== null, 'not a Jira date-time'));
const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'not a date'), z.refine((s) => Number.isFinite(Date.parse(`${s}T00:00:00Z`)), 'not a date'));
const seconds = z.int().check(z.nonnegative(), z.lte(MAX_PROVIDER_SECONDS));

export const JiraServerInfo = z.object({
  deploymentType: z.optional(text(50)),
  version: z.optional(text(100)),
  baseUrl: z.optional(text(2048)),
});

/** `/myself`: Cloud identifies people by `accountId`, Data Center by `name`. */
export const JiraMyself = z.object({
  accountId: z.optional(text(128)),
  name: z.optional(text(255)),
  emailAddress: z.optional(text(320)),
  displayName: text(255),
  timeZone: z.optional(text(64)),
});

export const JiraField = z.object({
  id: text(255),
  schema: z.optional(z.object({ custom: z.optional(text(255)) })),
});

const User = z.object({ accountId: z.optional(text(128)), name: z.optional(text(255)), displayName: z.optional(text(255)) });

const LinkedIssue = z.object({ key: text(64), fields: z.optional(z.object({ summary: z.optional(text(10_000)) })) });

/** An issue as Stint's searches ask for it (`fields` limited to what badges, budgets and risks read). */
export const JiraIssue = z.object({
  id: id,
  key: text(64),
  fields: z.object({
    summary: z.optional(text(10_000)),
    status: z.optional(z.object({ name: text(255), statusCategory: z.optional(z.object({ key: text(50) })) })),
    assignee: z.optional(z.nullable(User)),
    labels: z.optional(z.array(text(255)).check(z.maxLength(500))),
    duedate: z.optional(z.nullable(day)),
    created: z.optional(dateTime),
    updated: z.optional(dateTime),
    resolutiondate: z.optional(z.nullable(dateTime)),
    timetracking: z.optional(
      z.object({
        originalEstimateSeconds: z.optional(seconds),
        remainingEstimateSeconds: z.optional(seconds),
        timeSpentSeconds: z.optional(seconds),
      }),
    ),
    parent: z.optional(z.nullable(LinkedIssue)),
    issuelinks: z.optional(
      z.array(z.object({ type: z.object({ inward: z.optional(text(255)) }), inwardIssue: z.optional(LinkedIssue), outwardIssue: z.optional(LinkedIssue) })).check(z.maxLength(1000)),
    ),
  }),
});
export type JiraIssue = z.infer<typeof JiraIssue>;

/** One value of the Sprint custom field (Cloud and Data Center ≥ 8 answer objects). */
export const JiraSprintValue = z.object({
  id: z.int(),
  name: text(255),
  state: text(20),
  startDate: z.optional(dateTime),
  endDate: z.optional(dateTime),
  completeDate: z.optional(dateTime),
});
export type JiraSprintValue = z.infer<typeof JiraSprintValue>;

export const JiraSearchPage = z.object({
  issues: z.array(z.unknown()).check(z.maxLength(5000)),
  nextPageToken: z.optional(z.string().check(z.maxLength(10_000))),
  isLast: z.optional(z.boolean()),
  total: z.optional(z.int()),
  startAt: z.optional(z.int()),
});

export const JiraWorklog = z.object({
  id: id,
  issueId: id,
  author: z.optional(User),
  started: dateTime,
  timeSpentSeconds: z.int().check(z.lte(MAX_PROVIDER_SECONDS)),
  comment: z.optional(z.unknown()),
  properties: z.optional(z.array(z.object({ key: text(255), value: z.unknown() })).check(z.maxLength(100))),
});
export type JiraWorklog = z.infer<typeof JiraWorklog>;

export const JiraIssueWorklogs = z.object({ worklogs: z.array(z.unknown()).check(z.maxLength(5000)), total: z.optional(z.int()) });

/** `/worklog/updated` and `/worklog/deleted`: at most 1,000 ids a page; `until` is where the next page starts. */
export const JiraWorklogFeed = z.object({
  values: z.array(z.object({ worklogId: id, updatedTime: z.int() })).check(z.maxLength(1000)),
  since: z.int(),
  until: z.int(),
  lastPage: z.boolean(),
});

/** A page of an Agile API list. */
export const JiraAgilePage = z.object({ values: z.array(z.unknown()).check(z.maxLength(1000)), isLast: z.optional(z.boolean()) });

export const JiraBoard = z.object({ id: z.int(), type: z.optional(text(20)) });

/** An issue's comment list page (`startAt` / `total`). */
export const JiraCommentPage = z.object({ comments: z.array(z.unknown()).check(z.maxLength(5000)), total: z.optional(z.int()) });

/** What Stint reads of a comment: its id and entity properties (asked for with `expand=properties`). */
export const JiraComment = z.object({
  id: id,
  properties: z.optional(z.array(z.object({ key: text(255), value: z.unknown() })).check(z.maxLength(100))),
});
