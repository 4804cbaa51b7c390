import { resolve } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';

export type ChromeMessages = Record<string, { message: string }>;

/** A locale's messages exactly as the build writes them to `_locales/<lang>/messages.json`. */
export async function loadMessages(locale: string): Promise<ChromeMessages> {
  const parsed = await parseMessagesFile(resolve(import.meta.dirname, `../../locales/${locale}.yml`));
  return generateChromeMessages(parsed);
}

/**
 * `browser.i18n.getMessage` as Chrome answers it for simple messages: '' for an unknown name, `$1`…`$9` replaced by
 * the positional substitutions, `$$` a literal dollar. WXT's fake browser leaves getMessage unimplemented (it throws).
 */
export function getMessageFrom(messages: ChromeMessages) {
  return (name: string, substitutions?: string | (string | number)[]): string => {
    const entry = messages[name];
    if (!entry) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return entry.message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : String(subs[Number(which) - 1] ?? '')));
  };
}
