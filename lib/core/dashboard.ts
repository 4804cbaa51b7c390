import { bySeverity, type Risk } from './risk';

/**
 * Pure pieces of the popup dashboard: the week it sums, where a risk's subject opens, and which risks make the top list.
 */

/** The Monday (`YYYY-MM-DD`) of the ISO week a local day belongs to. */
export function mondayOf(day: string): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  const weekday = (new Date(at).getUTCDay() + 6) % 7; // Monday = 0
  return new Date(at - weekday * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The web page that shows a project's plan, for a risk about a project or one of its milestones / sprints (an item's
 * risk opens the item itself). `github:github.com/acme/app` → its milestones; GitLab the same; Jira the project.
 */
export function projectPageUrl(projectKey: string): string | null {
  const m = /^(github|gitlab|jira):([a-z0-9.-]+(?::\d+)?)\/(.+)$/.exec(projectKey);
  if (!m) return null;
  const [, provider, host, project] = m;
  if (provider === 'github') return `https://${host}/${project}/milestones`;
  if (provider === 'gitlab') return `https://${host}/${project}/-/milestones`;
  return `https://${host}/browse/${project}`;
}

/** The most severe risks, each subject and rule once, at most `limit`. */
export function topRisks<T extends Risk>(risks: Iterable<T>, limit: number): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const risk of risks) {
    const id = `${risk.rule}|${risk.subject}`;
    if (seen.has(id)) continue;
    seen.add(id);
    unique.push(risk);
  }
  return bySeverity(unique).slice(0, limit);
}
