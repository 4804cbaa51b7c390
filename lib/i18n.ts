import { createI18n } from '@wxt-dev/i18n';
// Only the generated key types come from WXT's `#i18n` alias: code that plain Node imports (e2e helpers) still loads.
import type { GeneratedI18nStructure } from '#i18n';
import { CONTAINER_NAME_KEYS, keyIn, RISK_NAME_KEYS } from './messaging/overlay-words';

/**
 * Every word a person reads goes through `t`: WXT's typed wrapper over `browser.i18n.getMessage`, with the messages of
 * `locales/<lang>.yml` (the browser picks the language; English fills any gap). Keys are checked by the compiler;
 * substitutions are named (`t('overlay.stopTimer', { elapsed })`). Nothing here runs at import time.
 */
export const t = createI18n<GeneratedI18nStructure>().t;

type Structure = GeneratedI18nStructure;

/** A key whose message takes no substitutions, for tables that map a code (a risk rule, a level) to its words. */
export type PlainKey = {
  [K in keyof Structure]: Structure[K] extends { namedSubstitutions: readonly string[] } ? never : Structure[K] extends { substitutions: 0; plural: false } ? K : never;
}[keyof Structure];

/** The short name of a risk rule (a chip's words); an unknown rule shows as its code rather than nothing. */
export function riskName(rule: string): string {
  const key = keyIn(RISK_NAME_KEYS, rule);
  return key ? t(key) : rule;
}

/** What a container is called (Milestone, Sprint …), or null for a kind Stint has no word for. */
export function containerName(kind: string): string | null {
  const key = keyIn(CONTAINER_NAME_KEYS, kind);
  return key ? t(key) : null;
}
