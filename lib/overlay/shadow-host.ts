/** The element Stint owns on a page: a custom tag with an open shadow root, so page styles cannot leak in. */
export const HOST_TAG = 'stint-overlay';

/**
 * Text colours of budget levels and risk severities, chosen for WCAG AA (≥ 4.5 : 1) on the three sites' light and dark
 * page backgrounds (tested); the percent and the chip's words carry the meaning, the colour only repeats it.
 */
export const LEVEL_COLOURS = {
  light: { watch: '#92400e', warn: '#9a3412', over: '#b91c1c' },
  dark: { watch: '#fcd34d', warn: '#fdba74', over: '#fca5a5' },
} as const;

// Lean on purpose: no `all:` resets (they make the browser resolve every property) and no font family of our own
// (the page's is already loaded; a new family costs a font lookup): only the inherited properties a title would
// otherwise pass into the shadow tree are reset.
const STYLE = `
:host { display: inline-flex; vertical-align: middle; margin-inline-start: 8px; color-scheme: light dark;
  font-size: 12px; font-weight: 500; font-style: normal; line-height: 20px; letter-spacing: normal; word-spacing: normal;
  text-transform: none; text-indent: 0; text-decoration: none; white-space: nowrap; visibility: visible;
  --bg: #eef2ff; --fg: #1e1b4b; --border: #c7d2fe; --run-bg: #4f46e5; --run-fg: #ffffff; --muted: #4b5563; color: var(--muted); }
:host([data-theme="dark"]) { --bg: #1e1b4b; --fg: #e0e7ff; --border: #4338ca; --run-bg: #818cf8; --run-fg: #0b0b1a; --muted: #c7d2fe; }
:host([data-floating]) { position: fixed; inset-block-end: 16px; inset-inline-end: 16px; z-index: 2147483000; margin: 0; }
.timer { display: inline-flex; align-items: center; gap: 6px; }
button { appearance: none; margin: 0; display: inline-flex; align-items: center; gap: 6px; min-height: 24px; padding: 2px 10px;
  border-radius: 999px; cursor: pointer; font: inherit; background: var(--bg); color: var(--fg); border: 1px solid var(--border);
  font-variant-numeric: tabular-nums; }
button[aria-pressed="true"] { background: var(--run-bg); color: var(--run-fg); border-color: var(--run-bg); }
button:focus-visible { outline: 2px solid var(--run-bg); outline-offset: 2px; }
button[aria-busy="true"] { opacity: .7; cursor: progress; }
:host([data-floating]) .timer { padding: 4px; border-radius: 999px; background: var(--bg); box-shadow: 0 2px 8px rgb(0 0 0 / 25%); }
.total { font-variant-numeric: tabular-nums; }
/* Budget levels and risk severities: see LEVEL_COLOURS. */
.plan:empty { display: none; } .plan { padding: 0 6px; border: 1px solid var(--border); border-radius: 4px; cursor: help; }
[data-level="watch"] { color: ${LEVEL_COLOURS.light.watch}; } [data-level="warn"] { color: ${LEVEL_COLOURS.light.warn}; font-weight: 600; }
[data-level="over"], .risk[data-severity="critical"] { color: ${LEVEL_COLOURS.light.over}; font-weight: 600; }
.risks { display: inline-flex; gap: 4px; } .risks:empty { display: none; }
.risk { padding: 0 6px; border: 1px solid currentColor; border-radius: 999px; line-height: 18px; cursor: help; }
.risk[data-severity="warning"] { color: ${LEVEL_COLOURS.light.warn}; } .risk:focus-visible { outline: 2px solid var(--run-bg); outline-offset: 1px; }
:host([data-theme="dark"]) [data-level="watch"] { color: ${LEVEL_COLOURS.dark.watch}; }
:host([data-theme="dark"]) [data-level="warn"], :host([data-theme="dark"]) .risk[data-severity="warning"] { color: ${LEVEL_COLOURS.dark.warn}; }
:host([data-theme="dark"]) [data-level="over"], :host([data-theme="dark"]) .risk[data-severity="critical"] { color: ${LEVEL_COLOURS.dark.over}; }
[data-error] .total { color: #b91c1c; cursor: help; }
.estimate-edit { padding: 2px 6px; min-height: 20px; background: transparent; border-color: transparent; color: var(--muted); }
.estimate-edit:hover { border-color: var(--border); }
.estimate-form { display: inline-flex; align-items: center; gap: 4px; }
.estimate-form[hidden], .estimate-edit[hidden] { display: none; }
input { font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--border); border-radius: 4px; padding: 1px 4px; }
.estimate-error:not(:empty) { color: #b91c1c; }
:host([data-theme="dark"]) .estimate-error:not(:empty) { color: #fca5a5; }
`;

export interface ShadowHost {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
}

export function createShadowHost(doc: Document): ShadowHost {
  const host = doc.createElement(HOST_TAG);
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = STYLE;
  root.append(style);
  return { host, root };
}
