/**
 * The one message the background sends to content scripts (`tabs.sendMessage`): the timer changed somewhere, ask
 * again. It carries no data, so a content script never has to trust anything but its own request's answer.
 * (Kept apart from protocol.ts, whose zod schemas must never reach a content script bundle.)
 */
export const TIMER_CHANGED = 'stint:timer-changed';
