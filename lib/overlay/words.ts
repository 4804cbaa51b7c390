import type { GeneratedI18nStructure } from '#i18n';
import { CONTAINER_NAME_KEYS, keyIn, RISK_NAME_KEYS, type OVERLAY_WORD_PREFIXES } from '../messaging/overlay-words';

/**
 * The overlay's words, in the person's language, handed over by the background with the first answer a page gets
 * (`item.state`, `items.badges`). Content scripts never call `browser.i18n.getMessage`: its first call in a page loads
 * the extension's whole message bundle over a synchronous IPC, measured at 10–14 ms of script time on every page load
 * (the content scripts' own script time went from ~6 to ~19 ms). Until the words arrive, text is empty (the ▶ / ■
 * icons show), never a raw key.
 */

type Keys = Extract<keyof GeneratedI18nStructure, string>;
export type OverlayKey = Extract<Keys, `${(typeof OVERLAY_WORD_PREFIXES)[number]}${string}`>;

let words: Readonly<Record<string, string>> = {};

export function setOverlayWords(next: Readonly<Record<string, string>>): void {
  words = next;
}

export function haveOverlayWords(): boolean {
  return Object.keys(words).length > 0;
}

/** A message with its `{named}` substitutions filled (the same format as `lib/i18n.ts`'s `t`). */
export function t(key: OverlayKey, substitutions?: Readonly<Record<string, string | number>>): string {
  const message = words[key] ?? '';
  return substitutions ? message.replace(/\{([A-Za-z0-9_]+)\}/g, (match, name: string) => (Object.prototype.hasOwnProperty.call(substitutions, name) ? String(substitutions[name]) : match)) : message;
}

/** The short name of a risk rule (a chip's words); an unknown rule shows as its code rather than nothing. */
export function riskName(rule: string): string {
  const key = keyIn(RISK_NAME_KEYS, rule);
  return (key && t(key)) || rule;
}

/** What a container is called (Milestone, Sprint …), or null for a kind Stint has no word for. */
export function containerName(kind: string): string | null {
  const key = keyIn(CONTAINER_NAME_KEYS, kind);
  return key ? t(key) || null : null;
}
