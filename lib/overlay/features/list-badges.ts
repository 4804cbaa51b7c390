import { itemKey, projectKeyOfItem } from '../../core/item-ref';
import type { ItemBadge, ProjectBadges } from '../../messaging/protocol';
import type { ProviderPage, SelectorList } from '../../providers/types';
import { BADGE_TAG, createBadge, type Badge, type BadgeFigures } from '../badge';
import type { OverlayFeature } from '../feature';
import { watchRows } from '../row-watch';

/** The background answers at most this many keys per `items.badges` request. */
export const MAX_KEYS_PER_REQUEST = 500;

export interface ListBadgesDeps {
  /**
   * One `items.badges` round trip for these keys, and the whole badge maps of these projects (all of the page's own
   * provider and host).
   */
  readonly badges: (keys: string[], projects: string[]) => Promise<{ readonly badges: readonly ItemBadge[]; readonly projects?: readonly ProjectBadges[] }>;
  readonly onTimerChange: (listener: () => void, signal: AbortSignal) => void;
  /**
   * When to send what was found: the rows a page renders in one frame go out in one request. Default: the next
   * animation frame, or the next task in a hidden tab (which runs no frames).
   */
  readonly schedule?: (send: () => void) => void;
  /** Where the rest of a large batch of rows goes (default: a later task), so no one task reads or writes them all. */
  readonly later?: (work: () => void) => void;
  /** Call `near` with rows as they come near the viewport (default: an IntersectionObserver); for large batches. */
  readonly whenNearViewport?: (rows: readonly Element[], near: (rows: Element[]) => void, signal: AbortSignal) => void;
}

/**
 * Past this many rows in one batch (found at once, or answered at once), rows are read and badged only as they come
 * near the viewport: each write makes the page lay out its list again, and thousands of off-screen badges written slice
 * by slice would do that thousands of times (measured: 20,000 flooded rows kept a GitHub list busy for over 30 s);
 * reading them all up front allocates enough that the garbage collector's marking of a 50,000-row DOM lands in Stint's
 * tasks (traced: 40–220 ms of incremental marking in each reading slice).
 */
export const EAGER_ROWS = 500;

/**
 * At most this many rows are observed at a time, over all batches: the observer's first report holds an entry per
 * target (68 ms for 50,000 rows, traced) and every later frame that lays out or scrolls checks each one (~3 µs a
 * target). Past it, every `stride`-th row of a batch stands for its neighbours.
 */
export const MAX_OBSERVED_ROWS = 5_000;

/** However many rows are observed already, a batch gets at least this many sentinels. */
export const MIN_SENTINELS = 100;

/** Every how many rows of a batch one is observed (1: every row), with `budget` rows left to observe. */
export function sentinelStride(rows: number, budget: number): number {
  return Math.max(1, Math.ceil(rows / Math.max(MIN_SENTINELS, budget)));
}

/**
 * The rows a sentinel at `index` stands for: its neighbours up to the next sentinel on either side, so any row lies in
 * the span of both sentinels around it and comes near with whichever of them does.
 */
export function sentinelSpan(index: number, stride: number, count: number): [from: number, to: number] {
  return [Math.max(0, index - stride + 1), Math.min(count, index + stride)];
}

type WhenNear = NonNullable<ListBadgesDeps['whenNearViewport']>;

/** One page's viewport watch: each batch through its own observer, all of them within one budget of targets. */
function viewportWatch(): WhenNear {
  let observed = 0;
  return (rows, near, signal) => {
    const stride = sentinelStride(rows.length, MAX_OBSERVED_ROWS - observed);
    const sentinels = new Map<Element, number>();
    for (let i = 0; i < rows.length; i += stride) sentinels.set(rows[i]!, i);
    const stop = () => {
      observed -= sentinels.size;
      sentinels.clear();
      observer.disconnect();
    };
    const observer = new IntersectionObserver(
      (entries) => {
        const found: Element[] = [];
        for (const entry of entries) {
          const at = entry.isIntersecting ? sentinels.get(entry.target) : undefined;
          if (at === undefined) continue;
          observer.unobserve(entry.target);
          sentinels.delete(entry.target);
          observed--;
          const [from, to] = sentinelSpan(at, stride, rows.length);
          for (let i = from; i < to; i++) found.push(rows[i]!);
        }
        if (sentinels.size === 0) stop();
        if (found.length > 0) near(found);
      },
      // A screen or so ahead, so scrolling meets badges already there; more when a sentinel stands for its neighbours.
      { rootMargin: stride === 1 ? '1000px 0px' : '2500px 0px' },
    );
    for (const row of sentinels.keys()) observer.observe(row);
    observed += sentinels.size;
    signal.addEventListener('abort', stop, { once: true });
  };
}

