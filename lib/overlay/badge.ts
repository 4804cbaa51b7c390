import { formatDuration } from '../core/duration';
import { t } from './words';

/** The element a list row or board card carries: its own tag, so it never counts as the item timer's host. */
export const BADGE_TAG = 'stint-badge';

/** What a badge shows, as the background counts it (`items.badges`). */
export interface BadgeFigures {
  /** Everyone's time on the item. */
  readonly trackedSeconds: number;
  readonly ownSeconds: number;
  readonly estimateSeconds: number | null;
  /** The item's most severe risk: its icon leads the badge, its reason ends the tooltip. */
  readonly risk?: { readonly severity: string; readonly reason: string } | null;
}

const RISK_ICONS: Record<string, string> = { critical: '⛔', warning: '⚠', info: 'ℹ' };

export type BadgeTone = 'empty' | 'tracked' | 'over';

export interface BadgeView {
  readonly text: string;
  readonly tone: BadgeTone;
  /** The tooltip: who tracked what, in words. */
  readonly title: string;
}

/** Seconds a person can read on a row: `45s` under a minute, then whole minutes (`1h 20m`); junk counts as nothing. */
export function badgeDuration(seconds: number): string {
  const safe = Number.isFinite(seconds) && seconds > 0 ? seconds : 0;
  return formatDuration(safe < 60 ? safe : Math.floor(safe / 60) * 60);
}

function seconds(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * `1h 20m / 5h` (everyone's time / estimate), `1h 20m` without an estimate, `0m / 5h` before anyone tracked, and a dim
 * `—` when there is neither: every recognised row shows that Stint sees it, without shouting.
 */
export function badgeView(figures: BadgeFigures): BadgeView {
  const view = figuresView(figures);
  const risk = figures.risk;
  if (!risk || typeof risk.reason !== 'string') return view;
  const icon = RISK_ICONS[risk.severity] ?? '⚠';
  return { text: `${icon} ${view.text}`, tone: risk.severity === 'critical' ? 'over' : view.tone === 'empty' ? 'tracked' : view.tone, title: `${view.title}\n${icon} ${risk.reason.slice(0, 500)}` };
}

function figuresView(figures: BadgeFigures): BadgeView {
  const tracked = seconds(figures.trackedSeconds);
  const own = seconds(figures.ownSeconds);
  const estimate = figures.estimateSeconds === null ? null : seconds(figures.estimateSeconds);
  if (tracked === 0 && estimate === null) return { text: '—', tone: 'empty', title: t('badge.none') };
  const spent = own > 0 && own < tracked
    ? t('badge.trackedWithOwn', { tracked: badgeDuration(tracked), own: badgeDuration(own) })
    : t('badge.tracked', { tracked: badgeDuration(tracked) });
  if (estimate === null) return { text: badgeDuration(tracked), tone: 'tracked', title: t('badge.noEstimate', { spent }) };
  return {
    text: `${badgeDuration(tracked)} / ${badgeDuration(estimate)}`,
    tone: tracked > estimate ? 'over' : 'tracked',
    title: t('badge.ofEstimate', { spent, estimate: badgeDuration(estimate) }),
  };
}

// Lean, as the timer's host: only the inherited properties a title would pass into the shadow tree are reset.
const STYLE = `
:host { display: inline-block; vertical-align: middle; margin-inline-start: 6px; color-scheme: light dark;
  font-size: 12px; font-weight: 500; font-style: normal; line-height: 18px; letter-spacing: normal; word-spacing: normal;
  text-transform: none; text-indent: 0; text-decoration: none; white-space: nowrap; visibility: visible;
  --fg: #3730a3; --bg: #eef2ff; --border: #c7d2fe; --dim: #6b7280; --over-fg: #991b1b; --over-bg: #fef2f2; --over-border: #fecaca; }
:host([data-theme="dark"]) { --fg: #c7d2fe; --bg: #1e1b4b; --border: #3730a3; --dim: #9ca3af; --over-fg: #fecaca; --over-bg: #450a0a; --over-border: #7f1d1d; }
:host([data-placement="card"]) { display: block; width: fit-content; margin: 4px 0 0; }
span { display: inline-block; padding: 0 6px; border-radius: 999px; border: 1px solid var(--border); background: var(--bg);
  color: var(--fg); font-variant-numeric: tabular-nums; cursor: default; }
span[data-tone="empty"] { border-color: transparent; background: none; color: var(--dim); padding: 0 2px; }
span[data-tone="over"] { border-color: var(--over-border); background: var(--over-bg); color: var(--over-fg); }
`;

// One constructed sheet per document, adopted by every badge's shadow root (a hundred rows, one parsed stylesheet).
const sheets = new WeakMap<Document, CSSStyleSheet | null>();

function sharedSheet(doc: Document): CSSStyleSheet | null {
  if (sheets.has(doc)) return sheets.get(doc) ?? null;
  let sheet: CSSStyleSheet | null = null;
  try {
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(STYLE);
  } catch {
    sheet = null; // No constructable stylesheets (or not from this world): each root gets a <style> instead.
  }
  sheets.set(doc, sheet);
  return sheet;
}

function adoptStyle(doc: Document, root: ShadowRoot): void {
  const sheet = sharedSheet(doc);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch {
      // Firefox content scripts may refuse a sheet from their own compartment: fall through.
    }
  }
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
}

export interface Badge {
  readonly host: HTMLElement;
  show(figures: BadgeFigures): void;
  setTheme(dark: boolean): void;
}

/** A badge host with an open shadow root holding one text span; `show` writes text and attributes only, never markup. */
export function createBadge(doc: Document, key: string, placement: 'inline' | 'card'): Badge {
  const host = doc.createElement(BADGE_TAG);
  host.dataset.stintItem = key;
  host.dataset.placement = placement;
  const root = host.attachShadow({ mode: 'open' });
  adoptStyle(doc, root);
  const label = doc.createElement('span');
  root.append(label);
  return {
    host,
    show(figures) {
      const view = badgeView(figures);
      if (label.textContent !== view.text) label.textContent = view.text;
      label.dataset.tone = view.tone;
      label.title = view.title;
    },
    setTheme(dark) {
      const theme = dark ? 'dark' : 'light';
      if (host.dataset.theme !== theme) host.dataset.theme = theme;
    },
  };
}
