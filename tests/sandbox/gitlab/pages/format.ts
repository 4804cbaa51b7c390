import type { GlInstance, GlIssuable, GlIteration, GlMilestone, GlProject, SandboxData } from '../../data/model.ts';

/** Small formatting helpers the GitLab page fixtures share: names, dates and durations as GitLab words them. */

const DAY = 86_400_000;

export function personName(data: SandboxData, username: string): string {
  return data.people.find((p) => p.gitlab.username === username)?.name ?? username;
}

export function personId(data: SandboxData, username: string): number {
  return data.people.find((p) => p.gitlab.username === username)?.gitlab.id ?? 0;
}

/** GitLab's relative stamps ("3 days ago", "2 months ago"), measured from the seeded world's now. */
export function timeAgo(now: number, at: number): string {
  const days = Math.floor((now - at) / DAY);
  if (days < 1) return 'today';
  if (days === 1) return '1 day ago';
  if (days < 31) return `${days} days ago`;
  const months = Math.floor(days / 30);
  return months === 1 ? '1 month ago' : `${months} months ago`;
}

/** `Nov 26, 2026`, the format GitLab uses for due dates and milestone ranges. */
export function mediumDate(isoOrMs: string | number): string {
  const date = typeof isoOrMs === 'number' ? new Date(isoOrMs) : new Date(`${isoOrMs}T00:00:00Z`);
  return date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** GitLab's human time-tracking format: `1d 2h 30m`, with an 8-hour day as GitLab counts by default. */
export function glDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  let rest = Math.abs(Math.round(seconds / 60));
  const days = Math.floor(rest / (8 * 60));
  rest -= days * 8 * 60;
  const hours = Math.floor(rest / 60);
  const minutes = rest - hours * 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', minutes ? `${minutes}m` : ''].filter(Boolean);
  return parts.length > 0 ? sign + parts.join(' ') : '0m';
}

export function timeSpent(item: GlIssuable): number {
  return item.timelogs.reduce((sum, log) => sum + log.timeSpent, 0);
}

export function milestoneOf(project: GlProject, item: GlIssuable): GlMilestone | null {
  return project.milestones.find((m) => m.id === item.milestoneId) ?? null;
}

export function iterationOf(instance: GlInstance, item: GlIssuable): GlIteration | null {
  if (item.iterationId === null) return null;
  for (const group of instance.groups) {
    const found = group.iterations.find((it) => it.id === item.iterationId);
    if (found) return found;
  }
  return null;
}

/** Scoped labels (`type::bug`) render as two halves on GitLab; plain labels as one. */
export function labelParts(name: string): { scope: string | null; value: string } {
  const at = name.lastIndexOf('::');
  return at > 0 ? { scope: name.slice(0, at), value: name.slice(at + 2) } : { scope: null, value: name };
}

export function labelColor(project: GlProject, name: string): string {
  return project.labels.find((l) => l.name === name)?.color ?? '#6699cc';
}

/** Dark or light text on a label's background, as GitLab picks it. */
export function labelTextColor(background: string): string {
  const hex = background.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) || 0);
  return (r ?? 0) * 0.299 + (g ?? 0) * 0.587 + (b ?? 0) * 0.114 > 150 ? '#1f1e24' : '#ffffff';
}

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}
