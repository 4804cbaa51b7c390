import { browser } from 'wxt/browser';
import { formatDuration } from '../core/duration';
import type { TimerState } from './timer';
import { t } from '../i18n';

export const BADGE_ALARM = 'stint:badge';

/** The toolbar shows the running timer's elapsed `h:mm`, and its title names the item. An alarm keeps it fresh. */
export async function showTimerOnBadge(state: TimerState, now: number): Promise<void> {
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  if (!state.running) {
    await action.setBadgeText({ text: '' });
    await action.setTitle({ title: t('notice.badgeIdle') });
    await browser.alarms.clear(BADGE_ALARM);
    return;
  }
  const elapsed = formatDuration(Math.floor((now - state.running.start) / 1000), 'clock').split(':').slice(0, 2).join(':');
  await action.setBadgeBackgroundColor({ color: '#4f46e5' });
  await action.setBadgeText({ text: elapsed });
  await action.setTitle({ title: t('notice.badgeRunning', { elapsed, title: state.running.title ?? state.running.itemKey }) });
  if (!(await browser.alarms.get(BADGE_ALARM))) await browser.alarms.create(BADGE_ALARM, { periodInMinutes: 1 });
}
