import type { JiraBoard, JiraIssue, JiraProject, JiraSite, JiraSprint, JiraStatusCategory, SandboxData } from './model.ts';
import { jiraTokens } from './people.ts';
import { random, type Random } from './random.ts';
import { DAY, ESTIMATE_HOURS, body, isoDate, startOfDay, timeLogs, title } from './work.ts';

const STATUSES: readonly { name: string; category: JiraStatusCategory }[] = [
  { name: 'To Do', category: 'new' },
  { name: 'In Progress', category: 'indeterminate' },
  { name: 'In Review', category: 'indeterminate' },
  { name: 'Done', category: 'done' },
];

interface ProjectPlan {
  readonly key: string;
  readonly name: string;
  readonly domain: string;
  readonly issues: number;
  readonly team: readonly string[];
  readonly board: 'scrum' | 'kanban';
  readonly epics: readonly string[];
}

function sprints(data: SandboxData, now: number, board: JiraBoard, prefix: string): JiraSprint[] {
  const activeStart = startOfDay(now) - 6 * DAY + 9 * 3600_000;
  return [-2, -1, 0, 1].map((offset) => {
    const start = activeStart + offset * 14 * DAY;
    const state = offset < 0 ? 'closed' : offset === 0 ? 'active' : 'future';
    return {
      id: data.nextId++,
      boardId: board.id,
      name: `${prefix} Sprint ${15 + offset}`,
      state,
      startDate: state === 'future' ? null : start,
      endDate: state === 'future' ? null : start + 14 * DAY,
      completeDate: state === 'closed' ? start + 14 * DAY + 2 * 3600_000 : null,
      goal: ['Ship SEPA mandates', 'Stabilise payouts', 'Fraud rules v2', 'Merchant onboarding'][offset + 2] ?? '',
    } satisfies JiraSprint;
  });
}

/**
 * Each issue draws from its own stream (`jira/PAY-12`), its dates around midnight (UTC) of `now`'s day with the past
 * before it, so the hour a world is seeded at shifts its dates and nothing else.
 */
function issues(data: SandboxData, seed: number, plan: ProjectPlan, sprintList: JiraSprint[], firstNumber: number, longSummary: boolean): JiraIssue[] {
  const today = startOfDay(data.now);
  const out: JiraIssue[] = [];
  let number = firstNumber;
  const epicKeys: string[] = [];
  for (const epic of plan.epics) {
    const rand = random(seed, `jira/${plan.key}-${number}`);
    const created = today - rand.int(60, 120) * DAY;
    epicKeys.push(`${plan.key}-${number}`);
    out.push(base(data, rand, plan, number++, 'Epic', epic, created, today, STATUSES[1]!, null));
  }
  while (out.length < plan.issues) {
    const rand = random(seed, `jira/${plan.key}-${number}`);
    const created = today - rand.int(2, 90) * DAY + rand.int(0, 23) * 3600_000;
    const sprint = plan.board === 'scrum' && rand.chance(0.85) ? rand.pick(sprintList) : null;
    const status =
      sprint?.state === 'closed' ? (rand.chance(0.9) ? STATUSES[3]! : STATUSES[1]!) : sprint?.state === 'future' ? STATUSES[0]! : rand.pick(STATUSES);
    const type = rand.pick(['Story', 'Story', 'Task', 'Bug'] as const);
    const summary = longSummary && out.length === plan.epics.length + 8 ? longTitle() : title(rand, plan.domain);
    const issue = base(data, rand, plan, number++, type, summary, created, today, status, epicKeys.length > 0 && rand.chance(0.7) ? rand.pick(epicKeys) : null);
    // A story that spilled over from the last sprint keeps both sprints, as Jira does.
    issue.sprintIds = sprint ? (sprint.state === 'active' && rand.chance(0.15) ? [sprintList[1]!.id, sprint.id] : [sprint.id]) : [];
    out.push(issue);
  }
  // The active sprint always has work on it, whatever the seed (the board pages' tests need cards on it).
  const active = sprintList.find((s) => s.state === 'active');
  if (active) {
    const inActive = () => out.filter((i) => i.sprintIds.includes(active.id)).length;
    for (const issue of out) {
      if (inActive() >= 3) break;
      if (issue.issueType !== 'Epic' && !issue.sprintIds.some((id) => sprintList.find((s) => s.id === id)?.state === 'closed')) issue.sprintIds = [active.id];
    }
  }
  // A few "is blocked by" links between open work.
  const open = out.filter((i) => i.status.category !== 'done' && i.issueType !== 'Epic');
  const rand = random(seed, `jira/${plan.key}/links`);
  for (let i = 0; i < Math.min(4, Math.floor(open.length / 5)); i++) {
    const [blocked, blocker] = rand.sample(open, 2);
    if (blocked && blocker && !blocker.blockedBy.includes(blocked.key)) blocked.blockedBy.push(blocker.key);
  }
  return out;
}