/**
 * Rows read or badged in one task. A page that adds thousands at once (or a hostile one flooding it) keeps its frames:
 * the first rows are badged in the frame they appear, the rest in the tasks after it.
 */
export const ROWS_PER_TASK = 250;

/** Run `work` over `items` a slice at a time: the first slice now, each next one in a later task, until aborted. */
function inSlices<T>(items: readonly T[], work: (slice: T[]) => void, later: (next: () => void) => void, signal: AbortSignal): void {
  let at = 0;
  const next = () => {
    if (signal.aborted || at >= items.length) return;
    work(items.slice(at, at + ROWS_PER_TASK));
    at += ROWS_PER_TASK;
    if (at < items.length) later(next);
  };
  next();
}

function nextFrame(send: () => void): void {
  if (document.visibilityState === 'hidden' || typeof requestAnimationFrame !== 'function') setTimeout(send, 0);
  else requestAnimationFrame(send);
}

interface RowState {
  link: Element | null;
  key: string | null;
  /** The project of `key`, whose whole badge map may be at hand. */
  project: string | null;
  badge: Badge | null;
  placement: 'inline' | 'card';
}

interface Surface {
  readonly rows: SelectorList;
  readonly links: SelectorList;
  /** Inline after the title link (list and table rows), or inside the card. */
  readonly placement: (row: Element) => 'inline' | 'card';
}

/** Whether `element` matches one of `selectors` (unparsable ones never match). */
function matchesAny(element: Element, selectors: SelectorList): boolean {
  return selectors.some((selector) => {
    try {
      return element.matches(selector);
    } catch {
      return false;
    }
  });
}

/**
 * What to badge on a page: list rows, or on a board URL whichever layout the view shows — table rows (GitHub Projects'
 * table, Jira's backlog; tried first: a board has none) or cards. One watch follows a switch between the two, as the
 * page replaces its container.
 */
function surfaceOf(kind: 'list' | 'board', selectors: ProviderPage['selectors']): Surface {
  if (kind === 'list') return { rows: selectors.listRow, links: selectors.listRowLink, placement: () => 'inline' };
  return {
    rows: [...selectors.tableRow, ...selectors.boardCard],
    links: [...selectors.tableRowLink, ...selectors.boardCardLink],
    placement: (row) => (matchesAny(row, selectors.tableRow) ? 'inline' : 'card'),
  };
}

/** Projects asked for their whole badge map in one request (the background answers up to 10). */
const MAX_PROJECTS_PER_REQUEST = 10;

const NO_FIGURES: BadgeFigures = { trackedSeconds: 0, ownSeconds: 0, estimateSeconds: null };

