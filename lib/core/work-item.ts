import type { ItemKind, ProviderKey } from './item-ref';

/** The container an item is planned in: a milestone (GitHub, GitLab), a sprint or an epic (Jira). */
export interface ItemContainer {
  readonly kind: 'milestone' | 'sprint' | 'epic' | 'iteration';
  readonly id: string;
  readonly title: string;
  readonly startsAt: number | null;
  readonly dueAt: number | null;
}

/**
 * A milestone, sprint or iteration as its provider plans it, kept per project even when no item is in it yet (the
 * timeline's lanes). Jira sprints come from its boards.
 */
export interface PlannedContainer extends ItemContainer {
  /** `jira:acme.atlassian.net/PAY#sprint:4`. */
  readonly key: string;
  readonly projectKey: string;
  readonly state: 'active' | 'future' | 'closed' | null;
  /** When a closed sprint was completed (may differ from its planned end). */
  readonly completedAt: number | null;
}

/**
 * Cached facts about an item, for badges, budgets and the timeline. Provider syncs fill it; pages only add a title.
 * Every provider-filled field is optional: an item first seen on a page has only its identity and title.
 */
export interface WorkItem {
  readonly key: string;
  readonly provider: ProviderKey;
  readonly kind: ItemKind;
  readonly url: string;
  /** Display only: read from the page or the provider, never used for identity. */
  readonly title: string | null;
  readonly updatedAt: number;
  /** `owner/repo`, the GitLab project path, the Jira project key. */
  readonly project?: string;
  readonly state?: 'open' | 'closed' | 'merged';
  readonly labels?: readonly string[];
  readonly assignees?: readonly string[];
  readonly container?: ItemContainer | null;
  /** The provider's (or a label convention's) estimate, in seconds. */
  readonly estimateSeconds?: number | null;
  /**
   * The provider's own total of time spent (GitLab `total_time_spent`, Jira `timespent`), to compare with Stint's sum:
   * a difference is shown, never hidden.
   */
  readonly providerSpentSeconds?: number | null;
  /** What is left to do by the provider's reckoning (Jira's remaining estimate). */
  readonly remainingEstimateSeconds?: number | null;
  /** The provider's status name (Jira: "In Review"); `state` says open or closed. */
  readonly statusName?: string | null;
  /** The item's own due date (epoch ms, start of that day in UTC), where the provider has one. */
  readonly dueAt?: number | null;
  /** The parent or epic (item key), where the provider has one. */
  readonly parentKey?: string | null;
  /** Items this one "is blocked by" (item keys): Jira issue links. */
  readonly blockedBy?: readonly string[];
  /** An estimate the user set in Stint (wins over the provider's when present). */
  readonly localEstimateSeconds?: number | null;
  readonly createdAt?: number;
  readonly closedAt?: number | null;
  /** A pull / merge request: the keys of the issues it says it closes (`Fixes #12`), indexed to find them back. */
  readonly closes?: readonly string[];
  /** The provider's own `updated_at`, for incremental syncs. */
  readonly remoteUpdatedAt?: number;
  /** Why the provider's payload for this item could not be read, if it could not (the sync goes on). */
  readonly syncError?: string | null;
}

/** The estimate that counts: the user's own when set, otherwise the provider's. */
export function effectiveEstimate(item: Pick<WorkItem, 'estimateSeconds' | 'localEstimateSeconds'> | undefined): number | null {
  return item?.localEstimateSeconds ?? item?.estimateSeconds ?? null;
}