function longTitle(): string {
  // Jira caps summaries at 255 characters: this one uses them all, to test truncation in the overlay.
  return 'Investigate intermittent settlement report mismatch between the ledger export and the bank statement when payouts are split across midnight in the merchant time zone while FX rates are refreshed by the fallback provider during the nightly batch run, again'.slice(0, 255);
}

/** `today` is midnight (UTC) of the world's day: work ends before it, so the hour of seeding changes no draw. */
function base(data: SandboxData, rand: Random, plan: ProjectPlan, number: number, issueType: JiraIssue['issueType'], summary: string, created: number, today: number, status: (typeof STATUSES)[number], parentKey: string | null): JiraIssue {
  const assignee = rand.chance(0.15) ? null : rand.pick(plan.team);
  const done = status.category === 'done';
  const resolutionDate = done ? Math.min(today - DAY, created + rand.int(2, 20) * DAY) : null;
  const original = issueType === 'Epic' ? null : rand.chance(0.8) ? rand.pick(ESTIMATE_HOURS) * 3600 : null;
  const logs = issueType === 'Epic' ? [] : timeLogs(rand, assignee ? [assignee, rand.pick(plan.team)] : [...plan.team], created, resolutionDate ?? today, status.category === 'new' ? 0.1 : 1);
  const spent = logs.reduce((sum, l) => sum + l.seconds, 0);
  const worklogs = logs.map((log) => ({
    id: data.nextId++,
    personId: log.personId,
    started: log.start,
    timeSpentSeconds: log.seconds,
    comment: log.note,
    created: log.start + log.seconds * 1000,
    updated: log.start + log.seconds * 1000,
    properties: {},
  }));
  return {
    id: String(10_000 + data.nextId++),
    key: `${plan.key}-${number}`,
    projectKey: plan.key,
    issueType,
    summary,
    description: body(rand, summary),
    status,
    priority: rand.pick(['Highest', 'High', 'Medium', 'Medium', 'Low'] as const),
    assignee,
    reporter: rand.pick(plan.team),
    labels: rand.chance(0.3) ? [rand.pick(['backend', 'frontend', 'compliance', 'tech-debt'])] : [],
    created,
    updated: Math.max(created, resolutionDate ?? 0, ...worklogs.map((w) => w.updated)),
    resolutionDate,
    dueDate: rand.chance(0.35) ? isoDate(created + rand.int(7, 45) * DAY) : null,
    originalEstimateSeconds: original,
    remainingEstimateSeconds: original === null ? null : done ? 0 : Math.max(0, original - spent),
    parentKey,
    sprintIds: [],
    blockedBy: [],
    worklogs,
  };
}

function site(data: SandboxData, seed: number, host: string, deployment: 'Cloud' | 'Server', plans: ProjectPlan[]): JiraSite {
  const now = data.now;
  const projects: JiraProject[] = plans.map((p, i) => ({ id: String(10_000 + i), key: p.key, name: p.name, leadPersonId: 'ana', style: 'classic' }));
  // Board ids are small per site, as on real Jira (the first board of a site is usually 1).
  const boards: JiraBoard[] = plans.map((p, i) => ({ id: i + 1, name: `${p.key} board`, type: p.board, projectKey: p.key }));
  const allSprints: JiraSprint[] = [];
  const allIssues: JiraIssue[] = [];
  plans.forEach((plan, i) => {
    const board = boards[i]!;
    const boardSprints = plan.board === 'scrum' ? sprints(data, now, board, plan.key) : [];
    allSprints.push(...boardSprints);
    allIssues.push(...issues(data, seed, plan, boardSprints, 1, deployment === 'Cloud' && i === 0));
  });
  return { host, deployment, serverTitle: deployment === 'Cloud' ? 'Jira' : 'Acme Jira', projects, boards, sprints: allSprints, issues: allIssues, deletedWorklogs: [], tokens: jiraTokens(deployment) };
}

