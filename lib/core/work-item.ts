import type { ItemKind, ProviderKey } from './item-ref';

/** Cached facts about an item, for display and (later) budgets. Provider data refreshes it; pages only add a title. */
export interface WorkItem {
  readonly key: string;
  readonly provider: ProviderKey;
  readonly kind: ItemKind;
  readonly url: string;
  /** Display only: read from the page or the provider, never used for identity. */
  readonly title: string | null;
  readonly updatedAt: number;
}
