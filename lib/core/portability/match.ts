import { ENGLISH_IMPORT_WORDS, type ImportWords } from './import-words';

/** Finding the item a CSV row is about, from an issue URL or a Jira key in its text. */

export interface MatchContext {
  /** The item key a URL names, by the providers' own URL matchers (passed in: core knows no provider). */
  readonly itemKeyOfUrl: (url: string) => string | null;
  /** The Jira projects Stint knows: a bare key like `PAY-12` names an item only in one of these. */
  readonly jiraProjects: readonly { readonly host: string; readonly project: string }[];
  /** The reasons' words; English when absent. */
  readonly words?: ImportWords;
}

export type ItemMatch = { readonly itemKey: string; readonly url: string | null } | { readonly itemKey: null; readonly reason: string };

const URLS = /https?:\/\/[^\s<>"'`]+/g;
const JIRA_KEYS = /(?<![A-Za-z0-9_-])([A-Z][A-Z0-9_]{1,9})-([1-9]\d{0,8})(?![A-Za-z0-9_-])/g;

/** Trailing punctuation that ends a sentence rather than the URL (`see https://…/12.`). */
const trimUrl = (url: string) => url.replace(/[.,;:!?)\]]+$/, '');

/**
 * The first issue URL in the texts that a provider recognises, else the first Jira key of a known project. A key whose
 * project exists on two Jira sites is ambiguous and matches nothing (the reason says so) rather than a guess.
 */
export function findItem(texts: readonly string[], context: MatchContext): ItemMatch {
  for (const text of texts) {
    for (const found of text.matchAll(URLS)) {
      const url = trimUrl(found[0]);
      const itemKey = context.itemKeyOfUrl(url);
      if (itemKey) return { itemKey, url };
    }
  }
  let ambiguous: string | null = null;
  for (const text of texts) {
    for (const found of text.matchAll(JIRA_KEYS)) {
      const project = found[1] ?? '';
      const hosts = [...new Set(context.jiraProjects.filter((p) => p.project.toUpperCase() === project).map((p) => p.host.toLowerCase()))];
      if (hosts.length === 1) return { itemKey: `jira:${hosts[0]}/${found[0]}`, url: `https://${hosts[0]}/browse/${found[0]}` };
      if (hosts.length > 1) ambiguous ??= (context.words ?? ENGLISH_IMPORT_WORDS).ambiguous(found[0], hosts);
    }
  }
  return { itemKey: null, reason: ambiguous ?? (context.words ?? ENGLISH_IMPORT_WORDS).noItem };
}
