import type { JiraIssue, JiraSite } from '../../data/model.ts';

/** Jira's issue navigator shows 50 work items per page (Cloud and DC alike). */
export const PAGE_SIZE = 50;

/**
 * The little JQL the fixtures need: `project = KEY` / `project in (A, B)` narrows, `labels = x` narrows, and the order
 * is Jira's default for the navigator, `created DESC`. Anything else is ignored rather than rejected.
 */
export function searchIssues(site: JiraSite, jql: string): JiraIssue[] {
  let issues = [...site.issues];
  const projects = /\bproject\s*(?:=|in)\s*\(?([^)]*?)\)?(?:\s+(?:AND|OR|ORDER)\b|$)/i.exec(jql)?.[1];
  if (projects) {
    const keys = projects.split(',').map((key) => key.trim().replace(/^"|"$/g, '').toUpperCase());
    issues = issues.filter((issue) => keys.includes(issue.projectKey));
  }
  const label = /\blabels\s*=\s*"?([\w-]+)"?/i.exec(jql)?.[1];
  if (label) issues = issues.filter((issue) => issue.labels.includes(label));
  return issues.sort((a, b) => b.created - a.created || b.key.localeCompare(a.key));
}

export interface Page<T> {
  readonly items: T[];
  readonly start: number;
  readonly total: number;
}

/** `startIndex` pages the navigator, as Jira's own `/issues/?jql=…&startIndex=50` links do. */
export function pageOf<T>(all: readonly T[], startIndex: string | null): Page<T> {
  const requested = Number.parseInt(startIndex ?? '0', 10);
  const start = Number.isFinite(requested) && requested > 0 ? Math.floor(requested / PAGE_SIZE) * PAGE_SIZE : 0;
  return { items: all.slice(start, start + PAGE_SIZE), start, total: all.length };
}
