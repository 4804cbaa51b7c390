import type { JiraIssue, JiraProject, JiraStatusCategory, Person } from '../../data/model.ts';
import type { SiteCall } from './call.ts';
import { JiraError } from './errors.ts';

/** The small JSON shapes every Jira resource embeds: users, statuses, issue types, priorities, projects, ADF. */

export function avatarUrls(call: SiteCall, kind: 'user' | 'project', id: string): Record<string, string> {
  const path = kind === 'user' ? 'secure/useravatar' : 'secure/projectavatar';
  const sizes = { '48x48': 'large', '24x24': 'small', '16x16': 'xsmall', '32x32': 'medium' };
  return Object.fromEntries(Object.entries(sizes).map(([px, size]) => [px, `${call.base}/${path}?size=${size}&ownerId=${encodeURIComponent(id)}`]));
}

/** Data Center users have a `name` (login) and `key`; the sandbox's login is the person's id. */
const dcUserName = (person: Person): string => person.id;

/** A user as embedded in issues and worklogs: Cloud knows account ids only, Data Center knows `key` and `name`. */
export function renderUser(call: SiteCall, person: Person): Record<string, unknown> {
  const common = {
    emailAddress: person.email,
    avatarUrls: avatarUrls(call, 'user', person.jira.accountId),
    displayName: person.name,
    active: true,
    timeZone: person.timeZone,
  };
  if (call.site.deployment === 'Cloud') {
    return { self: `${call.apiBase}/user?accountId=${person.jira.accountId}`, accountId: person.jira.accountId, ...common, accountType: 'atlassian' };
  }
  return { self: `${call.apiBase}/user?username=${dcUserName(person)}`, key: person.jira.key, name: dcUserName(person), ...common };
}

export function personById(call: SiteCall, id: string): Person {
  const person = call.people.find((p) => p.id === id);
  if (!person) throw new Error(`unknown person ${id}`);
  return person;
}

export function renderUserById(call: SiteCall, id: string | null): Record<string, unknown> | null {
  return id === null ? null : renderUser(call, personById(call, id));
}

const CATEGORIES: Record<JiraStatusCategory, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

function renderStatusCategory(call: SiteCall, key: JiraStatusCategory): Record<string, unknown> {
  const c = CATEGORIES[key];
  return { self: `${call.apiBase}/statuscategory/${c.id}`, id: c.id, key, colorName: c.colorName, name: c.name };
}

/** Status ids as a fresh Jira site numbers its default workflow. */
const STATUS_IDS: Record<string, string> = { 'To Do': '10000', 'In Progress': '3', 'In Review': '10001', Done: '10002' };

export function renderStatus(call: SiteCall, status: JiraIssue['status']): Record<string, unknown> {
  const id = STATUS_IDS[status.name] ?? '10099';
  return { self: `${call.apiBase}/status/${id}`, description: '', iconUrl: `${call.base}/images/icons/statuses/generic.png`, name: status.name, id, statusCategory: renderStatusCategory(call, status.category) };
}

const ISSUE_TYPES: Record<JiraIssue['issueType'], { id: string; hierarchyLevel: number; description: string; avatarId: number }> = {
  Epic: { id: '10000', hierarchyLevel: 1, description: 'A big user story that needs to be broken down.', avatarId: 10307 },
  Story: { id: '10001', hierarchyLevel: 0, description: 'Functionality or a feature expressed as a user goal.', avatarId: 10315 },
  Task: { id: '10002', hierarchyLevel: 0, description: 'A small, distinct piece of work.', avatarId: 10318 },
  'Sub-task': { id: '10003', hierarchyLevel: -1, description: 'A small piece of work that is part of a larger task.', avatarId: 10316 },
  Bug: { id: '10004', hierarchyLevel: 0, description: 'A problem or error.', avatarId: 10303 },
};

export const ISSUE_TYPE_NAMES = Object.keys(ISSUE_TYPES) as JiraIssue['issueType'][];

export function renderIssueType(call: SiteCall, type: JiraIssue['issueType']): Record<string, unknown> {
  const t = ISSUE_TYPES[type];
  return {
    self: `${call.apiBase}/issuetype/${t.id}`,
    id: t.id,
    description: t.description,
    iconUrl: `${call.base}/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`,
    name: type,
    subtask: type === 'Sub-task',
    avatarId: t.avatarId,
    hierarchyLevel: t.hierarchyLevel,
  };
}

