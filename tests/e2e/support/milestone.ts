import { STANDARD_WORK_WEEK } from '../../../lib/core/duration';
import { trailingWorkingDays, workingDaysBetween } from '../../../lib/core/forecast';
import type { GlIssuable, GlMilestone, GlProject } from '../../sandbox/data/model.ts';

const H = 3600;
const DAY = 86_400_000;

export interface BudgetMilestone {
  /** The project's first active milestone, started 30 days ago and due in 6 working days. */
  readonly milestone: GlMilestone;
  /** Its only items: three open issues, 16 h estimated each, 12 h logged on each by Ben. */
  readonly planned: readonly GlIssuable[];
  /** The milestone's due day, `YYYY-MM-DD`. */
  readonly dueDay: string;
}

/**
 * The budgets fixture on a sandbox GitLab project, as the budget, side panel and report e2e tests need it: an active
 * milestone due in 6 working days holding the project's three newest open issues, with 36 h logged, 3 h on each of the
 * last 12 working days (not today: the day is not over). The newest issues head the list's first page (newest first,
 * 20 rows) however many the seed left open. With 40 h at 85 €/h set on it, it is 90 % spent, €3,060.00, and its burn
 * runs out before the due date. `assignee` makes that person the only one on the three issues.
 */
export function planBudgetMilestone(project: GlProject, options: { readonly assignee?: string } = {}): BudgetMilestone {
  const today = new Date().toISOString().slice(0, 10);
  let due = Date.parse(`${today}T00:00:00Z`);
  while (workingDaysBetween(today, new Date(due).toISOString().slice(0, 10), STANDARD_WORK_WEEK) < 6) due += DAY;
  const dueDay = new Date(due).toISOString().slice(0, 10);
  const milestone = project.milestones.find((m) => m.state === 'active');
  if (!milestone) throw new Error(`${project.pathWithNamespace} has no active milestone in the seeded world`);
  milestone.startDate = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * DAY).toISOString().slice(0, 10);
  milestone.dueDate = dueDay;
  const planned = project.issues
    .filter((i) => i.state === 'opened')
    .sort((a, b) => b.createdAt - a.createdAt || b.iid - a.iid)
    .slice(0, 3);
  if (planned.length < 3) throw new Error(`${project.pathWithNamespace} has fewer than three open issues in the seeded world`);
  for (const other of [...project.issues, ...project.mergeRequests]) if (other.milestoneId === milestone.id && !planned.includes(other)) other.milestoneId = null;
  const days = trailingWorkingDays(today, 13, STANDARD_WORK_WEEK).slice(0, 12);
  planned.forEach((issue, n) => {
    issue.milestoneId = milestone.id;
    issue.timeEstimate = 16 * H;
    issue.dueDate = null; // the milestone's due date is the one that matters here
    if (options.assignee) issue.assignees = [options.assignee];
    issue.timelogs = days
      .filter((_, i) => i % 3 === n)
      .map((day, i) => ({ id: 880_000 + n * 100 + i, user: 'ben.okafor', timeSpent: 3 * H, spentAt: Date.parse(`${day}T09:00:00Z`), summary: null, createdAt: Date.parse(`${day}T12:00:00Z`) }));
    issue.updatedAt = Date.now();
  });
  return { milestone, planned, dueDay };
}
