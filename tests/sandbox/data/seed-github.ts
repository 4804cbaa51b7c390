import type { GhComment, GhInstance, GhIssue, GhLabel, GhMilestone, GhRepo, SandboxData } from './model.ts';
import { PEOPLE, githubTokens, personById } from './people.ts';
import { random, type Random } from './random.ts';
import { DAY, ESTIMATE_HOURS, body, humanDuration, startOfDay, timeLogs, title, uuid } from './work.ts';

interface RepoPlan {
  readonly owner: string;
  readonly name: string;
  readonly domain: string;
  readonly items: number;
  readonly team: readonly string[];
}

const BASE_LABELS = [
  ['bug', 'd73a4a', "Something isn't working"],
  ['enhancement', 'a2eeef', 'New feature or request'],
  ['chore', 'ededed', null],
  ['blocked', 'b60205', 'Waiting on something outside the team'],
  ['priority: high', 'e99695', null],
] as const;

/** Stint's estimate conventions on GitHub (it has no native estimate): `estimate: 3h`, `estimate/2d`, `size: S|M|L`. */
function estimateLabel(rand: Random): string | null {
  const roll = rand.next();
  if (roll < 0.45) return `estimate: ${rand.pick(ESTIMATE_HOURS)}h`;
  if (roll < 0.6) return `estimate/${rand.int(1, 3)}d`;
  if (roll < 0.8) return `size: ${rand.pick(['S', 'M', 'L'])}`;
  return null;
}

/**
 * The body of a comment Stint writes back for one time entry: human text, and a hidden marker carrying the entry id
 * and exact seconds so a retry can find its own earlier write and read-back never counts an entry twice.
 */
export function timeComment(entryId: string, seconds: number, start: number, note: string): string {
  const marker = JSON.stringify({ v: 1, entry: entryId, seconds, start: new Date(start).toISOString() });
  return `⏱ ${humanDuration(seconds)}${note ? ` — ${note}` : ''}\n\n<!-- stint:time ${marker} -->`;
}

function milestones(data: SandboxData, seed: number, repoKey: string): GhMilestone[] {
  const today = startOfDay(data.now);
  const plan: [string, number, 'open' | 'closed'][] = [
    ['Sprint 41 — Payment sheet', -14, 'closed'],
    ['Sprint 42 — Wallets', 10, 'open'],
    ['Sprint 43 — Subscriptions', 38, 'open'],
  ];
  return plan.map(([name, dueInDays, state], index) => {
    const rand = random(seed, `${repoKey}/milestones/${index + 1}`);
    const dueOn = today + dueInDays * DAY + 7 * 3600_000;
    return {
      id: data.nextId++,
      number: index + 1,
      title: name,
      description: rand.pick(['Scope agreed in planning.', 'Release train milestone.', null]),
      state,
      createdAt: dueOn - 42 * DAY,
      updatedAt: today - rand.int(1, 5) * DAY,
      dueOn,
      closedAt: state === 'closed' ? dueOn + DAY : null,
    };
  });
}

/**
 * Every date is drawn around midnight (UTC) of `now`'s day and every past one stays before it, so the hour a world is
 * seeded at shifts its dates and nothing else: the same items are open, in the same milestones, with the same comments.
 */
