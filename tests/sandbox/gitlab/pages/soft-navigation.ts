/**
 * The one inline script every GitLab fixture page carries: GitLab's own client-side navigation, written small.
 * - Work-items app (`#js-work-items`: the issue list and the issue page): links between issues and back to the list
 *   are Vue-router pushes — fetch the target page, swap `main#content-body` and the breadcrumbs, `pushState`.
 * - Issue list rows and board cards open the item in the work-item drawer (`aside[data-testid="work-item-drawer"]`,
 *   title as `h2[data-testid="work-item-title"]`) and push `?show=<base64 of {id, iid, full_path}>`, as
 *   `work_items/constants.js` `DETAIL_VIEW_QUERY_PARAM_NAME` does; the drawer's reference link opens the full page
 *   through the router.
 * - Merge request tabs toggle their panes and push the tab's URL (`/diffs`, `/commits`, `/pipelines`).
 * Back/forward replays the same. Only the answering host is ever fetched; nothing here talks to an API.
 */
export const SOFT_NAVIGATION_SCRIPT = String.raw`
(() => {
  const projectPath = () => document.body.dataset.projectFullPath || '';
  const inWorkItemsApp = () => document.querySelector('#js-work-items') !== null;
  const itemPattern = () => new RegExp('^/' + projectPath().replace(/[.*+?^$(){}|[\]\\]/g, '\\$&') + '/-/(issues|work_items)(/\\d+)?/?$');
  let shownPath = location.pathname;

  async function load(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    return new DOMParser().parseFromString(await response.text(), 'text/html');
  }

  function adopt(node) {
    return document.importNode(node, true);
  }

  async function routerNavigate(url, push) {
    const doc = await load(url);
    const next = doc.querySelector('#content-body');
    const here = document.querySelector('#content-body');
    if (!next || !here) { location.assign(url); return; }
    closeDrawer(false);
    here.replaceChildren(...Array.from(next.childNodes, adopt));
    const crumbs = doc.querySelector('[data-testid="breadcrumb-links"]');
    const oldCrumbs = document.querySelector('[data-testid="breadcrumb-links"]');
    if (crumbs && oldCrumbs) oldCrumbs.replaceWith(adopt(crumbs));
    document.title = doc.title;
    document.body.dataset.page = doc.body.dataset.page || '';
    if (push) history.pushState({ gitlabFixture: 'router' }, '', url);
    shownPath = new URL(url, location.href).pathname;
    window.scrollTo(0, 0);
  }

  function showParam(itemUrl, id) {
    const match = /\/-\/(?:issues|work_items)\/(\d+)/.exec(new URL(itemUrl, location.href).pathname);
    return match ? btoa(JSON.stringify({ id: id || '', iid: match[1], full_path: projectPath() })) : null;
  }

  function itemUrlFromShow(show) {
    try {
      const { iid, full_path: fullPath } = JSON.parse(atob(show));
      if (!/^\d+$/.test(String(iid)) || typeof fullPath !== 'string') return null;
      const url = new URL('/' + fullPath + '/-/issues/' + iid, location.href);
      const theme = new URL(location.href).searchParams.get('theme');
      if (theme) url.searchParams.set('theme', theme);
      return url.href;
    } catch {
      return null;
    }
  }

  function closeDrawer(push) {
    const drawer = document.querySelector('[data-testid="work-item-drawer"]');
    if (!drawer) return;
    drawer.remove();
    if (push) {
      const url = new URL(location.href);
      url.searchParams.delete('show');
      history.pushState({ gitlabFixture: 'drawer-closed' }, '', url.href);
    }
  }

  async function openDrawer(itemUrl, show, push) {
    const doc = await load(itemUrl);
    const detail = doc.querySelector('[data-testid="work-item-detail"]');
    if (!detail) return;
    const body = adopt(detail);
    const title = body.querySelector('h1[data-testid="work-item-title"]');
    if (title) {
      const h2 = document.createElement('h2');
      for (const attribute of Array.from(title.attributes)) h2.setAttribute(attribute.name, attribute.value);
      h2.append(...Array.from(title.childNodes));
      title.replaceWith(h2);
    }
    body.classList.add('work-item-drawer');
    const iid = JSON.parse(atob(show)).iid;
    const drawer = document.querySelector('[data-testid="work-item-drawer"]') || document.createElement('aside');
    drawer.className = 'gl-drawer gl-drawer-default';
    drawer.setAttribute('data-testid', 'work-item-drawer');
    const header = document.createElement('div');
    header.className = 'gl-drawer-header gl-drawer-header-sticky';
    const ref = document.createElement('a');
    ref.href = itemUrl;
    ref.setAttribute('data-testid', 'work-item-drawer-ref-link');
    ref.textContent = projectPath().split('/').pop() + '#' + iid;
    const full = document.createElement('a');
    full.href = itemUrl;
    full.setAttribute('data-testid', 'work-item-drawer-link-button');
    full.setAttribute('aria-label', 'Open in full page');
    full.className = 'btn gl-button';
    full.textContent = 'Open in full page';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'btn gl-button gl-drawer-close-button';
    close.setAttribute('aria-label', 'Close drawer');
    close.textContent = '×';
    header.append(ref, ' ', full, ' ', close);
    const content = document.createElement('div');
    content.className = 'gl-drawer-body';
    content.append(body);
    drawer.replaceChildren(header, content);
    if (!drawer.isConnected) document.body.append(drawer);
    if (push) {
      const url = new URL(location.href);
      url.searchParams.set('show', show);
      history.pushState({ gitlabFixture: 'drawer' }, '', url.href);
    }
  }

  function openItemInDrawer(link, id) {
    // The param carries the numeric id, as GitLab's getIdFromGraphQLId leaves it.
    const show = showParam(link.href, /(\d+)$/.exec(id || '')?.[1]);
    if (show) openDrawer(link.href, show, true);
  }

  function switchMergeRequestTab(url, push) {
    const tab = /\/(diffs|commits|pipelines)\/?$/.exec(new URL(url, location.href).pathname);
    const wanted = tab ? tab[1] : 'show';
    const panes = { show: '#notes', commits: '#commits', pipelines: '#pipelines', diffs: '#js-diffs-app' };
    if (!document.querySelector(panes[wanted])) return false;
    for (const [name, selector] of Object.entries(panes)) {
      const pane = document.querySelector(selector);
      if (pane) pane.hidden = name !== wanted;
      document.querySelector('.merge-request-tabs a[data-target="' + selector + '"]')?.parentElement?.classList.toggle('active', name === wanted);
    }
    document.querySelector('.merge-request')?.setAttribute('data-mr-action', wanted);
    document.body.dataset.page = 'projects:merge_requests:' + wanted;
    if (push) history.pushState({ gitlabFixture: 'tab' }, '', url);
    return true;
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const tab = target.closest('.merge-request-tabs a[data-target]');
    if (tab) {
      if (switchMergeRequestTab(tab.href, true)) event.preventDefault();
      return;
    }
    if (target.closest('.gl-drawer-close-button')) {
      event.preventDefault();
      closeDrawer(true);
      return;
    }
    const card = target.closest('[data-testid="board-card"]');
    if (card) {
      const link = card.querySelector('a[data-testid="board-card-title-link"]');
      if (link) {
        event.preventDefault();
        openItemInDrawer(link, card.getAttribute('data-item-id'));
      }
      return;
    }
    const row = target.closest('#js-work-items [data-testid="issuable-container"]');
    const rowLink = row && target.closest('a[data-testid="issuable-title-link"], a[data-testid="issuable-card-link-overlay"]');
    if (rowLink) {
      event.preventDefault();
      openItemInDrawer(rowLink, row.getAttribute('data-qa-issue-id'));
      return;
    }
    const link = target.closest('a[href]');
    if (!link || link.origin !== location.origin) return;
    const inDrawer = link.closest('[data-testid="work-item-drawer"]') !== null;
    if ((inWorkItemsApp() || inDrawer) && itemPattern().test(link.pathname)) {
      event.preventDefault();
      routerNavigate(link.href, true);
    }
  });

  window.addEventListener('popstate', () => {
    const url = new URL(location.href);
    if (document.querySelector('.merge-request') && switchMergeRequestTab(url.href, false)) return;
    if (!inWorkItemsApp() && !document.querySelector('[data-testid="board-card"]')) return;
    const show = url.searchParams.get('show');
    const itemUrl = show && itemUrlFromShow(show);
    const drawer = () => (itemUrl ? openDrawer(itemUrl, show, false) : closeDrawer(false));
    if (url.pathname !== shownPath) routerNavigate(url.href, false).then(drawer);
    else drawer();
  });

  const initialShow = new URL(location.href).searchParams.get('show');
  const initialItem = initialShow && itemUrlFromShow(initialShow);
  if (initialItem) openDrawer(initialItem, initialShow, false);
})();
`;
