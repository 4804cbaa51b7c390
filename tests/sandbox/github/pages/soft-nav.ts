/**
 * GitHub's client-side navigation, written small for the fixtures (the page's one inline script).
 *
 * A click on an in-repository link fetches the target page from this same host, swaps the regions GitHub swaps
 * (the repository tab bar, `#repository-container-header` and `turbo-frame#repo-content-turbo-frame`, or the whole
 * `[data-turbo-body]` when the target has no repository frame), then calls `history.pushState`. Back and forward
 * (`popstate`) swap without pushing.
 *
 * The events are the ones GitHub dispatches on `document`, as extensions listen for them (refined-github:
 * `turbo:render`, `soft-nav:payload`; others: `turbo:load`, `soft-nav:end`, `soft-nav:react-done`):
 * - between two pages of the same React app (issue list → issue): `soft-nav:progress-bar:start`, `soft-nav:start`,
 *   `soft-nav:payload`, [swap, pushState], `soft-nav:render`, `soft-nav:success`, `soft-nav:progress-bar:end`,
 *   `soft-nav:end`, `soft-nav:react-done` — and no `turbo:*` event (refined-github #7953);
 * - otherwise a Turbo visit: `turbo:click` (on the link, cancelable: the browser then follows it),
 *   `turbo:before-visit` (cancelable), `turbo:visit`, the `soft-nav:` start events, `turbo:before-fetch-request`,
 *   `turbo:before-fetch-response`, `turbo:before-render`, [swap, pushState], `turbo:render`, `turbo:load`, then
 *   `soft-nav:success`, `soft-nav:progress-bar:end`, `soft-nav:end`; a `.turbo-progress-bar` is added to and removed
 *   from `<html>` meanwhile (refined-github's `on-page-load` watches its removal).
 * `soft-nav:*` events carry `mechanism` ('react' | 'turbo') as GitHub's `SoftNavEvent` does. `turbo:load` also fires
 * once after the first load, as Turbo does. Swapping before `pushState` follows the brief for the sandbox: when the
 * URL changes, the new content is already there.
 */
