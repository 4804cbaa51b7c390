import { browser } from 'wxt/browser';
import { localMoment, reminderDue } from '@/lib/core/reminder';
import { database } from '@/lib/db/open';
import { recentItems } from '@/lib/services/dashboard';
import { startTimerFor, timerState, type Clock } from '@/lib/services/timer';
import { readReminders, remindersSetting } from '@/lib/settings/reminders';
import { readTimerRules } from '@/lib/settings/timer-rules';
import { workWeekSetting } from '@/lib/settings/work-week';
import { t } from '@/lib/i18n';

export const REMINDER_ALARM = 'stint:reminder';
const NOTICE = 'stint:reminder';
const LAST_KEY = 'reminder.lastAt';
const ITEM_KEY = 'reminder.itemKey';
const ICON = 'icon/128.png';

/**
 * A nudge when no timer runs during working hours (off by default; Settings → Reminders): a notification that can
 * start the item worked on last. Checked every five minutes by an alarm; at most one per the chosen interval, never
 * while the person is away from the machine.
 */
export function registerReminders(clock: Clock, afterTimerChange: () => Promise<void>): () => Promise<void> {
  // The alarm exists only while reminders are on; it is not re-created on every wake (that would restart its period).
  const keepAlarm = async () => {
    const on = (await readReminders()).enabled;
    const existing = await browser.alarms.get(REMINDER_ALARM);
    if (on && !existing) await browser.alarms.create(REMINDER_ALARM, { periodInMinutes: 5 });
    if (!on && existing) await browser.alarms.clear(REMINDER_ALARM);
  };
  void keepAlarm();
  remindersSetting.watch(() => void keepAlarm());
  const check = async () => {
    const settings = await readReminders();
    if (!settings.enabled) return;
    const db = await database();
    const now = clock.now();
    const [state, week, rules, stored] = await Promise.all([timerState(db), workWeekSetting.getValue(), readTimerRules(), browser.storage.session.get(LAST_KEY)]);
    const idle = await browser.idle.queryState(rules.idle.thresholdMinutes * 60);
    const lastAt = typeof stored[LAST_KEY] === 'number' ? stored[LAST_KEY] : null;
    const facts = { ...settings, daysPerWeek: week.daysPerWeek, timerRunning: state.running !== null, away: idle !== 'active', lastRemindedAt: lastAt };
    if (!reminderDue(localMoment(now, Intl.DateTimeFormat().resolvedOptions().timeZone), facts)) return;
    const [recent] = await recentItems(db, now);
    // Kept in session storage: the worker may be stopped before the person clicks.
    await browser.storage.session.set({ [LAST_KEY]: now, [ITEM_KEY]: recent?.key ?? null });
    await browser.notifications.create(NOTICE, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(`/${ICON}`),
      title: t('notice.reminderTitle'),
      message: recent ? t('notice.reminderBackOn', { title: (recent.title ?? recent.key).slice(0, 80) }) : t('notice.reminderStart'),
      buttons: recent ? [{ title: t('notice.reminderStartIt') }] : [],
    });
  };
  browser.notifications.onButtonClicked.addListener((id, index) => {
    if (id !== NOTICE || index !== 0) return;
    void (async () => {
      const itemKey = (await browser.storage.session.get(ITEM_KEY))[ITEM_KEY];
      if (typeof itemKey !== 'string') return;
      await startTimerFor(await database(), clock, itemKey);
      await browser.notifications.clear(id);
      await afterTimerChange();
    })();
  });
  return () => check().catch(() => undefined); // a missed nudge is only a nudge
}
