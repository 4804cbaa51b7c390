import { randomUUID } from 'node:crypto';
import type { Budget } from '../lib/core/budget.ts';
import { STANDARD_WORK_WEEK } from '../lib/core/duration.ts';
import { LOCAL_AUTHOR, type TimeEntry } from '../lib/core/entry.ts';
import type { ProviderKey } from '../lib/core/item-ref.ts';
import type { Rate } from '../lib/core/money.ts';
import type { ItemContainer, PlannedContainer, WorkItem } from '../lib/core/work-item.ts';
import type { StintDb } from '../lib/db/schema.ts';

/**
 * The benchmarks' company: 20 projects on the three providers, 200 items each in milestones / sprints across a year,
 * eight people's entries, budgets, baselines and rates. Deterministic: every run builds the same world.
 */
export const ZONE = 'Europe/Madrid';
export const NOW = Date.UTC(2026, 10, 26, 15); // a Thursday
export const DAY = 86_400_000;
export const YEAR = 365 * DAY;
export const FROM = NOW - YEAR;
/** How long an item is worked on: its entries fall in a six-week window somewhere in the year. */
export const ITEM_WINDOW = 42 * DAY;
export const ITEMS_PER_PROJECT = 200;
export const CONTAINERS_PER_PROJECT = 6;
export const AUTHORS = [LOCAL_AUTHOR, 'ben.okafor', 'dana.k', 'lucia.m', 'tom.h', 'sara.p', 'ivan.r', 'mei.l'];
export const context = { now: NOW, timeZone: ZONE, week: STANDARD_WORK_WEEK };

export interface Project {
  readonly key: string;
  readonly provider: ProviderKey;
  readonly host: string;
  /** `owner/repo`, the GitLab path, the Jira project key. */
  readonly project: string;
  readonly containerKind: ItemContainer['kind'];
  /** Relative share of the team's time. */
  readonly weight: number;
}

export const PROJECTS: Project[] = [
  ...[1, 2, 3, 4, 5, 6, 7].map((n) => ({ key: `github:github.com/acme/app-${n}`, provider: 'github' as const, host: 'github.com', project: `acme/app-${n}`, containerKind: 'milestone' as const, weight: 1 + (n % 3) })),
  ...['platform/billing', 'platform/search', 'mobile/ios', 'mobile/android', 'data/pipeline', 'infra/terraform', 'web/storefront'].map((path, i) => ({
    key: `gitlab:gitlab.com/acme/${path}`,
    provider: 'gitlab' as const,
    host: 'gitlab.com',
    project: `acme/${path}`,
    containerKind: 'milestone' as const,
    weight: 1 + (i % 2),
  })),
  ...['PAY', 'OPS', 'WEB', 'CORE', 'DATA', 'MOB'].map((key, i) => ({ key: `jira:acme.atlassian.net/${key}`, provider: 'jira' as const, host: 'acme.atlassian.net', project: key, containerKind: 'sprint' as const, weight: 1 + (i % 3) })),
];

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same store. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function itemKeyOf(project: Project, ordinal: number): string {
  const n = ordinal + 1;
  if (project.provider === 'jira') return `${project.key}-${n}`;
  if (project.provider === 'gitlab' && n % 4 === 0) return `${project.key}!${n}`; // every fourth a merge request
  return `${project.key}#${n}`;
}

/** When item `ordinal` of a project starts being worked on: the items' windows walk through the year. */
export const windowStart = (ordinal: number) => FROM + Math.floor((ordinal / (ITEMS_PER_PROJECT - 1)) * (YEAR - ITEM_WINDOW));
export const containerIdOf = (ordinal: number) => Math.min(CONTAINERS_PER_PROJECT, Math.floor(((windowStart(ordinal) + ITEM_WINDOW / 2 - FROM) / YEAR) * CONTAINERS_PER_PROJECT) + 1);
export const containerKeyOf = (project: Project, id: number) => `${project.key}#${project.containerKind}:${id}`;