export function seedJira(data: SandboxData, seed: number): JiraSite[] {
  return [
    site(data, seed, 'acme.atlassian.net', 'Cloud', [
      { key: 'PAY', name: 'Payments', domain: 'payments', issues: 64, team: ['ana', 'ben', 'chen', 'dana', 'eli', 'fatima'], board: 'scrum', epics: ['SEPA Direct Debit', 'Instant payouts', 'Fraud rules v2', 'Merchant onboarding'] },
      { key: 'OPS', name: 'Operations', domain: 'ops', issues: 24, team: ['chen', 'dana', 'eli'], board: 'kanban', epics: [] },
    ]),
    site(data, seed, 'jira.example.test', 'Server', [{ key: 'DC', name: 'Data Center pilot', domain: 'payments', issues: 15, team: ['ana', 'fatima'], board: 'scrum', epics: ['Pilot'] }]),
  ];
}

const SCALE_ISSUES = 2000;
const SCALE_NOTES = ['Implementation', 'Code review', 'Pairing', 'Investigating', 'Writing tests', 'Meeting', ''];

/**
 * Benchmarks: Jira Cloud project `BIG` on acme.atlassian.net, 2,000 issues carrying `worklogs` worklogs in all, spread
 * over the past year by the six people. Every stamp is at least two hours old, so the worklog feeds (which leave out
 * the last minute) return them all on the first read.
 */
export function seedJiraScaleProject(data: SandboxData, rand: Random, worklogs: number): JiraProject {
  const cloud = data.jira.find((s) => s.host === 'acme.atlassian.net');
  if (!cloud) throw new Error('The Jira scale project needs the default world (acme.atlassian.net).');
  const now = data.now;
  const team = data.people.map((p) => p.id);
  const project: JiraProject = { id: String(10_000 + cloud.projects.length), key: 'BIG', name: 'Platform migration', leadPersonId: 'ana', style: 'classic' };
  cloud.projects.push(project);
  const issues: JiraIssue[] = [];
  for (let n = 1; n <= SCALE_ISSUES; n++) {
    const summary = title(rand, 'payments');
    const status = rand.pick(STATUSES);
    const original = rand.chance(0.8) ? rand.pick(ESTIMATE_HOURS) * 3600 : null;
    const created = now - rand.int(370, 400) * DAY;
    issues.push({
      id: String(10_000 + data.nextId++),
      key: `BIG-${n}`,
      projectKey: 'BIG',
      issueType: rand.pick(['Story', 'Story', 'Task', 'Bug'] as const),
      summary,
      description: body(rand, summary),
      status,
      priority: rand.pick(['Highest', 'High', 'Medium', 'Medium', 'Low'] as const),
      assignee: rand.chance(0.15) ? null : rand.pick(team),
      reporter: rand.pick(team),
      labels: rand.chance(0.3) ? [rand.pick(['backend', 'frontend', 'migration'])] : [],
      created,
      updated: created,
      resolutionDate: status.category === 'done' ? now - rand.int(1, 30) * DAY : null,
      dueDate: null,
      originalEstimateSeconds: original,
      remainingEstimateSeconds: original,
      parentKey: null,
      sprintIds: [],
      blockedBy: [],
      worklogs: [],
    });
  }
  for (let i = 0; i < worklogs; i++) {
    const issue = rand.pick(issues);
    const started = Math.floor((now - rand.int(1, 365) * DAY) / DAY) * DAY + rand.int(7, 16) * 3600_000 + rand.int(0, 11) * 300_000;
    const seconds = rand.int(3, 48) * 300;
    const logged = started + seconds * 1000;
    issue.worklogs.push({ id: data.nextId++, personId: rand.pick(team), started, timeSpentSeconds: seconds, comment: rand.pick(SCALE_NOTES), created: logged, updated: logged, properties: {} });
  }
  for (const issue of issues) {
    issue.worklogs.sort((a, b) => a.started - b.started);
    const spent = issue.worklogs.reduce((sum, w) => sum + w.timeSpentSeconds, 0);
    if (issue.originalEstimateSeconds !== null) issue.remainingEstimateSeconds = issue.status.category === 'done' ? 0 : Math.max(0, issue.originalEstimateSeconds - spent);
    issue.updated = Math.max(issue.created, issue.resolutionDate ?? 0, ...issue.worklogs.map((w) => w.updated));
  }
  cloud.issues.push(...issues);
  return project;
}
