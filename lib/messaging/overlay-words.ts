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

/** The message of each risk rule's short name (a chip's words), for the overlay and Stint's pages alike. */
export const RISK_NAME_KEYS = {
  'over-budget': 'risk.overBudget',
  'forecast-overrun': 'risk.forecastOverrun',
  overdue: 'risk.overdue',
  'due-soon': 'risk.dueSoon',
  stale: 'risk.stale',
  'no-estimate': 'risk.noEstimate',
  'over-estimate': 'risk.overEstimate',
  blocked: 'risk.blocked',
  'scope-creep': 'risk.scopeCreep',
  'timer-running': 'risk.timerRunning',
  'unassigned-near-due': 'risk.unassignedNearDue',
  'over-capacity': 'risk.overCapacity',
} as const;

/** The message naming each kind of container (Milestone, Sprint …). */
export const CONTAINER_NAME_KEYS = { milestone: 'container.milestone', sprint: 'container.sprint', epic: 'container.epic', iteration: 'container.iteration' } as const;

/** A key of one of these tables, looked up by a string from data (an unknown one is undefined). */
export function keyIn<T extends Record<string, string>>(table: T, name: string): T[keyof T] | undefined {
  return Object.prototype.hasOwnProperty.call(table, name) ? table[name as keyof T] : undefined;
}