function repo(data: SandboxData, seed: number, plan: RepoPlan, hostile: boolean): GhRepo {
  const today = startOfDay(data.now);
  const repoKey = `github/${plan.owner}/${plan.name}`;
  const labels: GhLabel[] = BASE_LABELS.map(([name, color, description]) => ({ id: data.nextId++, name, color, description }));
  const ensureLabel = (name: string): string => {
    if (!labels.some((l) => l.name === name)) labels.push({ id: data.nextId++, name, color: 'c5def5', description: 'Estimate (read by Stint)' });
    return name;
  };
  const ms = milestones(data, seed, repoKey);
  const logins = plan.team.map((id) => personById(id).github.login);
  const issues: GhIssue[] = [];
  for (let number = 1; number <= plan.items; number++) {
    const rand = random(seed, `${repoKey}#${number}`);
    // The first four items are issues and the fifth a pull request in every repository (tests open them by number).
    const pullRoll = rand.chance(0.3);
    const isPull = number === 5 || (number > 5 && pullRoll);
    const createdAt = today - rand.int(2, 110) * DAY + rand.int(0, 23) * 3600_000;
    const milestone = rand.chance(0.85) ? rand.pick(ms) : null;
    const closed = milestone?.state === 'closed' ? rand.chance(0.9) : rand.chance(isPull ? 0.4 : 0.25);
    const closedAt = closed ? Math.min(today - DAY, createdAt + rand.int(1, 20) * DAY) : null;
    const assignees = rand.sample(logins, rand.chance(0.15) ? 0 : rand.chance(0.2) ? 2 : 1);
    const headline = title(rand, plan.domain);
    const labelNames = [
      rand.pick(['bug', 'enhancement', 'chore']),
      ...(rand.chance(0.08) ? ['blocked'] : []),
      ...(rand.chance(0.15) ? ['priority: high'] : []),
    ];
    const estimate = isPull ? null : estimateLabel(rand);
    if (estimate) labelNames.push(ensureLabel(estimate));
    const comments = issueComments(data, rand, plan, createdAt, closedAt ?? today, assignees);
    const updatedAt = Math.max(createdAt, closedAt ?? 0, ...comments.map((c) => c.updatedAt));
    const openIssues = issues.filter((i) => !i.pull);
    const description = body(rand, headline);
    const stateReason = closed ? (rand.chance(0.9) ? 'completed' : 'not_planned') : null;
    const user = rand.pick(logins);
    const pull = isPull
      ? {
          headRef: `feature/${headline.toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 30)}-${number}`,
          baseRef: 'main',
          draft: !closed && rand.chance(0.2),
          mergedAt: closed && rand.chance(0.85) ? closedAt : null,
          closes: openIssues.length > 0 && rand.chance(0.6) ? [rand.pick(openIssues).number] : [],
        }
      : null;
    issues.push({
      id: data.nextId++,
      number,
      title: hostile && number === 7 ? 'Receipt shows <img src=x onerror="window.__stintPwned=1"> and <script>window.__stintPwned=2</script> as HTML' : headline,
      // GitHub's REST API shows what a PR closes only in its description's closing keywords.
      body: pull && pull.closes.length > 0 ? `${description}\n\nCloses ${pull.closes.map((n) => `#${n}`).join(', ')}` : description,
      state: closed ? 'closed' : 'open',
      stateReason,
      user,
      assignees,
      labels: labelNames,
      milestone: milestone?.number ?? null,
      createdAt,
      updatedAt,
      closedAt,
      pull,
      comments,
    });
  }
  const lastUpdate = Math.max(...issues.map((i) => i.updatedAt));
  return {
    id: data.nextId++,
    nodeId: `R_kgDO${random(seed, repoKey).hex(6).toUpperCase()}`,
    owner: { login: plan.owner, id: 90_000 + plan.owner.length, type: 'Organization' },
    name: plan.name,
    description: `Acme Payments — ${plan.domain}`,
    private: true,
    createdAt: today - 400 * DAY,
    updatedAt: lastUpdate,
    labels,
    milestones: ms,
    issues,
  };
}

/** Discussion plus, on about half the items, Stint time markers written by several team members. */
function issueComments(data: SandboxData, rand: Random, plan: RepoPlan, from: number, to: number, assignees: string[]): GhComment[] {
  const comments: GhComment[] = [];
  const discussion = rand.int(0, 3);
  for (let i = 0; i < discussion; i++) {
    const at = from + rand.next() * Math.max(0, to - from);
    comments.push({ id: data.nextId++, nodeId: `IC_kwDO${rand.hex(10)}`, user: personById(rand.pick(plan.team)).github.login, body: rand.pick(['LGTM 👍', 'Can we split this?', 'Reproduced on staging.', 'Pushed a fix, please re-review.']), createdAt: at, updatedAt: at });
  }
  if (rand.chance(0.5)) {
    const people = assignees.length > 0 ? PEOPLE.filter((p) => assignees.includes(p.github.login)).map((p) => p.id) : [...plan.team];
    for (const log of timeLogs(rand, [...people, rand.pick(plan.team)], from, to, 0.8)) {
      const at = log.start + log.seconds * 1000;
      comments.push({ id: data.nextId++, nodeId: `IC_kwDO${rand.hex(10)}`, user: personById(log.personId).github.login, body: timeComment(uuid(rand), log.seconds, log.start, log.note), createdAt: at, updatedAt: at });
    }
  }
  return comments.sort((a, b) => a.createdAt - b.createdAt);
}

export function seedGithub(data: SandboxData, seed: number): GhInstance[] {
  return [
    {
      host: 'github.com',
      apiBase: 'https://api.github.com',
      tokens: githubTokens('github.com'),
      repos: [
        repo(data, seed, { owner: 'acme', name: 'checkout-web', domain: 'checkout', items: 110, team: ['ana', 'ben', 'chen', 'eli'] }, true),
        repo(data, seed, { owner: 'acme', name: 'mobile-app', domain: 'mobile', items: 34, team: ['ana', 'dana', 'fatima', 'eli'] }, false),
      ],
    },
    {
      host: 'github.example.test',
      apiBase: 'https://github.example.test/api/v3',
      tokens: githubTokens('github.example.test'),
      repos: [repo(data, seed, { owner: 'eng', name: 'portal', domain: 'portal', items: 15, team: ['ana', 'ben', 'dana'] }, false)],
    },
  ];
}

/**
 * A big repository for benchmarks (`acme/monolith`, `items` issues and PRs, with the usual labels, milestones and
 * time comments), seeded from its own random stream so adding it changes nothing else in the world.
 */
export function seedGithubScaleRepo(data: SandboxData, seed: number, items: number): GhRepo {
  return repo(data, seed, { owner: 'acme', name: 'monolith', domain: 'checkout', items, team: ['ana', 'ben', 'chen', 'dana', 'eli', 'fatima'] }, false);
}