export const SOFT_NAV_SCRIPT = `
(function () {
  'use strict';
  if (window.__stintSoftNav) return;
  window.__stintSoftNav = true;
  var REGIONS = ['.AppHeader-localBar', '#repository-container-header', '#repo-content-turbo-frame'];
  var generation = 0;

  function fire(type, mechanism, detail, target) {
    var cancelable = type === 'turbo:click' || type === 'turbo:before-visit';
    var event = new CustomEvent(type, { bubbles: true, cancelable: cancelable, detail: detail });
    if (mechanism) Object.defineProperty(event, 'mechanism', { value: mechanism });
    return (target || document).dispatchEvent(event);
  }

  function appOf(doc) {
    var app = doc.querySelector('react-app');
    return app ? app.getAttribute('app-name') : null;
  }

  /* Which React app GitHub would render a URL with; null for server-rendered pages. */
  function appFor(url) {
    var ui = url.searchParams.get('ui');
    if (ui === 'classic') return null;
    if (/^\\/[^/]+\\/[^/]+\\/issues(\\/\\d+)?\\/?$/.test(url.pathname)) return 'issues-react';
    if (/^\\/[^/]+\\/[^/]+\\/pull\\/\\d+(\\/[a-z]+)?\\/?$/.test(url.pathname)) return 'pull-requests';
    if (ui === 'react' && /^\\/[^/]+\\/[^/]+\\/pulls\\/?$/.test(url.pathname)) return 'pull-requests';
    return null;
  }

  function mechanismFor(url) {
    var here = appOf(document);
    return here !== null && here === appFor(url) ? 'react' : 'turbo';
  }

  function progressBar(show) {
    var root = document.documentElement;
    var bar = Array.prototype.find.call(root.children, function (el) { return el.classList.contains('turbo-progress-bar'); });
    if (show && !bar) {
      bar = document.createElement('div');
      bar.className = 'turbo-progress-bar';
      root.insertBefore(bar, root.firstChild);
    }
    if (!show && bar) bar.remove();
  }

  function swap(next) {
    var frame = '#repo-content-turbo-frame';
    if (document.querySelector(frame) && next.querySelector(frame)) {
      REGIONS.forEach(function (selector) {
        var mine = document.querySelector(selector);
        var theirs = next.querySelector(selector);
        if (mine && theirs) mine.replaceWith(document.importNode(theirs, true));
      });
    } else {
      var body = document.querySelector('[data-turbo-body]');
      var nextBody = next.querySelector('[data-turbo-body]');
      if (!body || !nextBody) return false;
      body.replaceWith(document.importNode(nextBody, true));
    }
    document.title = next.title;
    ['stint-fixture', 'route-pattern'].forEach(function (name) {
      var mine = document.querySelector('meta[name="' + name + '"]');
      var theirs = next.querySelector('meta[name="' + name + '"]');
      if (mine && theirs) mine.setAttribute('content', theirs.getAttribute('content') || '');
    });
    return true;
  }

  async function navigate(url, push, mechanism) {
    var mine = ++generation;
    var detail = { url: url.href };
    var turbo = mechanism === 'turbo';
    if (turbo) {
      if (push && !fire('turbo:before-visit', null, detail)) return;
      fire('turbo:visit', null, { url: url.href, action: push ? 'advance' : 'restore' });
      progressBar(true);
    }
    fire('soft-nav:progress-bar:start', null, detail);
    fire('soft-nav:start', mechanism, detail);
    var next;
    var finalUrl = url.href;
    try {
      if (turbo) fire('turbo:before-fetch-request', null, detail);
      var response = await fetch(url.href, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
      if (turbo) fire('turbo:before-fetch-response', null, detail);
      if ((response.headers.get('content-type') || '').indexOf('text/html') === -1) throw new Error('not a page');
      if (response.redirected && response.url) finalUrl = response.url;
      next = new DOMParser().parseFromString(await response.text(), 'text/html');
    } catch (error) {
      if (mine !== generation) return;
      fire('soft-nav:error', mechanism, detail);
      location.assign(url.href);
      return;
    }
    if (mine !== generation) return;
    fire(turbo ? 'turbo:before-render' : 'soft-nav:payload', null, detail);
    if (!swap(next)) {
      location.assign(finalUrl);
      return;
    }
    if (push) history.pushState({ stintSoftNav: true }, '', finalUrl);
    if (turbo) {
      fire('turbo:render', null, detail);
      fire('turbo:load', null, { url: finalUrl });
      progressBar(false);
    } else {
      fire('soft-nav:render', mechanism, detail);
    }
    fire('soft-nav:success', mechanism, detail);
    fire('soft-nav:progress-bar:end', null, detail);
    fire('soft-nav:end', mechanism, detail);
    if (!turbo) fire('soft-nav:react-done', null, detail);
  }

  document.addEventListener('click', function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || (link.getAttribute('target') && link.getAttribute('target') !== '_self')) return;
    if (link.hasAttribute('download') || link.getAttribute('data-turbo') === 'false') return;
    var url = new URL(link.getAttribute('href'), location.href);
    if (url.origin !== location.origin || url.pathname.indexOf('/api/') === 0) return;
    if (url.hash && url.pathname === location.pathname && url.search === location.search) return;
    var mechanism = mechanismFor(url);
    if (mechanism === 'turbo' && !fire('turbo:click', null, { url: url.href }, link)) return;
    event.preventDefault();
    navigate(url, true, mechanism);
  });

  window.addEventListener('popstate', function (event) {
    if (!event.state || !event.state.stintSoftNav) return;
    var url = new URL(location.href);
    navigate(url, false, mechanismFor(url));
  });

  history.replaceState({ stintSoftNav: true }, '', location.href);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', function () { fire('turbo:load', null, { url: location.href }); }, { once: true });
  } else {
    fire('turbo:load', null, { url: location.href });
  }
})();
`;
