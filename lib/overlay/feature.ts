import type { PageMatch, ProviderPage } from '../providers/types';

/** What a feature gets for one page: where it is, the host's theme, and its lifetime. */
export interface FeatureContext {
  readonly page: ProviderPage;
  readonly match: PageMatch;
  /** Aborted when the page changes (SPA navigation to another item or list) or the content script is invalidated. */
  readonly signal: AbortSignal;
  /** Whether the host page is dark now; `onThemeChange` calls back when it switches. */
  readonly isDark: () => boolean;
  readonly onThemeChange: (callback: (dark: boolean) => void, signal: AbortSignal) => void;
}

/** One piece of the overlay (the item timer; list badges and board badges later), registered with the runtime. */
export interface OverlayFeature {
  readonly name: string;
  applies(match: PageMatch): boolean;
  /**
   * What about the page this feature depends on: it is restarted only when this changes. The item timer depends on
   * the item; list badges on the list, not on the item a drawer shows over it (opening a card must not redraw rows).
   */
  identity(match: PageMatch): string;
  start(context: FeatureContext): void;
}
