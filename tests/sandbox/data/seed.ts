import type { SandboxData } from './model.ts';
import { PEOPLE } from './people.ts';
import { createRandom } from './random.ts';
import { seedGithub, seedGithubScaleRepo } from './seed-github.ts';
import { seedGitlab, seedGitlabScaleProject } from './seed-gitlab.ts';
import { seedJira, seedJiraScaleProject } from './seed-jira.ts';

export interface SeedOptions {
  /** The sandbox's "now" in epoch ms; dates spread around it so milestones and sprints are current. Default: now. */
  readonly now?: number;
  /** Change the world while keeping it deterministic. */
  readonly seed?: number;
  /** Benchmarks: add `acme/monolith` on github.com with this many issues and PRs (nothing else changes). */
  readonly githubScaleRepo?: number;
  /** Benchmarks: add `acme/platform/monolith` on gitlab.com with this many issues (and a tenth as many MRs). */
  readonly gitlabScaleProject?: number;
  /** Benchmarks: add Jira Cloud project `BIG` on acme.atlassian.net: 2,000 issues carrying this many worklogs. */
  readonly jiraScaleWorklogs?: number;
}

/**
 * Acme Payments, the embedded default world: 3 GitHub repositories, 3 GitLab projects, 3 Jira projects (one each on
 * a self-hosted stand-in: GitHub Enterprise, self-managed GitLab, Jira Data Center), with milestones, iterations and
 * sprints around `now`, over 400 issues and PRs/MRs, and time already logged by six people.
 *
 * The hour (and the day) it is seeded at moves its dates and nothing else: every item, milestone and sprint draws from
 * its own random stream named by a stable key, draws as many values whatever the clock says, and dates its past before
 * midnight (UTC) of `now`'s day. So which items are open, where milestones and sprints stand relative to now, and how
 * many items a list pages through are the same at any time (`tests/sandbox/data/seed-hours.test.ts`).
 */
export function createDataset(options: SeedOptions = {}): SandboxData {
  const now = options.now ?? Date.now();
  const seed = options.seed ?? 20261126;
  const data: SandboxData = { now, people: [...PEOPLE], github: [], gitlab: [], jira: [], nextId: 100_000 };
  data.github.push(...seedGithub(data, seed));
  data.gitlab.push(...seedGitlab(data, seed));
  data.jira.push(...seedJira(data, seed));
  if (options.githubScaleRepo) data.github[0]?.repos.push(seedGithubScaleRepo(data, seed, options.githubScaleRepo));
  if (options.gitlabScaleProject) seedGitlabScaleProject(data, seed, options.gitlabScaleProject);
  if (options.jiraScaleWorklogs) seedJiraScaleProject(data, createRandom(seed + 13), options.jiraScaleWorklogs);
  return data;
}
