import type { JiraIssue, Person, SandboxData } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
// Jira's default time-tracking settings: an 8-hour working day, a 5-day working week.
const DAY = 8 * HOUR;
const WEEK = 5 * DAY;

/** `1w 2d 3h 30m`, the way Jira writes durations (zero is `0m`). */
export function jiraDuration(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds / MINUTE) * MINUTE);
  const parts: string[] = [];
  for (const [unit, size] of [['w', WEEK], ['d', DAY], ['h', HOUR], ['m', MINUTE]] as const) {
    const count = Math.floor(rest / size);
    if (count > 0) parts.push(`${count}${unit}`);
    rest -= count * size;
  }
  return parts.length > 0 ? parts.join(' ') : '0m';
}

/** `Nov 26, 2026` (fixtures render in UTC so the same seed gives the same page everywhere). */
export function shortDate(ms: number): string {
  return new Date(ms).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
}

/** `November 26, 2026 at 12:00 PM`, as the issue view's created / updated footer says it. */
export function longDateTime(ms: number): string {
  const date = new Date(ms);
  const day = date.toLocaleDateString('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
  const time = date.toLocaleTimeString('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  return `${day} at ${time}`;
}

/** DC writes dates as `26/Nov/26`. */
export function dcDate(ms: number): string {
  const date = new Date(ms);
  const month = date.toLocaleDateString('en-US', { month: 'short', timeZone: 'UTC' });
  return `${String(date.getUTCDate()).padStart(2, '0')}/${month}/${String(date.getUTCFullYear()).slice(2)}`;
}

export function person(data: SandboxData, id: string | null): Person | null {
  return id === null ? null : (data.people.find((p) => p.id === id) ?? null);
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

/** An avatar drawn in place: fixtures make no requests for images. */
export function avatar(who: Person | null, size: 'small' | 'medium' = 'small'): SafeHtml {
  if (!who) return html`<span class="avatar avatar-${size} avatar-empty" role="img" aria-label="Unassigned"></span>`;
  // Initials come from CSS, so an avatar adds no text beside the name it stands for (as Jira's <img> avatars).
  return html`<span class="avatar avatar-${size}" role="img" aria-label="${who.name}" data-initials="${initials(who.name)}"></span>`;
}

/** Issue-type and priority icons as coloured glyphs with the accessible names Jira gives its `<img>` icons. */
export function typeIcon(type: JiraIssue['issueType']): SafeHtml {
  return html`<span class="type-icon type-${type.toLowerCase()}" role="img" aria-label="${type}"></span>`;
}

export function priorityIcon(priority: JiraIssue['priority']): SafeHtml {
  return html`<span class="priority-icon priority-${priority.toLowerCase()}" role="img" aria-label="${priority} priority"></span>`;
}

export function statusLozenge(issue: JiraIssue): SafeHtml {
  return html`<span class="lozenge lozenge-${issue.status.category}">${issue.status.name}</span>`;
}

/**
 * The seeded descriptions are small Markdown (`## Context`, `- [ ] …`); Jira renders them as an ADF document.
 * Every line goes through `html`, so markup in a description stays text.
 */
export function descriptionBlocks(text: string): SafeHtml {
  const blocks = text.split(/\n{2,}/).map((block) => {
    const lines = block.split('\n');
    const out: SafeHtml[] = [];
    const items: SafeHtml[] = [];
    const flush = () => {
      if (items.length > 0) out.push(html`<ul data-task-list-local-id="">${items.splice(0)}</ul>`);
    };
    for (const line of lines) {
      const task = /^- \[( |x)\] (.*)$/.exec(line);
      if (task) {
        items.push(html`<li><input type="checkbox" disabled ${task[1] === 'x' ? 'checked' : ''}> ${task[2] ?? ''}</li>`);
        continue;
      }
      flush();
      if (line.startsWith('## ')) out.push(html`<h2>${line.slice(3)}</h2>`);
      else if (line.trim() !== '') out.push(html`<p>${line}</p>`);
    }
    flush();
    return out;
  });
  return html`${blocks}`;
}
