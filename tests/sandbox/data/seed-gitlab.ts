import type { GlGroup, GlInstance, GlIssuable, GlIteration, GlLabel, GlMilestone, GlProject, SandboxData } from './model.ts';
import { gitlabTokens, personById } from './people.ts';
import { random } from './random.ts';
import { DAY, ESTIMATE_HOURS, body, isoDate, startOfDay, timeLogs, title } from './work.ts';

interface ProjectPlan {
  readonly path: string;
  readonly name: string;
  readonly domain: string;
  readonly issues: number;
  readonly mergeRequests: number;
  readonly team: readonly string[];
}

function iterations(data: SandboxData, now: number, groupId: number): GlIteration[] {
  // Two-week cadence: the previous, the current and the next iteration.
  const currentStart = startOfDay(now) - 6 * DAY;
  return [-1, 0, 1].map((offset, index) => {
    const start = currentStart + offset * 14 * DAY;
    return {
      id: data.nextId++,
      iid: 20 + index,
      title: `Iteration ${20 + index}`,
      startDate: isoDate(start),
      dueDate: isoDate(start + 13 * DAY),
      state: offset < 0 ? 'closed' : offset === 0 ? 'current' : 'upcoming',
      groupId,
    };
  });
}

function milestones(data: SandboxData, seed: number, projectKey: string): GlMilestone[] {
  const today = startOfDay(data.now);
  const plan: [string, number, number, 'active' | 'closed'][] = [
    ['Q3 hardening', -60, -12, 'closed'],
    ['Invoicing v2', -12, 16, 'active'],
    ['Usage billing beta', 16, 45, 'active'],
  ];
  return plan.map(([name, startIn, dueIn, state], index) => {
    const rand = random(seed, `${projectKey}/milestones/${index + 1}`);
    return {
      id: data.nextId++,
      iid: index + 1,
      title: name,
      description: rand.pick(['Agreed with finance.', 'See the roadmap epic.', '']),
      state,
      startDate: isoDate(today + startIn * DAY),
      dueDate: isoDate(today + dueIn * DAY),
      createdAt: today + (startIn - 10) * DAY,
      updatedAt: today - rand.int(1, 6) * DAY,
    };
  });
}

/** Dates as in `seed-github.ts`: around midnight of `now`'s day, the past before it, so the hour changes nothing else. */
function issuable(data: SandboxData, seed: number, plan: ProjectPlan, kind: 'issue' | 'mr', iid: number, ms: GlMilestone[], its: GlIteration[], rtl: boolean): GlIssuable {
  const rand = random(seed, `gitlab/${plan.path}/${kind === 'mr' ? 'merge_requests' : 'issues'}/${iid}`);
  const today = startOfDay(data.now);
  const usernames = plan.team.map((id) => personById(id).gitlab.username);
  const createdAt = today - rand.int(2, 100) * DAY + rand.int(0, 23) * 3600_000;
  const milestone = rand.chance(0.85) ? rand.pick(ms) : null;
  const closed = milestone?.state === 'closed' ? rand.chance(0.9) : rand.chance(kind === 'mr' ? 0.45 : 0.25);
  const closedAt = closed ? Math.min(today - DAY, createdAt + rand.int(1, 18) * DAY) : null;
  const merged = kind === 'mr' && closed && rand.chance(0.85);
  const assignees = rand.sample(usernames, rand.chance(0.12) ? 0 : 1);
  const headline = rtl ? 'تحسين صفحة الفواتير للعملاء — Arabic invoice layout' : title(rand, plan.domain);
  const workers = assignees.length > 0 ? plan.team.filter((id) => assignees.includes(personById(id).gitlab.username)) : [...plan.team];
  const logs = timeLogs(rand, [...workers, rand.pick(plan.team)], createdAt, closedAt ?? today, kind === 'mr' ? 0.5 : 0.9);
  const timelogs = logs.map((log) => ({
    id: data.nextId++,
    user: personById(log.personId).gitlab.username,
    timeSpent: log.seconds,
    spentAt: log.start,
    summary: log.note || null,
    createdAt: log.start + log.seconds * 1000,
  }));
  const updatedAt = Math.max(createdAt, closedAt ?? 0, ...timelogs.map((t) => t.createdAt));
  const label = rand.pick(['type::bug', 'type::feature', 'type::maintenance']);
  return {
    id: data.nextId++,
    iid,
    kind,
    title: headline,
    description: body(rand, headline),
    state: merged ? 'merged' : closed ? 'closed' : 'opened',
    author: rand.pick(usernames),
    assignees,
    labels: [label, ...(rand.chance(0.1) ? ['workflow::blocked'] : []), ...(rand.chance(0.3) ? ['priority::1'] : [])],
    milestoneId: milestone?.id ?? null,
    iterationId: kind === 'issue' && rand.chance(0.6) ? rand.pick(its).id : null,
    createdAt,
    updatedAt,
    closedAt,
    mergedAt: merged ? closedAt : null,
    dueDate: kind === 'issue' && rand.chance(0.3) ? isoDate(createdAt + rand.int(5, 40) * DAY) : null,
    timeEstimate: kind === 'issue' && rand.chance(0.8) ? rand.pick(ESTIMATE_HOURS) * 3600 : 0,
    timelogs,
    sourceBranch: kind === 'mr' ? `${iid}-${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 30)}` : null,
    targetBranch: kind === 'mr' ? 'main' : null,
    draft: kind === 'mr' && !closed && rand.chance(0.2),
  };
}