export function container(project: Project, id: number): PlannedContainer {
  const span = YEAR / CONTAINERS_PER_PROJECT;
  const startsAt = FROM + Math.floor((id - 1) * span);
  return {
    key: containerKeyOf(project, id),
    projectKey: project.key,
    kind: project.containerKind,
    id: String(id),
    title: `${project.containerKind === 'sprint' ? 'Sprint' : 'Milestone'} ${id}`,
    startsAt,
    // The last one runs a month past today, so its budget has a forecast to make.
    dueAt: id === CONTAINERS_PER_PROJECT ? NOW + 30 * DAY : startsAt + Math.floor(span),
    state: id === CONTAINERS_PER_PROJECT ? 'active' : 'closed',
    completedAt: id === CONTAINERS_PER_PROJECT ? null : startsAt + Math.floor(span),
  };
}

export function item(project: Project, ordinal: number, rand: () => number): WorkItem {
  const key = itemKeyOf(project, ordinal);
  const n = ordinal + 1;
  const kind = project.provider === 'jira' ? 'issue' : project.provider === 'gitlab' ? (n % 4 === 0 ? 'mr' : 'issue') : n % 4 === 0 ? 'pr' : 'issue';
  const url =
    project.provider === 'github'
      ? `https://github.com/${project.project}/${kind === 'pr' ? 'pull' : 'issues'}/${n}`
      : project.provider === 'gitlab'
        ? `https://gitlab.com/${project.project}/-/${kind === 'mr' ? 'merge_requests' : 'issues'}/${n}`
        : `https://acme.atlassian.net/browse/${project.project}-${n}`;
  const end = windowStart(ordinal) + ITEM_WINDOW;
  const planned = ordinal % 10 !== 9 ? container(project, containerIdOf(ordinal)) : null; // one in ten is in no container
  const estimate = rand() < 0.8 ? Math.round(4 + rand() * 36) * 3600 : null;
  return {
    key,
    provider: project.provider,
    kind,
    url,
    title: `${kind === 'pr' || kind === 'mr' ? 'Change' : 'Issue'} ${n} of ${project.project}`,
    updatedAt: end,
    project: project.project,
    state: end < NOW - 7 * DAY ? (kind === 'issue' ? 'closed' : 'merged') : 'open',
    labels: ordinal % 7 === 0 ? ['backend'] : [],
    assignees: [AUTHORS[ordinal % AUTHORS.length]!],
    container: planned ? { kind: planned.kind, id: planned.id, title: planned.title, startsAt: planned.startsAt, dueAt: planned.dueAt } : null,
    estimateSeconds: estimate,
    remainingEstimateSeconds: project.provider === 'jira' && estimate !== null ? Math.round(estimate * rand()) : null,
    dueAt: ordinal % 5 === 0 ? Math.floor(end / DAY) * DAY : null,
    remoteUpdatedAt: end,
    createdAt: windowStart(ordinal) - 7 * DAY,
  };
}

/**
 * N entries by 8 people over the past year. Each person's entries follow one another (never overlapping: `me`'s are
 * the timer's history); each falls on an item whose six-week window holds it, in a project picked by weight. 1 % of the
 * team's entries are tombstones.
 */
