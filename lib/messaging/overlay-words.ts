/** Which messages are the overlay's (content scripts get these words from the background, see lib/overlay/words.ts). */
export const OVERLAY_WORD_PREFIXES = ['overlay.', 'badge.', 'container.', 'risk.'] as const;

/**
 * The overlay's words from a built message catalogue's names (`overlay_start`: the key with `.` written as `_`) and a
 * `getMessage` in the person's language.
 */
export function overlayWordsOf(names: Iterable<string>, getMessage: (name: string) => string): Record<string, string> {
  const words: Record<string, string> = {};
  for (const name of names) {
    const key = name.replaceAll('_', '.');
    if (OVERLAY_WORD_PREFIXES.some((prefix) => key.startsWith(prefix))) words[key] = getMessage(name);
  }
  return words;
}