function project(data: SandboxData, seed: number, plan: ProjectPlan, group: GlGroup, rtl: boolean): GlProject {
  const labels: GlLabel[] = ['type::bug', 'type::feature', 'type::maintenance', 'workflow::blocked', 'priority::1'].map((name) => ({
    id: data.nextId++,
    name,
    color: name.startsWith('type::bug') ? '#dc143c' : name.startsWith('workflow') ? '#ed9121' : '#6699cc',
  }));
  const ms = milestones(data, seed, `gitlab/${plan.path}`);
  const issues = Array.from({ length: plan.issues }, (_, i) => issuable(data, seed, plan, 'issue', i + 1, ms, group.iterations, rtl && i === 4));
  const mergeRequests = Array.from({ length: plan.mergeRequests }, (_, i) => issuable(data, seed, plan, 'mr', i + 1, ms, group.iterations, false));
  return {
    id: data.nextId++,
    pathWithNamespace: plan.path,
    name: plan.name,
    description: `Acme Payments — ${plan.domain}`,
    groupId: group.id,
    createdAt: startOfDay(data.now) - 500 * DAY,
    lastActivityAt: Math.max(...issues.map((i) => i.updatedAt), ...mergeRequests.map((m) => m.updatedAt)),
    labels,
    milestones: ms,
    issues,
    mergeRequests,
  };
}

function group(data: SandboxData, now: number, fullPath: string, name: string, parentId: number | null): GlGroup {
  const id = data.nextId++;
  return { id, fullPath, name, parentId, iterations: iterations(data, now, id) };
}

export function seedGitlab(data: SandboxData, seed: number): GlInstance[] {
  const now = data.now;
  const acme = group(data, now, 'acme', 'Acme Payments', null);
  const platform = group(data, now, 'acme/platform', 'Platform', acme.id);
  const infra = group(data, now, 'acme/infra', 'Infrastructure', acme.id);
  const tools = group(data, now, 'tools', 'Tools', null);
  return [
    {
      host: 'gitlab.com',
      version: '18.6.0-ee',
      groups: [acme, platform, infra],
      tokens: gitlabTokens(),
      projects: [
        project(data, seed, { path: 'acme/platform/billing-service', name: 'billing-service', domain: 'billing', issues: 52, mergeRequests: 22, team: ['ana', 'ben', 'dana', 'fatima'] }, platform, true),
        project(data, seed, { path: 'acme/infra/deploy-tools', name: 'deploy-tools', domain: 'infra', issues: 20, mergeRequests: 9, team: ['chen', 'dana'] }, infra, false),
      ],
    },
    {
      host: 'gitlab.example.test',
      version: '17.11.3-ee',
      groups: [tools],
      tokens: gitlabTokens(),
      projects: [project(data, seed, { path: 'tools/ci-runner', name: 'ci-runner', domain: 'runner', issues: 10, mergeRequests: 5, team: ['chen', 'eli'] }, tools, false)],
    },
  ];
}

/** Benchmarks: `acme/platform/monolith` on gitlab.com with `issues` issues (and a tenth as many MRs), in its own group. */
export function seedGitlabScaleProject(data: SandboxData, seed: number, issues: number): GlProject {
  const gitlab = data.gitlab.find((i) => i.host === 'gitlab.com');
  const platform = gitlab?.groups.find((g) => g.fullPath === 'acme/platform');
  if (!gitlab || !platform) throw new Error('The GitLab scale project needs the default world (gitlab.com, acme/platform).');
  const scale = project(data, seed, { path: 'acme/platform/monolith', name: 'monolith', domain: 'monolith', issues, mergeRequests: Math.round(issues / 10), team: ['ana', 'ben', 'chen', 'dana', 'eli', 'fatima'] }, platform, false);
  gitlab.projects.push(scale);
  return scale;
}
