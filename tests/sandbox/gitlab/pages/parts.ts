import type { GlIssuable, GlProject } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import { href, type PageScope } from './context.ts';
import { labelColor, labelParts, labelTextColor, personName } from './format.ts';

/** Pieces several GitLab fixtures share: labels (`gl-label`), state badges and user links. */

export function labelPill(scope: PageScope, project: GlProject, name: string, listPath: string): SafeHtml {
  const color = labelColor(project, name);
  const { scope: scoped, value } = labelParts(name);
  const link = href(scope, listPath, { label_name: name });
  const style = `background-color: ${color}; color: ${labelTextColor(color)}`;
  if (scoped === null) {
    return html`<span class="gl-label" data-testid="label"><a class="gl-link gl-label-link" href="${link}"><span class="gl-label-text" style="${style}">${value}</span></a></span>`;
  }
  return html`<span class="gl-label gl-label-scoped" data-testid="label" style="--label-inset-border: inset 0 0 0 2px ${color}"><a class="gl-link gl-label-link" href="${link}"><span class="gl-label-text" style="${style}">${scoped}</span><span class="gl-label-text-scoped" style="border-color: ${color}">${value}</span></a></span>`;
}

export function labelPills(scope: PageScope, project: GlProject, item: GlIssuable, listPath: string): SafeHtml {
  return html`${item.labels.map((name) => labelPill(scope, project, name, listPath))}`;
}

/** GitLab's words and badge variants for an item's state. */
export function stateBadge(item: GlIssuable, testid: string): SafeHtml {
  const [text, variant] =
    item.state === 'merged' ? ['Merged', 'badge-merged'] : item.state === 'closed' ? ['Closed', 'badge-info'] : ['Open', 'badge-success'];
  return html`<span class="gl-badge badge ${variant}" data-testid="${testid}">${text}</span>`;
}

export function userLink(scope: PageScope, username: string, testid: string): SafeHtml {
  const name = personName(scope.data, username);
  return html`<a class="author-link js-user-link" href="${href(scope, `/${username}`)}" data-username="${username}" data-testid="${testid}"><span class="author">${name}</span></a>`;
}

export function userLinks(scope: PageScope, usernames: readonly string[], testid: string, none: string): SafeHtml {
  if (usernames.length === 0) return html`<span class="text-subtle">${none}</span>`;
  return html`${usernames.map((u, i) => html`${i > 0 ? ', ' : ''}${userLink(scope, u, testid)}`)}`;
}

/**
 * A description as GitLab renders its Markdown (headings, task lists), from the seeded text. Everything is escaped:
 * seeded text is shown as text, never as markup.
 */
export function renderedDescription(text: string): SafeHtml {
  const lines = text.split('\n');
  const out: SafeHtml[] = [];
  let list: SafeHtml[] = [];
  const flush = () => {
    if (list.length > 0) out.push(html`<ul class="task-list">${list}</ul>`);
    list = [];
  };
  for (const line of lines) {
    const task = /^- \[( |x)\] (.*)$/.exec(line);
    if (task) {
      list.push(html`<li class="task-list-item"><input type="checkbox" class="task-list-item-checkbox" disabled${task[1] === 'x' ? html` checked` : ''}> ${task[2] ?? ''}</li>`);
      continue;
    }
    flush();
    if (line.startsWith('## ')) out.push(html`<h2 dir="auto">${line.slice(3)}</h2>`);
    else if (line.trim() !== '') out.push(html`<p dir="auto">${line}</p>`);
  }
  flush();
  return html`${out}`;
}