export function* entries(total: number, rand: () => number): Generator<TimeEntry> {
  const perAuthor = Math.ceil(total / AUTHORS.length);
  const slot = YEAR / perAuthor;
  const weights = PROJECTS.map((p) => p.weight);
  const weightSum = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < total; i++) {
    const author = AUTHORS[i % AUTHORS.length]!;
    const k = Math.floor(i / AUTHORS.length);
    const start = Math.floor(FROM + k * slot + rand() * 0.1 * slot);
    const end = start + Math.max(1000, Math.floor(slot * (0.4 + rand() * 0.45)));
    let pick = rand() * weightSum;
    let p = 0;
    while (pick >= weights[p]! && p < PROJECTS.length - 1) pick -= weights[p++]!;
    const project = PROJECTS[p]!;
    const lo = Math.max(0, Math.ceil(((start - ITEM_WINDOW - FROM) / (YEAR - ITEM_WINDOW)) * (ITEMS_PER_PROJECT - 1)));
    const hi = Math.min(ITEMS_PER_PROJECT - 1, Math.floor(((start - FROM) / (YEAR - ITEM_WINDOW)) * (ITEMS_PER_PROJECT - 1)));
    const ordinal = lo + Math.floor(rand() * (Math.max(hi, lo) - lo + 1));
    const own = author === LOCAL_AUTHOR;
    yield {
      id: randomUUID(),
      itemKey: itemKeyOf(project, ordinal),
      start,
      end,
      note: rand() < 0.3 ? 'Review and fixes' : '',
      billable: rand() < 0.9,
      author,
      origin: own ? 'local' : project.provider,
      remote: own && rand() < 0.5 ? {} : { [project.provider]: { id: String(i), version: null } },
      sync: own ? 'local' : 'synced',
      updatedAt: end,
      deletedAt: !own && rand() < 0.01 ? end + DAY : null,
    };
  }
}

/** 20 project budgets (7 monthly), 14 budgets of current or just-closed milestones / sprints (7 with a baseline), 6 item budgets. */
export function budgets(): { budgets: Budget[]; baselines: StintDb['baselines']['value'][] } {
  const out: Budget[] = [];
  const baselines: StintDb['baselines']['value'][] = [];
  PROJECTS.forEach((project, p) => {
    const monthly = p % 3 === 0;
    out.push({ id: `b-project-${p}`, scope: { kind: 'project', key: project.key }, hours: monthly ? 150 + 25 * (p % 4) : 1500 + 400 * (p % 5), money: null, period: monthly ? 'monthly' : 'total', thresholds: [] });
  });
  PROJECTS.slice(0, 14).forEach((project, p) => {
    const id = p % 2 === 0 ? CONTAINERS_PER_PROJECT : CONTAINERS_PER_PROJECT - 1;
    const key = containerKeyOf(project, id);
    out.push({ id: `b-container-${p}`, scope: { kind: 'container', key }, hours: p % 4 === 0 ? null : 250 + 50 * (p % 5), money: p % 4 === 0 ? { amount: 3_000_000, currency: 'EUR' } : null, period: 'total', thresholds: [50, 80, 100] });
    if (p % 2 === 0) {
      // Taken when it started, without its last few items: those count as scope creep.
      const itemKeys = Array.from({ length: ITEMS_PER_PROJECT }, (_, o) => o)
        .filter((o) => o % 10 !== 9 && containerIdOf(o) === id)
        .map((o) => itemKeyOf(project, o));
      baselines.push({ containerKey: key, takenAt: container(project, id).startsAt!, itemKeys: itemKeys.slice(0, -4), estimateSeconds: itemKeys.length * 18 * 3600 });
    }
  });
  [0, 3, 7, 8, 14, 19].forEach((p, i) => {
    const key = itemKeyOf(PROJECTS[p]!, ITEMS_PER_PROJECT - 1 - 2 * i); // items being worked on now
    out.push({ id: `b-item-${i}`, scope: { kind: 'item', key }, hours: 6 + 3 * i, money: null, period: 'total', thresholds: [] });
  });
  return { budgets: out, baselines };
}

export const RATES: Rate[] = [
  { id: 'default', person: null, projectKey: null, perHour: 8_000, currency: 'EUR' },
  { id: 'app-1', person: null, projectKey: PROJECTS[0]!.key, perHour: 9_500, currency: 'EUR' },
  { id: 'pay', person: null, projectKey: 'jira:acme.atlassian.net/PAY', perHour: 11_000, currency: 'EUR' },
  { id: 'me', person: LOCAL_AUTHOR, projectKey: null, perHour: 7_000, currency: 'EUR' },
];

