import type { GlProject } from '../../data/model.ts';
import { html, raw, type SafeHtml } from '../../http/html.ts';
import { href, type PageScope } from './context.ts';
import { SOFT_NAVIGATION_SCRIPT } from './soft-navigation.ts';
import { GITLAB_CSS } from './style.ts';

export interface Crumb {
  readonly text: string;
  readonly href: string;
}

export interface PageShell {
  readonly scope: PageScope;
  /** The document title, as GitLab writes it (`Title (#5) · Issues · acme / platform / billing-service · GitLab`). */
  readonly title: string;
  /** GitLab's `body[data-page]` (`projects:issues:show`, `projects:merge_requests:index`…). */
  readonly dataPage: string;
  /** What the fixture mirrors, for the top comment and `meta[name="stint-fixture"]`. */
  readonly fixture: string;
  readonly project: GlProject | null;
  readonly crumbs: readonly Crumb[];
  /** Which project-navigation entry is current. */
  readonly nav: 'issues' | 'boards' | 'merge_requests' | null;
  readonly content: SafeHtml;
  /** Markup after the layout, e.g. the work-item drawer that GitLab portals to the end of the body. */
  readonly portal?: SafeHtml;
}

/**
 * The page chrome of GitLab 17–18: `html.gl-light` / `html.gl-dark` (the colour mode class GitLab toggles on the root,
 * `app/views/layouts/_application_color_mode_js.html.haml`), `body[data-page]`, the super sidebar, the top bar with
 * breadcrumbs and `main#content-body` (`app/views/layouts/_page.html.haml`), then one inline soft-navigation script.
 */
export function renderPage(shell: PageShell): string {
  const { scope, project } = shell;
  const projectName = project ? project.pathWithNamespace.split('/').join(' / ') : '';
  const fullTitle = [shell.title, projectName, 'GitLab'].filter(Boolean).join(' · ');
  const doc = html`<!DOCTYPE html>
<!-- Stint sandbox fixture: GitLab ${shell.fixture}. Served by tests/sandbox/gitlab/pages; not GitLab's markup, a mirror of its hooks. -->
<html lang="en" class="${scope.theme === 'dark' ? 'gl-dark' : 'gl-light'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="stint-fixture" content="gitlab ${shell.fixture}">
<title>${fullTitle}</title>
<style>${raw(GITLAB_CSS)}</style>
</head>
<body class="ui-neutral tab-width-8 gl-browser-chrome" data-page="${shell.dataPage}" data-project="${project?.name ?? ''}"
  data-project-id="${project?.id ?? ''}" data-project-full-path="${project?.pathWithNamespace ?? ''}" data-namespace-id="${project?.groupId ?? ''}">
<div class="layout-page page-with-super-sidebar">
${sidebar(shell)}
<div class="content-wrapper">
  <div class="top-bar-fixed container-fluid" data-testid="top-bar">
    <div class="top-bar-container">${breadcrumbs(shell.crumbs)}</div>
  </div>
  <div class="container-fluid container-limited">
    <main class="content" id="content-body" itemscope itemtype="http://schema.org/SoftwareSourceCode">
${shell.content}
    </main>
  </div>
</div>
</div>
${shell.portal}
<script>${raw(SOFT_NAVIGATION_SCRIPT)}</script>
</body>
</html>
`;
  return doc.value;
}

/** GitLab's breadcrumbs (`nav[data-testid="breadcrumb-links"]`); the work-items app re-renders them on soft navigation. */
export function breadcrumbs(crumbs: readonly Crumb[]): SafeHtml {
  return html`<nav aria-label="Breadcrumbs" class="gl-breadcrumbs" data-testid="breadcrumb-links">
      <ol class="breadcrumb gl-breadcrumb-list">${crumbs.map(
        (c) => html`<li class="gl-breadcrumb-item"><a href="${c.href}">${c.text}</a></li>`,
      )}</ol>
    </nav>`;
}

/** The crumbs down to a project: each group, then the project. */
export function projectCrumbs(scope: PageScope, project: GlProject): Crumb[] {
  const segments = project.pathWithNamespace.split('/');
  return segments.map((segment, index) => {
    const path = segments.slice(0, index + 1).join('/');
    const group = scope.instance.groups.find((g) => g.fullPath === path);
    return { text: index === segments.length - 1 ? project.name : (group?.name ?? segment), href: href(scope, `/${path}`) };
  });
}

function sidebar(shell: PageShell): SafeHtml {
  const { scope, project } = shell;
  if (!project) {
    return html`<aside id="super-sidebar" class="super-sidebar" data-testid="super-sidebar" aria-label="Primary navigation"></aside>`;
  }
  const base = `/${project.pathWithNamespace}/-`;
  const entry = (key: PageShell['nav'], label: string, path: string) =>
    html`<li><a href="${href(scope, path)}" data-testid="nav-item-link"${raw(shell.nav === key ? ' aria-current="page"' : '')}>${label}</a></li>`;
  return html`<aside id="super-sidebar" class="super-sidebar" data-testid="super-sidebar" aria-label="Primary navigation">
  <div class="super-sidebar-context-header" data-testid="super-sidebar-context-header">${project.name}</div>
  <nav aria-label="Project navigation"><ul>
    ${entry('issues', 'Issues', `${base}/issues`)}
    ${entry('boards', 'Issue boards', `${base}/boards`)}
    ${entry('merge_requests', 'Merge requests', `${base}/merge_requests`)}
  </ul></nav>
</aside>`;
}
