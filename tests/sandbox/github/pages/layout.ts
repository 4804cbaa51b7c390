import type { GhRepo } from '../../data/model.ts';
import { html, raw, type SafeHtml } from '../../http/html.ts';
import type { PageScope } from './context.ts';
import { avatar, octicon } from './format.ts';
import { SOFT_NAV_SCRIPT } from './soft-nav.ts';
import { GITHUB_CSS } from './styles.ts';

export type RepoTab = 'code' | 'issues' | 'pulls' | 'projects';

export interface DocumentParts {
  readonly title: string;
  /** `<meta name="stint-fixture">`: provider, page and the real UI generation mirrored. */
  readonly fixture: string;
  /** Rails' route for the page (GitHub's `<meta name="route-pattern">`). */
  readonly routePattern: string;
  /** The repository whose chrome frames the page; without one the page is a bare GitHub page (404, org project). */
  readonly repo?: { readonly repo: GhRepo; readonly tab: RepoTab };
  readonly main: SafeHtml;
}

/**
 * GitHub's document around every fixture, as github.com serves it in 2025–2026: `<html data-color-mode
 * data-light-theme data-dark-theme>`, the global `AppHeader` with the repository's tab bar (Primer `UnderlineNav`,
 * `nav[aria-label="Repository"]`), `main#js-repo-pjax-container` with `#repository-container-header` and
 * `turbo-frame#repo-content-turbo-frame > #repo-content-pjax-container.repository-content`, everything inside
 * `[data-turbo-body]`; the soft-navigation script comes last, outside what navigation replaces.
 */
export function renderDocument(scope: PageScope, parts: DocumentParts): string {
  const { instance } = scope;
  const login = scope.data.people[0]?.github.login ?? '';
  const repo = parts.repo?.repo;
  const body = repo
    ? html`<div id="repository-container-header" class="pt-3 hide-full-screen" data-turbo-replace>
  <div class="d-flex flex-nowrap flex-justify-end mb-3 px-3 px-lg-5">
    <div class="flex-auto min-width-0 width-fit"><strong itemprop="name" class="mr-1"><a href="/${repo.owner.login}/${repo.name}">${repo.name}</a></strong>
      <span class="Label Label--secondary v-align-middle mr-1">${repo.private ? 'Private' : 'Public'}</span></div>
  </div>
</div>
<turbo-frame id="repo-content-turbo-frame" target="_top" data-turbo-action="advance">
  <div id="repo-content-pjax-container" class="repository-content">${parts.main}</div>
</turbo-frame>`
    : parts.main;
  const mode = scope.colorMode;
  return html`<!DOCTYPE html>
<!-- Stint sandbox fixture: ${parts.fixture}. Rendered from the sandbox's seeded data; mirrors the real page's structure
     around the anchors Stint uses (see lib/providers/github/selectors.ts). -->
<html lang="en" data-color-mode="${mode}" data-light-theme="light" data-dark-theme="dark" data-a11y-animated-images="system" data-a11y-link-underlines="true">
<head>
<meta charset="utf-8">
<title>${parts.title}</title>
<meta name="viewport" content="width=device-width">
<link rel="icon" href="data:,">
<meta name="stint-fixture" content="${parts.fixture}">
<meta name="route-pattern" content="${parts.routePattern}">
<meta name="hostname" content="${instance.host}">
<meta name="expected-hostname" content="${instance.host}">
<meta name="user-login" content="${login}">
<meta name="turbo-body-classes" content="logged-in env-production page-responsive">
<style>${raw(GITHUB_CSS)}</style>
</head>
<body class="logged-in env-production page-responsive" style="word-wrap: break-word;">
<div data-turbo-body class="logged-in env-production page-responsive" style="word-wrap: break-word;">
  <div class="position-relative header-wrapper js-header-wrapper">
    <a href="#start-of-content" class="show-on-focus js-skip-to-content">Skip to content</a>
    <header class="AppHeader" role="banner">
      <h2 class="sr-only">Navigation Menu</h2>
      <div class="AppHeader-globalBar js-global-bar">
        <div class="AppHeader-globalBar-start">
          <a class="AppHeader-logo" href="/" aria-label="Homepage" data-turbo="false">${octicon('mark-github')}</a>
          <div class="AppHeader-context"><nav aria-label="Page context"><ul role="list">${contextItems(scope, parts)}</ul></nav></div>
        </div>
        <div class="AppHeader-globalBar-end">
          <div class="AppHeader-search"><button type="button" class="AppHeader-searchButton" aria-label="Search or jump to…">${octicon('search')} Type <kbd>/</kbd> to search</button></div>
          <div class="AppHeader-user">${avatar(login, 32)}</div>
        </div>
      </div>
      ${parts.repo ? html`<div class="AppHeader-localBar">${repoTabs(parts.repo.repo, parts.repo.tab)}</div>` : ''}
    </header>
  </div>
  <div id="start-of-content" class="show-on-focus"></div>
  <div id="js-flash-container" class="flash-container" data-turbo-replace></div>
  <div class="application-main" data-commit-hovercards-enabled data-discussion-hovercards-enabled data-issue-and-pr-hovercards-enabled data-project-hovercards-enabled>
    <div itemscope itemtype="http://schema.org/SoftwareSourceCode">
      <main id="js-repo-pjax-container">${body}</main>
    </div>
  </div>
  <footer class="footer pt-8 pb-6 f6 color-fg-muted p-responsive" role="contentinfo">
    <h2 class="sr-only">Footer</h2>© 2026 GitHub, Inc. · ${instance.host === 'github.com' ? 'github.com' : `GitHub Enterprise Server · ${instance.host}`}
  </footer>
</div>
<script>${raw(SOFT_NAV_SCRIPT)}</script>
</body>
</html>
`.value;
}

