import { formatDuration } from '@/lib/core/duration';
import type { DashboardData, TodayEntry } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

const seconds = (e: TodayEntry, now: number) => Math.max(0, Math.floor(((e.end ?? now) - e.start) / 1000));

/** Today and this week at a glance: the person's own time (a running timer counts up to now) and the team's. */
export function WeekTotals({ data, now }: { readonly data: DashboardData; readonly now: number }) {
  const today = data.todayEntries.reduce((sum, e) => sum + seconds(e, now), 0);
  const running = data.todayEntries.find((e) => e.end === null);
  const week = data.week.ownSeconds + (running ? seconds(running, now) : 0);
  return (
    <section className="card totals" aria-labelledby="totals-title">
      <h2 id="totals-title" className="visually-hidden">{t('popup.timeLogged')}</h2>
      <dl>
        <dt>{t('popup.today')}</dt>
        <dd data-testid="today-own">{formatDuration(today)}</dd>
        <dt>{t('popup.thisWeek')}</dt>
        <dd data-testid="week-own">{formatDuration(week)}</dd>
        {data.week.teamSeconds > 0 ? (
          <>
            <dt>{t('popup.teamThisWeek')}</dt>
            <dd data-testid="week-team">{formatDuration(data.week.teamSeconds)}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
