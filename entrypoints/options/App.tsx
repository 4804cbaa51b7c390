import { useEffect, useId, useState, type FormEvent } from 'react';
import { BudgetsSettings } from '@/components/BudgetsPanel';
import { ConnectionsPanel } from '@/components/ConnectionsPanel';
import { DataSettings } from '@/components/DataPanel';
import { EstimateLabelsForm } from '@/components/EstimateLabelsForm';
import { SyncPanel } from '@/components/SyncPanel';
import { RemindersForm } from '@/components/RemindersForm';
import { RiskRulesForm } from '@/components/RiskRulesForm';
import { TimerRulesForm } from '@/components/TimerRulesForm';
import type { EstimateLabelConvention } from '@/lib/core/estimate-labels';
import { estimateLabelsSetting, readEstimateLabels } from '@/lib/settings/estimate-labels';
import { readReminders, remindersSetting, type Reminders } from '@/lib/settings/reminders';
import { readRiskRules, riskRulesSetting, type RiskRules } from '@/lib/settings/risk-rules';
import { readTimerRules, timerRulesSetting, type TimerRules } from '@/lib/settings/timer-rules';
import { DEFAULT_WORK_WEEK, WorkWeek, workWeekSetting } from '@/lib/settings/work-week';
import { t } from '@/lib/i18n';

/** Settings (first version): the working week that Jira-style durations (`1d`, `1w`) and forecasts use. */
export function App() {
  const [value, setValue] = useState<WorkWeek | null>(null);
  const [rules, setRules] = useState<TimerRules | null>(null);
  const [labels, setLabels] = useState<EstimateLabelConvention | null>(null);
  const [reminders, setReminders] = useState<Reminders | null>(null);
  const [riskRules, setRiskRules] = useState<RiskRules | null>(null);
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const hoursId = useId();
  const daysId = useId();
  useEffect(() => {
    void workWeekSetting.getValue().then(setValue);
    void readTimerRules().then(setRules);
    void readEstimateLabels().then(setLabels);
    void readReminders().then(setReminders);
    void readRiskRules().then(setRiskRules);
  }, []);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = WorkWeek.safeParse({ hoursPerDay: Number(form.get('hoursPerDay')), daysPerWeek: Number(form.get('daysPerWeek')) });
    if (!parsed.success) {
      setStatus({ kind: 'error', text: t('options.workWeekInvalid') });
      return;
    }
    await workWeekSetting.setValue(parsed.data);
    setValue(parsed.data);
    setStatus({ kind: 'saved', text: t('options.saved') });
  };

  if (!value || !rules || !labels || !reminders || !riskRules) return <main aria-busy="true">{t('options.loading')}</main>;
  return (
    <main>
      <h1>{t('options.title')}</h1>
      <nav aria-label={t('popup.pages')}>
        <a href="timesheet.html" target="_blank" rel="noreferrer">{t('popup.timesheet')}</a>
        <a href="report.html" target="_blank" rel="noreferrer">{t('popup.report')}</a>
      </nav>
      <ConnectionsPanel />
      <SyncPanel />
      <BudgetsSettings />
      <DataSettings />
      {/* noValidate: our own message (role=alert) stays on screen and is read out; native bubbles vanish. */}
      <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="work-week-title">
        <h2 id="work-week-title">{t('options.workWeek')}</h2>
        <label htmlFor={hoursId}>
          {t('options.hoursPerDay')}
          <input id={hoursId} name="hoursPerDay" type="number" min={1} max={24} step={0.5} defaultValue={value.hoursPerDay} />
        </label>
        <label htmlFor={daysId}>
          {t('options.daysPerWeek')}
          <input id={daysId} name="daysPerWeek" type="number" min={1} max={7} step={1} defaultValue={value.daysPerWeek} />
        </label>
        <p>
          {t('options.workWeekUsedFor')} <code>1d</code> {t('options.and')} <code>1w</code>{' '}
          {t('options.workWeekDefault', { hours: DEFAULT_WORK_WEEK.hoursPerDay, days: DEFAULT_WORK_WEEK.daysPerWeek })}
        </p>
        <button type="submit">{t('options.save')}</button>
        {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
      </form>
      <TimerRulesForm value={rules} onSave={(next) => timerRulesSetting.setValue(next)} />
      <RemindersForm value={reminders} onSave={(next) => remindersSetting.setValue(next)} />
      <RiskRulesForm value={riskRules} onSave={(next) => riskRulesSetting.setValue(next)} />
      <EstimateLabelsForm value={labels} week={value} onSave={(next) => estimateLabelsSetting.setValue(next)} />
    </main>
  );
}
