import { describe, expect, it } from 'vitest';
import type { SandboxData } from './model.ts';
import { createDataset } from './seed.ts';
import { DAY, HOUR, MINUTE, isoDate } from './work.ts';

/** Where a span stands relative to now. */
function stance(start: number | null, end: number | null, now: number): 'upcoming' | 'active' | 'past' | 'undated' {
  if (start === null && end === null) return 'undated';
  if (start !== null && now < start) return 'upcoming';
  if (end !== null && now > end) return 'past';
  return 'active';
}

/** The same for GitLab's calendar dates (a span is active through its last day). */
function dateStance(start: string | null, due: string | null, now: number): string {
  const today = isoDate(now);
  if (start !== null && today < start) return 'upcoming';
  if (due !== null && today > due) return 'past';
  return start === null && due === null ? 'undated' : 'active';
}

const past = (ms: number | null, now: number): string => (ms === null ? '-' : ms < now ? 'past' : 'future');

/**
 * Everything about the world that a test could lean on besides the exact dates: ids, numbers, titles, states, who
 * works on what, milestone and sprint membership, estimates, how many comments / timelogs / worklogs each item has,
 * and where every milestone, iteration and sprint stands relative to now. Dates appear only as past / future.
 */
function fingerprint(data: SandboxData): unknown {
  const now = data.now;
  return {
    nextId: data.nextId,
    github: data.github.map((instance) => ({
      host: instance.host,
      repos: instance.repos.map((repo) => ({
        repo: `${repo.owner.login}/${repo.name}`,
        id: repo.id,
        open: repo.issues.filter((i) => i.state === 'open' && !i.pull).length,
        closed: repo.issues.filter((i) => i.state === 'closed' && !i.pull).length,
        openPulls: repo.issues.filter((i) => i.state === 'open' && i.pull).length,
        closedPulls: repo.issues.filter((i) => i.state === 'closed' && i.pull).length,
        milestones: repo.milestones.map((m) => [m.id, m.number, m.title, m.state, stance(m.createdAt, m.dueOn, now), repo.issues.filter((i) => i.milestone === m.number && i.state === 'open').length]),
        items: repo.issues.map((i) => [
          i.id, i.number, i.title, i.state, i.stateReason, i.user, i.assignees, i.labels, i.milestone, i.pull?.draft, i.pull?.closes, i.pull?.mergedAt === null,
          past(i.createdAt, now), past(i.closedAt, now), i.comments.map((c) => [c.id, c.user, c.body.replace(/"start":"[^"]+"/, ''), past(c.createdAt, now)]),
        ]),
      })),
    })),
    gitlab: data.gitlab.map((instance) => ({
      host: instance.host,
      iterations: instance.groups.map((g) => [g.id, g.fullPath, g.iterations.map((it) => [it.id, it.title, it.state, dateStance(it.startDate, it.dueDate, now)])]),
      projects: instance.projects.map((project) => ({
        project: project.pathWithNamespace,
        id: project.id,
        openIssues: project.issues.filter((i) => i.state === 'opened').length,
        closedIssues: project.issues.filter((i) => i.state !== 'opened').length,
        openMergeRequests: project.mergeRequests.filter((m) => m.state === 'opened').length,
        mergedMergeRequests: project.mergeRequests.filter((m) => m.state === 'merged').length,
        milestones: project.milestones.map((m) => [m.id, m.iid, m.title, m.state, dateStance(m.startDate, m.dueDate, now), project.issues.filter((i) => i.milestoneId === m.id && i.state === 'opened').length]),
        items: [...project.issues, ...project.mergeRequests].map((i) => [
          i.id, i.kind, i.iid, i.title, i.state, i.author, i.assignees, i.labels, i.milestoneId, i.iterationId, i.timeEstimate, i.draft,
          past(i.createdAt, now), past(i.closedAt, now), i.dueDate === null ? '-' : i.dueDate < isoDate(now) ? 'overdue' : 'due', i.timelogs.map((t) => [t.id, t.user, t.timeSpent, past(t.spentAt, now)]),
        ]),
      })),
    })),
    jira: data.jira.map((site) => ({
      host: site.host,
      sprints: site.sprints.map((s) => [s.id, s.boardId, s.name, s.state, stance(s.startDate, s.endDate, now), site.issues.filter((i) => i.sprintIds.includes(s.id)).length]),
      projects: site.projects.map((p) => ({
        project: p.key,
        open: site.issues.filter((i) => i.projectKey === p.key && i.status.category !== 'done').length,
        done: site.issues.filter((i) => i.projectKey === p.key && i.status.category === 'done').length,
      })),
      issues: site.issues.map((i) => [
        i.id, i.key, i.issueType, i.summary, i.status.name, i.priority, i.assignee, i.reporter, i.labels, i.originalEstimateSeconds, i.remainingEstimateSeconds,
        i.parentKey, i.sprintIds, i.blockedBy, past(i.created, now), past(i.resolutionDate, now), i.dueDate === null ? '-' : i.dueDate < isoDate(now) ? 'overdue' : 'due',
        i.worklogs.map((w) => [w.id, w.personId, w.timeSpentSeconds, w.comment, past(w.started, now)]),
      ]),
    })),
  };
}

// Two days, every hour of each (on the hour on the first, at :37 on the second), and the edges of a day.
const DAY_ONE = Date.UTC(2026, 10, 26);
const DAY_TWO = Date.UTC(2026, 10, 27);
const HOURS = [
  ...Array.from({ length: 24 }, (_, h) => DAY_ONE + h * HOUR),
  ...Array.from({ length: 24 }, (_, h) => DAY_TWO + h * HOUR + 37 * MINUTE),
  DAY_ONE + DAY - 1,
  DAY_TWO + 1,
  DAY_ONE + 15 * HOUR + 59 * MINUTE + 59_999,
];

describe('the seeded world does not depend on the hour it is seeded at', () => {
  const reference = fingerprint(createDataset({ now: DAY_ONE + 12 * HOUR }));

  it.each(HOURS.map((now) => [new Date(now).toISOString(), now] as const))('seeded at %s, it has the same items, states and spans as at noon', (_, now) => {
    expect(fingerprint(createDataset({ now }))).toEqual(reference);
  });

  it('still has what the tests and the README rely on', () => {
    const data = createDataset({ now: DAY_ONE + 12 * HOUR });
    const checkout = data.github[0]?.repos.find((r) => r.name === 'checkout-web');
    expect(checkout?.issues.find((i) => i.number === 7)?.title).toContain('<script>');
    // Paging: more than one page (25) of open and of closed issues, and more items than GitHub's 100 a page.
    const issues = checkout?.issues.filter((i) => !i.pull) ?? [];
    expect(issues.filter((i) => i.state === 'open').length).toBeGreaterThan(25);
    expect(issues.filter((i) => i.state === 'closed').length).toBeGreaterThan(25);
    expect(checkout?.issues.length).toBeGreaterThan(100);
    // Tests open #1–#4 as issues and #5 as a pull request.
    expect(checkout?.issues.slice(0, 5).map((i) => i.pull !== null)).toEqual([false, false, false, false, true]);
    expect(checkout?.milestones.map((m) => [m.title, m.state, stance(m.createdAt, m.dueOn, data.now)])).toEqual([
      ['Sprint 41 — Payment sheet', 'closed', 'past'],
      ['Sprint 42 — Wallets', 'open', 'active'],
      ['Sprint 43 — Subscriptions', 'open', 'active'],
    ]);
    const billing = data.gitlab[0]?.projects.find((p) => p.name === 'billing-service');
    expect(billing?.issues.find((i) => i.iid === 5)?.title).toMatch(/[\u0600-\u06ff]/);
    const pay = data.jira[0];
    expect(pay?.sprints.map((s) => [s.state, stance(s.startDate, s.endDate, data.now)])).toEqual([
      ['closed', 'past'],
      ['closed', 'past'],
      ['active', 'active'],
      ['future', 'undated'],
    ]);
    expect(pay?.issues.some((i) => i.summary.length === 255)).toBe(true);
    const active = pay?.sprints.find((s) => s.state === 'active' && s.name.startsWith('PAY'));
    expect(pay?.issues.filter((i) => active && i.sprintIds.includes(active.id)).length).toBeGreaterThanOrEqual(3);
  });

  it('a different seed makes a different world', () => {
    expect(fingerprint(createDataset({ now: DAY_ONE, seed: 7 }))).not.toEqual(reference);
  });
});