const PRIORITY_IDS: Record<JiraIssue['priority'], string> = { Highest: '1', High: '2', Medium: '3', Low: '4' };

export const PRIORITY_ORDER: readonly JiraIssue['priority'][] = ['Highest', 'High', 'Medium', 'Low'];

export function renderPriority(call: SiteCall, priority: JiraIssue['priority']): Record<string, unknown> {
  const id = PRIORITY_IDS[priority];
  return { self: `${call.apiBase}/priority/${id}`, iconUrl: `${call.base}/images/icons/priorities/${priority.toLowerCase()}.svg`, name: priority, id };
}

export function renderResolution(call: SiteCall, issue: JiraIssue): Record<string, unknown> | null {
  if (issue.status.category !== 'done') return null;
  return { self: `${call.apiBase}/resolution/10000`, id: '10000', description: 'Work has been completed on this issue.', name: 'Done' };
}

/** The short project form embedded in issues and lists. */
export function renderProjectRef(call: SiteCall, project: JiraProject): Record<string, unknown> {
  return {
    self: `${call.apiBase}/project/${project.id}`,
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: project.style === 'next-gen',
    avatarUrls: avatarUrls(call, 'project', project.id),
  };
}

export function findProject(call: SiteCall, idOrKey: string): JiraProject | undefined {
  const wanted = idOrKey.toUpperCase();
  return call.site.projects.find((p) => p.id === idOrKey || p.key === wanted);
}

export function findIssue(call: SiteCall, idOrKey: string): JiraIssue | undefined {
  const wanted = idOrKey.toUpperCase();
  return call.site.issues.find((i) => i.id === idOrKey || i.key === wanted);
}

// ───────────── Atlassian Document Format (v3 rich text) ─────────────

interface AdfNode {
  readonly type: string;
  readonly version?: number;
  readonly text?: string;
  readonly attrs?: Record<string, unknown>;
  readonly content?: AdfNode[];
}

const textNode = (text: string): AdfNode => ({ type: 'text', text });

/** Plain text (Markdown-ish, as the seed writes it) as an ADF document: headings, bullet lists, paragraphs. */
export function toAdf(text: string): AdfNode {
  const content: AdfNode[] = [];
  for (const block of text.split(/\n{2,}/)) {
    let paragraph: string[] = [];
    let bullets: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) content.push({ type: 'paragraph', content: paragraph.flatMap((line, i) => (i === 0 ? [textNode(line)] : [{ type: 'hardBreak' }, textNode(line)])) });
      if (bullets.length > 0) content.push({ type: 'bulletList', content: bullets.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [textNode(item)] }] })) });
      paragraph = [];
      bullets = [];
    };
    for (const line of block.split('\n')) {
      const heading = /^(#{1,6})\s+(.*)$/.exec(line);
      if (heading) {
        flush();
        content.push({ type: 'heading', attrs: { level: heading[1]?.length ?? 1 }, content: [textNode(heading[2] ?? '')] });
      } else if (line.startsWith('- ')) {
        if (paragraph.length > 0) flush();
        bullets.push(line.slice(2));
      } else if (line.trim() !== '') {
        if (bullets.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  return { type: 'doc', version: 1, content };
}

/** Rich text for the API version: ADF in v3, the string itself in v2 and Agile; null when empty. */
export function richText(call: SiteCall, text: string): unknown {
  if (text === '') return null;
  return call.version === 3 ? toAdf(text) : text;
}

/**
 * Read rich text a client sent: v3 wants an ADF document, v2 a string. Returns the plain text, or throws Jira's
 * 400 for the field when the shape is wrong for the version.
 */
export function readRichText(call: SiteCall, field: string, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (call.version !== 3) {
    if (typeof value === 'string') return value;
    throw new JiraError(400, [], { [field]: 'Operation value must be a string' });
  }
  if (!isAdfDoc(value)) throw new JiraError(400, [], { [field]: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' });
  return adfText(value).trim();
}

function isAdfDoc(value: unknown): value is AdfNode {
  if (typeof value !== 'object' || value === null) return false;
  const doc = value as { type?: unknown; version?: unknown; content?: unknown };
  return doc.type === 'doc' && doc.version === 1 && Array.isArray(doc.content);
}

function adfText(node: AdfNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(adfText).join('');
  return ['paragraph', 'heading', 'listItem', 'codeBlock', 'blockquote'].includes(node.type) ? `${inner}\n` : inner;
}