/** The first element in `root` matching the newest selector that matches anything there. */
function firstIn(root: Element, selectors: SelectorList): Element | null {
  for (const selector of selectors) {
    try {
      const found = root.querySelector(selector);
      if (found) return found;
    } catch {
      // Unparsable in this browser: try the next generation.
    }
  }
  return null;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A small badge on every row of issue / PR / MR lists and on every board card: everyone's tracked time and the
 * estimate. Driven only by the provider's selectors and URL matcher, so any provider can register it.
 *
 * Rows come and go in thousands: only the list's container is watched (row-watch.ts), each row is read once, and
 * every row found in one frame is asked about in one `items.badges` request (chunked past the background's limit),
 * with at most one request in flight. Answers are kept for the page, so a re-rendered row is badged without asking.
 * Reads (links, hrefs) happen before writes, and all badges of a batch are written in one pass.
 */
export function listBadgesFeature(deps: ListBadgesDeps): OverlayFeature {
  const schedule = deps.schedule ?? nextFrame;
  const later = deps.later ?? ((work: () => void) => void setTimeout(work, 0));
  const whenNear = deps.whenNearViewport ?? (typeof IntersectionObserver === 'function' ? viewportWatch() : null);
  return {
    name: 'list-badges',
    applies: (match) => match.kind === 'list' || match.kind === 'board',
    // The rows, not the drawer or side panel open over them (GitLab ?show=, Jira ?selectedIssue=); filters and
    // pages of the same list are followed by the row watcher.
    identity: (match) => (match.kind === 'list' ? `list|${match.host}|${match.project ?? ''}|${match.list}` : match.kind === 'board' ? `board|${match.host}|${match.project ?? ''}` : ''),
    start({ page, match, signal, isDark, onThemeChange }) {
      if (match.kind === 'item') return;
      const surface = surfaceOf(match.kind, page.selectors);
      if (surface.rows.length === 0) return;
      const pageHost = match.host.toLowerCase();
      const states = new WeakMap<Element, RowState>();
      const cache = new Map<string, BadgeFigures>();
      // Whole projects' badges (complete: a row of the project missing here has nothing to show), so rows appearing
      // later — the next page, a filter, an infinite scroll — are badged in the frame they appear, without asking.
      const projectMaps = new Map<string, Map<string, BadgeFigures>>();
      const askedProjects = new Set<string>();
      const figuresFor = (state: RowState): BadgeFigures | undefined => {
        if (!state.key) return undefined;
        const known = cache.get(state.key);
        if (known) return known;
        const project = state.project ? projectMaps.get(state.project) : undefined;
        return project ? (project.get(state.key) ?? NO_FIGURES) : undefined;
      };
      const hosts = new Set<HTMLElement>();
      let dark = isDark();

      // Rows waiting for an answer; `refresh` asks again about every row in the list. After a failed request the next
      // one (for new rows or a timer notice) is a refresh, so nothing is lost and nothing retries in a loop.
      const waiting = new Set<Element>();
      let refresh = false;
      let owed = false;
      let scheduled = false;
      let inFlight = false;

      const keyOf = (link: Element | null): string | null => itemKeyOfLink(link, page, pageHost);

      /** Read a row (its link and the link's item); no writes. */
      const read = (row: Element): RowState => {
        const link = firstIn(row, surface.links);
        const key = keyOf(link);
        const state: RowState = { link, key, project: key ? projectKeyOfItem(key) : null, badge: states.get(row)?.badge ?? null, placement: surface.placement(row) };
        states.set(row, state);
        return state;
      };

      const isPlaced = (row: Element, state: RowState): boolean => {
        const host = state.badge?.host;
        if (!host?.isConnected) return false;
        return state.placement === 'card' ? host.parentNode === row : state.link?.nextSibling === host;
      };

      /** Write the badges of these rows in one pass (a slice per task), from the answers at hand. */
      // Rows of a large batch wait here until they come near the viewport (see EAGER_ROWS).
      const offscreen = new WeakSet<Element>();
      // Rows reported near the viewport once: their answers are written at once, however many came near together.
      const cameNear = new WeakSet<Element>();
      // A row read before (an answer came for more rows than EAGER_ROWS) is only written; one found in a large batch is
      // read first, now that it is near.
      const whenSeen = (rows: Element[]) => {
        if (!whenNear) return;
        for (const row of rows) offscreen.add(row);
        whenNear(rows, (near) => {
          const due = near.filter((row) => offscreen.delete(row)); // a row two sentinels stand for comes once
          for (const row of due) cameNear.add(row);
          inSlices(due, (slice) => {
            for (const row of slice) if (!states.has(row)) read(row);
            queue(slice);
          }, later, signal);
        }, signal);
      };
      const write = (rows: Iterable<Element>) => {
        const due: Element[] = [];
        const unseen: Element[] = [];
        for (const row of rows) {
          if (offscreen.has(row)) continue; // written when it comes near
          (cameNear.has(row) ? due : unseen).push(row);
        }
        if (unseen.length <= EAGER_ROWS || !whenNear) due.push(...unseen);
        else whenSeen(unseen);
        inSlices(due, writeSlice, later, signal);
      };
      const writeSlice = (rows: Element[]) => {
        for (const row of rows) {
          if (offscreen.has(row)) continue; // written when it comes near (a slice may have been cut before)
          const state = states.get(row);
          if (!state?.key || !state.link) continue;
          const figures = figuresFor(state);
          if (!figures) continue;
          if (state.badge && state.badge.host.dataset.stintItem !== state.key) {
            state.badge.host.remove();
            hosts.delete(state.badge.host);
            state.badge = null;
          }
          const badge = (state.badge ??= createBadge(document, state.key, state.placement));
          badge.setTheme(dark);
          badge.show(figures);
          hosts.add(badge.host);
          // A copy of a badge (a page's snapshot of the row) is not Stint's: one badge per row.
          for (const other of row.querySelectorAll(BADGE_TAG)) if (other !== badge.host) other.remove();
          if (state.placement === 'card') {
            if (badge.host.parentNode !== row) row.append(badge.host);
          } else if (state.link.nextSibling !== badge.host) {
            state.link.after(badge.host);
          }
        }
      };

      const requestSoon = () => {
        if (scheduled || inFlight || signal.aborted) return;
        scheduled = true;
        schedule(() => {
          scheduled = false;
          void send();
        });
      };

      const send = async () => {
        if (signal.aborted || inFlight) return;
        const rows = refresh ? watch.current() : [...waiting];
        if (refresh) {
          projectMaps.clear();
          askedProjects.clear();
        }
        const keys = new Set<string>();
        const projects = new Set<string>();
        for (const row of rows) {
          const state = states.get(row);
          if (!state?.key || (!refresh && figuresFor(state))) continue;
          keys.add(state.key);
          if (state.project && !askedProjects.has(state.project) && projects.size < MAX_PROJECTS_PER_REQUEST) projects.add(state.project);
        }
        for (const project of projects) askedProjects.add(project);
        refresh = false;
        waiting.clear();
        // Badges of rows the page dropped would keep those rows alive: forget them.
        for (const host of hosts) if (!host.isConnected) hosts.delete(host);
        if (keys.size === 0) {
          write(rows);
          return;
        }
        inFlight = true;
        try {
          // The projects ride with the first chunk only.
          const answers = await Promise.all(chunks([...keys], MAX_KEYS_PER_REQUEST).map((part, i) => deps.badges(part, i === 0 ? [...projects] : [])));
          for (const answer of answers) {
            for (const badge of answer.badges) {
              // Only what was asked counts: an answer never adds keys or projects of its own.
              if (keys.has(badge.key)) cache.set(badge.key, figuresOf(badge));
            }
            for (const map of answer.projects ?? []) {
              if (!projects.has(map.key) || !map.complete) continue;
              projectMaps.set(map.key, new Map(map.badges.filter((b) => projectKeyOfItem(b.key) === map.key).map((b) => [b.key, figuresOf(b)])));
            }
          }
          for (const key of keys) if (!cache.has(key)) cache.set(key, NO_FIGURES);
        } catch {
          // The background could not answer (restarting, refused): the next request asks about every row again.
          owed = true;
          for (const project of projects) askedProjects.delete(project);
        } finally {
          inFlight = false;
        }
        if (signal.aborted) return;
        // Rows found meanwhile whose items this answer covered are written in the same pass.
        const covered = [...waiting].filter((row) => {
          const state = states.get(row);
          return state !== undefined && figuresFor(state) !== undefined;
        });
        for (const row of covered) waiting.delete(row);
        write([...rows, ...covered]);
        if (refresh || waiting.size > 0) requestSoon();
      };

      const queue = (rows: Iterable<Element>) => {
        const ready: Element[] = [];
        for (const row of rows) {
          const state = states.get(row);
          if (!state?.key) continue;
          if (figuresFor(state)) ready.push(row);
          else waiting.add(row);
        }
        write(ready);
        if (owed && waiting.size > 0) {
          owed = false;
          refresh = true;
        }
        if (refresh || waiting.size > 0) requestSoon();
      };

      const watch = watchRows(document, {
        rows: surface.rows,
        signal,
        ignore: (element) => element.localName === BADGE_TAG,
        onRows: (rows) => {
          if (rows.length > EAGER_ROWS && whenNear) {
            whenSeen(rows);
            return;
          }
          inSlices(
            rows,
            (slice) => {
              for (const row of slice) read(row);
              queue(slice);
            },
            later,
            signal,
          );
        },
        onChanged: (rows) => {
          // Re-rendered insides: read again (the link may be new); known items are badged from the answers kept.
          const again: Element[] = [];
          for (const row of rows) {
            const before = states.get(row);
            const state = read(row);
            if (state.key !== before?.key || state.link !== before?.link || !isPlaced(row, state)) again.push(row);
          }
          queue(again);
        },
      });

      deps.onTimerChange(() => {
        refresh = true;
        owed = false;
        requestSoon();
      }, signal);

      onThemeChange((isNowDark) => {
        dark = isNowDark;
        for (const host of hosts) host.dataset.theme = dark ? 'dark' : 'light';
      }, signal);

      signal.addEventListener(
        'abort',
        () => {
          for (const host of hosts) host.remove();
          // Also badges of rows that were away when last counted (one list-badges feature runs per page).
          for (const host of document.querySelectorAll(BADGE_TAG)) host.remove();
          hosts.clear();
          cache.clear();
          projectMaps.clear();
        },
        { once: true },
      );
    },
  };
}

/** The item a row's link points to (identity from the URL, never from text), if it is of the page's own site. */
export function itemKeyOfLink(link: Element | null, page: ProviderPage, pageHost: string): string | null {
  const href = link?.getAttribute('href');
  if (!href) return null;
  let url: URL;
  try {
    url = new URL(href, location.href);
  } catch {
    return null;
  }
  const match = page.matchPage(url);
  const item = match?.kind === 'item' ? match.item : null;
  if (!item || item.provider !== page.key || item.host.toLowerCase() !== pageHost) return null;
  return itemKey(item);
}

function figuresOf(badge: ItemBadge): BadgeFigures {
  return { trackedSeconds: badge.trackedSeconds, ownSeconds: badge.ownSeconds, estimateSeconds: badge.estimateSeconds, risk: badge.risk ?? null };
}