function contextItems(scope: PageScope, parts: DocumentParts): SafeHtml {
  const repo = parts.repo?.repo;
  if (!repo) return html`<li><a class="AppHeader-context-item" href="/">${scope.instance.host === 'github.com' ? 'Dashboard' : 'Enterprise'}</a></li>`;
  return html`<li><a class="AppHeader-context-item" href="/${repo.owner.login}" data-hovercard-type="organization">${repo.owner.login}</a></li>
<li class="AppHeader-context-item-separator" aria-hidden="true">/</li>
<li><a class="AppHeader-context-item" href="/${repo.owner.login}/${repo.name}">${repo.name}</a></li>`;
}

/**
 * The repository tab bar as a Primer React `UnderlineNav` (2025–2026, refined-github #8867): `nav[aria-label=
 * "Repository"] > ul[role=list]`, `aria-current="page"` on the open tab, `data-component="counter"` counts; issue and
 * PR tabs navigate inside `repo-content-turbo-frame`.
 */
function repoTabs(repo: GhRepo, selected: RepoTab): SafeHtml {
  const base = `/${repo.owner.login}/${repo.name}`;
  const openIssues = repo.issues.filter((i) => !i.pull && i.state === 'open').length;
  const openPulls = repo.issues.filter((i) => i.pull && i.state === 'open').length;
  const tabs: { id: RepoTab; label: string; href: string; hotkey: string; count?: number; reactNav?: string }[] = [
    { id: 'code', label: 'Code', href: base, hotkey: 'g c' },
    { id: 'issues', label: 'Issues', href: `${base}/issues`, hotkey: 'g i', count: openIssues, reactNav: 'issues-react' },
    { id: 'pulls', label: 'Pull requests', href: `${base}/pulls`, hotkey: 'g p', count: openPulls },
    { id: 'projects', label: 'Projects', href: `/orgs/${repo.owner.login}/projects/1`, hotkey: 'g b' },
  ];
  return html`<nav class="prc-components-UnderlineWrapper-oOh5J js-repo-nav" aria-label="Repository" data-variant="inset">
<ul class="prc-components-UnderlineItemList-b23Hf" role="list">${tabs.map(
    (tab) => html`<li class="prc-UnderlineNav-UnderlineNavItem-syRjR"><a href="${tab.href}" id="${tab.id === 'pulls' ? 'pull-requests' : tab.id}-tab" data-hotkey="${tab.hotkey}"${tab.reactNav ? html` data-react-nav="${tab.reactNav}"` : ''} data-turbo-frame="repo-content-turbo-frame" class="prc-components-UnderlineItem-lJsg-"${tab.id === selected ? html` aria-current="page"` : ''}><span data-component="text" data-content="${tab.label}">${tab.label}</span>${tab.count === undefined ? '' : html` <span data-component="counter"><span aria-hidden="true" class="prc-CounterLabel-CounterLabel-ZwXPe">${tab.count}</span></span>`}</a></li>`,
  )}</ul>
</nav>`;
}

/** GitHub's "Page not found" for any path the sandbox does not serve (status 404, no anchors of any kind). */
export function notFoundDocument(scope: PageScope): string {
  return renderDocument(scope, {
    title: 'Page not found · GitHub',
    fixture: 'github 404 — Page not found, 2025–2026',
    routePattern: '/*path(.:format)',
    main: html`<div class="container-lg p-responsive" id="parallax_wrapper">
  <div class="blankslate" role="main">
    <h1 class="f0-light">404</h1>
    <p class="lead"><strong>This is not the web page you are looking for.</strong></p>
    <p>Find code, projects, and people on GitHub: <a href="/" data-turbo="false">go to the homepage</a>.</p>
  </div>
</div>`,
  });
}
