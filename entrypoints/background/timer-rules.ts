import { browser } from 'wxt/browser';
import { formatDuration } from '@/lib/core/duration';
import type { AwayPeriod } from '@/lib/core/idle';
import { database } from '@/lib/db/open';
import { heartbeat, noteAwayStart, noteReturn, resolvePendingAway } from '@/lib/services/away';
import { autoStopAtEndOfDay, longTimerToReport } from '@/lib/services/limits';
import { advancePomodoro } from '@/lib/services/pomodoro';
import { stopRunningTimer, type Clock } from '@/lib/services/timer';
import { readTimerRules, timerRulesSetting } from '@/lib/settings/timer-rules';
import { t } from '@/lib/i18n';

const AWAY_NOTICE = 'stint:away';
const POMODORO_NOTICE = 'stint:pomodoro';
export const POMODORO_ALARM = 'stint:pomodoro';
const LONG_NOTICE = 'stint:long-timer';
const ICON = 'icon/128.png';

export interface TimerRulesHooks {
  /** Called by the badge alarm every minute while a timer runs (sleep shows up there as a gap between ticks). */
  readonly minuteTick: () => Promise<void>;
  /** Brings the Pomodoro cycle up to date; called before every timer change is published and on its own alarm. */
  readonly syncPomodoro: () => Promise<void>;
}

/** Idle / locked / asleep detection, the long-timer notice, the end-of-day stop and Pomodoro cycles. */
export function registerTimerRules(clock: Clock, afterTimerChange: () => Promise<void>): TimerRulesHooks {
  const applyThreshold = async () => browser.idle.setDetectionInterval((await readTimerRules()).idle.thresholdMinutes * 60);
  void applyThreshold();
  timerRulesSetting.watch(() => void applyThreshold());

  const decide = async (away: AwayPeriod) => {
    const { idle } = await readTimerRules();
    if (idle.onReturn !== 'ask') {
      await resolvePendingAway(await database(), clock, idle.onReturn);
      await afterTimerChange();
      return;
    }
    await browser.notifications.create(AWAY_NOTICE, {
      type: 'basic',
      iconUrl: browser.runtime.getURL(`/${ICON}`),
      title: t('notice.awayTitle', { duration: formatDuration(Math.floor((away.until - away.since) / 1000)) }),
      message: t('notice.awayMessage'),
      buttons: [{ title: t('notice.awayDiscard') }, { title: t('notice.awayKeep') }],
      requireInteraction: true,
    });
  };

  browser.idle.onStateChanged.addListener((state) => {
    void (async () => {
      const db = await database();
      const now = clock.now();
      if (state === 'idle') await noteAwayStart(db, now - (await readTimerRules()).idle.thresholdMinutes * 60_000);
      else if (state === 'locked') await noteAwayStart(db, now);
      else {
        const away = await noteReturn(db, now);
        if (away) await decide(away);
      }
    })();
  });

  browser.notifications.onButtonClicked.addListener((id, index) => {
    void (async () => {
      const db = await database();
      if (id === AWAY_NOTICE) await resolvePendingAway(db, clock, index === 0 ? 'discard' : 'keep');
      else if (id === LONG_NOTICE && index === 0) await stopRunningTimer(db, clock);
      else return;
      await browser.notifications.clear(id);
      await afterTimerChange();
    })();
  });

  const syncPomodoro = async () => {
    const { pomodoro } = await readTimerRules();
    const { state, switchedTo } = await advancePomodoro(await database(), clock, pomodoro.enabled ? pomodoro : null);
    if (state) await browser.alarms.create(POMODORO_ALARM, { when: state.endsAt });
    else await browser.alarms.clear(POMODORO_ALARM);
    if (switchedTo) {
      await browser.notifications.create(POMODORO_NOTICE, {
        type: 'basic',
        iconUrl: browser.runtime.getURL(`/${ICON}`),
        title: switchedTo === 'break' ? t('notice.breakTitle', { minutes: pomodoro.breakMinutes }) : t('notice.focusTitle', { minutes: pomodoro.focusMinutes }),
        message: switchedTo === 'break' ? t('notice.breakMessage') : t('notice.focusMessage'),
      });
    }
  };

  const minuteTick = async () => {
    const db = await database();
    const now = clock.now();
    const rules = await readTimerRules();
    const slept = await heartbeat(db, now, rules.idle.thresholdMinutes * 60_000);
    if (slept) await decide(slept);
    if (rules.autoStopAt && (await autoStopAtEndOfDay(db, now, rules.autoStopAt))) await afterTimerChange();
    const long = await longTimerToReport(db, now, rules.longTimerHours * 3600);
    if (long) {
      await browser.notifications.create(LONG_NOTICE, {
        type: 'basic',
        iconUrl: browser.runtime.getURL(`/${ICON}`),
        title: t('notice.longTitle', { hours: rules.longTimerHours }),
        message: t('notice.longMessage'),
        buttons: [{ title: t('notice.longStop') }],
        requireInteraction: true,
      });
    }
  };
  return { minuteTick, syncPomodoro };
}
