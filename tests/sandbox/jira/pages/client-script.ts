/**
 * The one inline script every Jira fixture carries: Jira's own kind of client-side navigation, small and ours.
 *
 * - Boards and the Cloud backlog (and the DC agile board): clicking a card or a backlog row, or a work-item link
 *   inside the open preview, sets `?selectedIssue=KEY` with `history.pushState` and renders the preview panel (Cloud:
 *   `section[data-testid="preview-panels.preview-panel"]`, DC: `#ghx-detail-view`) without a reload. The panel's HTML
 *   is fetched from the same host (the page's URL with `selectedIssue`). The panel's Close button removes the
 *   parameter.
 * - Cloud is a single-page app: other in-app links (`/browse/…`, `/jira/…`, `/issues…`) fetch the target page and swap
 *   `#jira-frontend`, then `history.pushState`. DC pages outside the board are plain page loads, as on DC.
 * - Back / forward re-render from the URL. A newer navigation wins over a slower older one.
 */
export const CLIENT_SCRIPT = `(() => {
  const PANEL = 'section[data-testid="preview-panels.preview-panel"], #ghx-detail-view';
  const PANEL_SLOT = '[data-testid="page-layout.root"], #ghx-work';
  const BOARD = '[data-testid="platform-board-kit.ui.board.scroll.board-scroll"], [data-testid="software-backlog.backlog-content.scrollable"], #ghx-pool';
  const CARD = '[data-testid="platform-board-kit.ui.card.card"], [data-testid^="software-backlog.card-list.card.content-container."], .ghx-issue[data-issue-key]';
  const IN_APP = /^\\/(browse\\/|jira\\/|issues(\\/|$))/;
  let generation = 0;
  let renderedPath = location.pathname;

  const isCloud = () => document.getElementById('jira-frontend') !== null;
  const onBoard = () => document.querySelector(BOARD) !== null;
  // A DC card names its key in an attribute, a Cloud card in its id, a backlog row in its testid's leaf.
  const keyOfCard = (card) => card.getAttribute('data-issue-key') || (card.id ? card.id.replace(/^card-/, '') : (card.getAttribute('data-testid') || '').split('.').pop());
  const keyOfHref = (href) => (/^\\/browse\\/([A-Z][A-Z0-9_]*-\\d+)$/i.exec(new URL(href, location.href).pathname) || [])[1] || null;

  async function load(url) {
    const response = await fetch(url, { credentials: 'same-origin', headers: { accept: 'text/html' } });
    return new DOMParser().parseFromString(await response.text(), 'text/html');
  }

  async function syncPanel() {
    const mine = ++generation;
    const key = new URL(location.href).searchParams.get('selectedIssue');
    const current = document.querySelector(PANEL);
    if (!key) {
      if (current) current.remove();
      return;
    }
    const page = await load(location.href);
    if (mine !== generation) return;
    const next = page.querySelector(PANEL);
    const slot = document.querySelector(PANEL_SLOT);
    if (!next || !slot) return;
    const adopted = document.importNode(next, true);
    const stale = document.querySelector(PANEL);
    if (stale) stale.replaceWith(adopted);
    else slot.append(adopted);
  }

  function selectIssue(key) {
    const url = new URL(location.href);
    if (key) url.searchParams.set('selectedIssue', key);
    else url.searchParams.delete('selectedIssue');
    history.pushState({ selectedIssue: key }, '', url);
    return syncPanel();
  }

  async function navigate(href, push) {
    const mine = ++generation;
    const page = await load(href);
    if (mine !== generation) return;
    const next = page.getElementById('jira-frontend');
    const current = document.getElementById('jira-frontend');
    if (!next || !current) {
      location.assign(href);
      return;
    }
    current.replaceWith(document.importNode(next, true));
    document.title = page.title;
    if (push) history.pushState({}, '', href);
    renderedPath = new URL(href, location.href).pathname;
    window.scrollTo(0, 0);
  }

  document.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const panel = target.closest(PANEL);
    if (panel && target.closest('[aria-label="Close"]')) {
      event.preventDefault();
      void selectIssue(null);
      return;
    }
    const card = onBoard() ? target.closest(CARD) : null;
    if (card) {
      event.preventDefault();
      void selectIssue(keyOfCard(card));
      return;
    }
    const link = target.closest('a[href]');
    if (!link || link.origin !== location.origin || link.hasAttribute('download')) return;
    if (panel && onBoard() && keyOfHref(link.href) && link.target !== '_blank') {
      event.preventDefault();
      void selectIssue(keyOfHref(link.href));
      return;
    }
    if (isCloud() && IN_APP.test(link.pathname) && link.target !== '_blank') {
      event.preventDefault();
      void navigate(link.href, true);
    }
  });

  window.addEventListener('popstate', () => {
    if (location.pathname === renderedPath && onBoard()) void syncPanel();
    else if (isCloud()) void navigate(location.href, false);
    else location.reload();
  });
})();`;
