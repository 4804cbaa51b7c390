import type { Connection } from '../core/connection';
import type { WorkWeek } from '../core/duration';
import type { RemoteRef, TimeEntry } from '../core/entry';
import type { EstimateLabelConvention } from '../core/estimate-labels';
import type { ReportBodies } from '../core/status-report';
import type { ItemRef, ProviderKey } from '../core/item-ref';
import type { SyncScopeState, TrackedProject } from '../core/sync';
import type { PlannedContainer, WorkItem } from '../core/work-item';

export type { ItemRef, ProviderKey };

/**
 * What a URL is on a provider. Each URL is claimed by at most one kind (cross-matrix tested), and item pages carry the
 * item's identity, derived from the URL alone.
 */
export type PageMatch =
  | { readonly kind: 'item'; readonly item: ItemRef }
  /** A list; `item` is set when the list shows one item in a drawer or side panel (GitLab `?show=`, Jira `?selectedIssue=`). */
  | { readonly kind: 'list'; readonly host: string; readonly project: string | null; readonly list: ListKind; readonly item: ItemRef | null }
  | { readonly kind: 'board'; readonly host: string; readonly project: string | null; readonly item: ItemRef | null };

export type ListKind = 'issues' | 'pulls' | 'merge_requests' | 'search';

/**
 * One anchor on a page: CSS selectors tried in order, newest UI generation first. Each entry in a provider's
 * `selectors.ts` carries a comment naming the UI generation and the evidence (the site's open source or a maintained
 * extension) it comes from, and the page fixture that proves it.
 */
export type SelectorList = readonly string[];

export interface ProviderSelectors {
  /** The item page's title: the timer button is mounted right after the first match. */
  readonly itemTitle: SelectorList;
  /** Every row of an issue / PR / MR list. */
  readonly listRow: SelectorList;
  /** Inside a row: the link whose `href` identifies the row's item (identity from the URL, never from text). */
  readonly listRowLink: SelectorList;
  /** Cards on a board (GitHub Projects, GitLab boards, Jira boards); empty when the provider has none we support yet. */
  readonly boardCard: SelectorList;
  /** Inside a card: the link or attribute carrier that identifies the card's item. */
  readonly boardCardLink: SelectorList;
  /**
   * Rows of a board shown as a table or list on the same URL kind as the board (GitHub Projects' table layout, Jira's
   * backlog); badged inline, after the row's link.
   */
  readonly tableRow: SelectorList;
  /** Inside a table row: the link whose `href` identifies the row's item (its title, or Jira's key). */
  readonly tableRowLink: SelectorList;
}

/** The pure part of a provider that content scripts need: URL recognition and where things are on its pages. */
export interface ProviderPage {
  readonly key: ProviderKey;
  matchPage(url: URL): PageMatch | null;
  readonly selectors: ProviderSelectors;
}

/** What a sync of one project needs to know, besides the network. */
export interface PullContext {
  readonly connection: Connection;
  readonly token: string;
  readonly project: TrackedProject;
  /** The stored state of each scope the adapter uses (ETag, cursor), by scope name. */
  readonly scopes: ReadonlyMap<string, SyncScopeState>;
  readonly now: number;
  readonly week: WorkWeek;
  readonly estimateLabels: EstimateLabelConvention;
}

export interface PullResult {
  /** Items read (new or changed); `syncError` set on those whose payload could not be read. */
  readonly items: WorkItem[];
  /** The team's time read back from the provider (any author), keyed by the entry ids carried in the remote records. */
  readonly teamEntries: TimeEntry[];
  /**
   * Items whose complete remote time is in `teamEntries`: any earlier team entry of theirs from this provider that is
   * not there any more was deleted remotely, and goes here too.
   */
  readonly replacedItems?: string[];
  /** The project's milestones / sprints read (new or changed), whether or not an item is planned in them yet. */
  readonly containers?: PlannedContainer[];
  /** Team entries whose remote record the provider says was deleted (Jira's deleted-worklog feed). */
  readonly removedEntries?: string[];
  /** The new state of each scope read. */
  readonly scopes: SyncScopeState[];
}

export interface PushContext {
  readonly connection: Connection;
  readonly token: string;
  readonly entry: TimeEntry;
  /** Whether an earlier attempt may have written already (its answer was lost): look before writing again. */
  readonly mayExist: boolean;
}

export interface EstimateContext {
  readonly connection: Connection;
  readonly token: string;
  readonly itemKey: string;
  readonly seconds: number | null;
}

/** A status report to post as a comment on one item (GitHub issue / PR, GitLab issue / MR, Jira issue). */
export interface ReportContext {
  readonly connection: Connection;
  readonly token: string;
  readonly itemKey: string;
  /** Carried by the comment (a hidden marker, or a Jira comment property) so a retry finds it instead of posting twice. */
  readonly reportId: string;
  readonly bodies: ReportBodies;
}

/**
 * A provider's part in the sync engine (lib/services/sync): read a project's items and the team's time, and make one
 * entry's remote record exist, match, or disappear — idempotently (each remote record carries the entry id).
 */
export interface SyncAdapter {
  /** The sync scopes (cursors, ETags) a project of this provider keeps, by name. */
  scopes(projectKey: string): string[];
  pull(context: PullContext): Promise<PullResult>;
  /** Create or update the entry's record; returns where it lives now. */
  push(context: PushContext): Promise<RemoteRef>;
  /** Remove the entry's record if it exists. */
  remove(context: PushContext): Promise<void>;
  /** Set the item's estimate in the provider (null clears it); absent where the provider has none (GitHub). */
  setEstimate?(context: EstimateContext): Promise<void>;
  /** Post a status report as a comment, once: a comment carrying the report's id already there is taken as posted. */
  postReport?(context: ReportContext): Promise<{ readonly commentId: string }>;
}
