import type { GhIssue, GhLabel, GhRepo } from '../../data/model.ts';
import { html, raw, type SafeHtml } from '../../http/html.ts';

/** Small renderers the GitHub fixtures share: dates, people, labels, icons, and a tiny Markdown subset. */

export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `Nov 3, 2026`, as GitHub prints an absolute date (UTC here: the sandbox has no viewer time zone). */
export function shortDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** GitHub's `<relative-time>` element with server-rendered fallback text. */
export function relativeTime(ms: number): SafeHtml {
  return html`<relative-time datetime="${isoTime(ms)}" class="no-wrap" title="${shortDate(ms)}">on ${shortDate(ms)}</relative-time>`;
}

export function commentCount(count: number): string {
  return `${count} ${count === 1 ? 'comment' : 'comments'}`;
}

/**
 * An avatar without any request off the sandbox host: GitHub's `img.avatar` with an inline SVG initial instead of an
 * avatars.githubusercontent.com image.
 */
export function avatar(login: string, size: number): SafeHtml {
  const hue = [...login].reduce((sum, c) => sum + c.charCodeAt(0), 0) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 20 20"><rect width="20" height="20" rx="10" fill="hsl(${hue},55%,55%)"/><text x="10" y="14" font-size="11" text-anchor="middle" fill="white" font-family="sans-serif">${login.charAt(0).toUpperCase()}</text></svg>`;
  return html`<img class="avatar avatar-user" src="data:image/svg+xml;utf8,${encodeURIComponent(svg)}" width="${size}" height="${size}" alt="@${login}">`;
}

export function labelsOf(repo: GhRepo, item: GhIssue): GhLabel[] {
  return item.labels.map((name) => repo.labels.find((l) => l.name === name) ?? { id: 0, name, color: 'ededed', description: null });
}

/** Dark or light text on a label, by the label colour's luminance (as GitHub's label styles do). */
export function labelStyle(label: GhLabel): string {
  const n = parseInt(label.color, 16);
  const luminance = (0.299 * ((n >> 16) & 255) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)) / 255;
  return `background-color:#${label.color};color:${luminance > 0.6 ? '#1f2328' : '#ffffff'}`;
}

export function milestoneOf(repo: GhRepo, item: GhIssue) {
  return item.milestone === null ? null : (repo.milestones.find((m) => m.number === item.milestone) ?? null);
}

/** What a list or header says about an item's state, and the octicon GitHub shows for it. */
export interface ItemState {
  readonly label: string;
  /** GitHub's state modifier: `State--open`, `State--merged`… and the `color-fg-*` of the icon. */
  readonly tone: 'open' | 'closed' | 'done' | 'draft';
  readonly icon: 'issue-opened' | 'issue-closed' | 'skip' | 'git-pull-request' | 'git-merge' | 'git-pull-request-closed' | 'git-pull-request-draft';
}

export function itemState(item: GhIssue): ItemState {
  if (item.pull) {
    if (item.pull.mergedAt !== null) return { label: 'Merged', tone: 'done', icon: 'git-merge' };
    if (item.state === 'closed') return { label: 'Closed', tone: 'closed', icon: 'git-pull-request-closed' };
    if (item.pull.draft) return { label: 'Draft', tone: 'draft', icon: 'git-pull-request-draft' };
    return { label: 'Open', tone: 'open', icon: 'git-pull-request' };
  }
  if (item.state === 'open') return { label: 'Open', tone: 'open', icon: 'issue-opened' };
  if (item.stateReason === 'not_planned') return { label: 'Closed as not planned', tone: 'draft', icon: 'skip' };
  return { label: 'Closed', tone: 'done', icon: 'issue-closed' };
}

/** Simple shapes drawn for the fixtures, carrying GitHub's `octicon octicon-<name>` class hooks. */
export function octicon(name: ItemState['icon'] | 'comment' | 'mark-github' | 'search', extraClass = ''): SafeHtml {
  const shapes: Record<string, string> = {
    'issue-opened': '<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="8" cy="8" r="1.5" fill="currentColor"/>',
    'issue-closed': '<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M5 8.2l2 2 4-4" fill="none" stroke="currentColor" stroke-width="1.5"/>',
    skip: '<circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4 12L12 4" stroke="currentColor" stroke-width="1.5"/>',
    'git-pull-request': '<circle cx="4" cy="3.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="4" cy="12.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="12" cy="12.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4 5.25v5.5M12 10.75V6a2 2 0 0 0-2-2H8" fill="none" stroke="currentColor" stroke-width="1.5"/>',
    'git-merge': '<circle cx="4" cy="3.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="4" cy="12.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="12" cy="8" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4 5.25v5.5M4.5 5.5c1 2 3 2.5 5.75 2.5" fill="none" stroke="currentColor" stroke-width="1.5"/>',
    'git-pull-request-closed': '<circle cx="4" cy="3.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="4" cy="12.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4 5.25v5.5M10 3l4 4M14 3l-4 4" fill="none" stroke="currentColor" stroke-width="1.5"/>',
    'git-pull-request-draft': '<circle cx="4" cy="3.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><circle cx="4" cy="12.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M4 5.25v5.5" stroke="currentColor" stroke-width="1.5"/><circle cx="12" cy="6" r="1" fill="currentColor"/><circle cx="12" cy="12.5" r="1.75" fill="none" stroke="currentColor" stroke-width="1.5"/>',
    comment: '<path d="M2 3h12v8H8l-3 3v-3H2z" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round"/>',
    'mark-github': '<circle cx="8" cy="8" r="7.5" fill="currentColor"/><circle cx="8" cy="8.5" r="3.5" fill="var(--bgColor-default)"/>',
    search: '<circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M10.5 10.5L14 14" stroke="currentColor" stroke-width="1.5"/>',
  };
  // The shapes are fixed markup defined here, never data, so they are emitted raw.
  const cls = `octicon octicon-${name}${extraClass ? ` ${extraClass}` : ''}`;
  return html`<svg aria-hidden="true" focusable="false" class="${cls}" viewBox="0 0 16 16" width="16" height="16">${raw(shapes[name] ?? '')}</svg>`;
}

/**
 * The Markdown subset the seeded bodies use (`## heading`, `- [ ] task`, `- item`, paragraphs), every piece of text
 * escaped. HTML comments are dropped, as GitHub's renderer hides them (Stint's time markers live in comments).
 */
export function markdown(source: string): SafeHtml {
  const lines = source.replace(/<!--[\s\S]*?-->/g, '').split('\n');
  const blocks: SafeHtml[] = [];
  let items: SafeHtml[] = [];
  let tasks = false;
  const flush = () => {
    if (items.length === 0) return;
    blocks.push(tasks ? html`<ul class="contains-task-list">${items}</ul>` : html`<ul>${items}</ul>`);
    items = [];
  };
  for (const line of lines) {
    const task = /^- \[( |x)\] (.*)$/.exec(line);
    const item = /^- (.*)$/.exec(line);
    const heading = /^(#{1,3}) (.*)$/.exec(line);
    if (task) {
      tasks = true;
      items.push(html`<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled${task[1] === 'x' ? html` checked` : ''}> ${task[2] ?? ''}</li>`);
      continue;
    }
    if (item) {
      items.push(html`<li>${item[1] ?? ''}</li>`);
      continue;
    }
    flush();
    tasks = false;
    if (heading) blocks.push(html`<h${(heading[1] ?? '##').length} dir="auto">${heading[2] ?? ''}</h${(heading[1] ?? '##').length}>`);
    else if (line.trim() !== '') blocks.push(html`<p dir="auto">${line}</p>`);
  }
  flush();
  return html`${blocks}`;
}
