import { useId, useState, type FormEvent } from 'react';
import { TimerRules } from '@/lib/settings/timer-rules';
import { t, type PlainKey } from '@/lib/i18n';

export interface TimerRulesFormProps {
  readonly value: TimerRules;
  readonly onSave: (rules: TimerRules) => Promise<void>;
}

const ON_RETURN: Record<TimerRules['idle']['onReturn'], PlainKey> = {
  ask: 'options.onReturnAsk',
  keep: 'options.onReturnKeep',
  discard: 'options.onReturnDiscard',
  'discard-and-stop': 'options.onReturnDiscardStop',
};

/** Idle threshold and what happens on return, the long-timer notice, and the end-of-day stop. */
export function TimerRulesForm({ value, onSave }: TimerRulesFormProps) {
  const ids = { threshold: useId(), onReturn: useId(), long: useId(), autoStop: useId(), pomodoro: useId(), focus: useId(), rest: useId() };
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const autoStopField = form.get('autoStopAt');
    const autoStop = typeof autoStopField === 'string' ? autoStopField : '';
    const parsed = TimerRules.safeParse({
      idle: { thresholdMinutes: Number(form.get('thresholdMinutes')), onReturn: form.get('onReturn') },
      longTimerHours: Number(form.get('longTimerHours')),
      autoStopAt: autoStop === '' ? null : autoStop,
      pomodoro: { enabled: form.get('pomodoro') === 'on', focusMinutes: Number(form.get('focusMinutes')), breakMinutes: Number(form.get('breakMinutes')) },
    });
    if (!parsed.success) {
      setStatus({ kind: 'error', text: t('options.timerInvalid') });
      return;
    }
    await onSave(parsed.data);
    setStatus({ kind: 'saved', text: t('options.saved') });
  };
  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="timer-rules-title">
      <h2 id="timer-rules-title">{t('options.timer')}</h2>
      <label htmlFor={ids.threshold}>
        {t('options.awayAfter')}
        <input id={ids.threshold} name="thresholdMinutes" type="number" min={1} max={120} defaultValue={value.idle.thresholdMinutes} />
      </label>
      <label htmlFor={ids.onReturn}>
        {t('options.whenBack')}
        <select id={ids.onReturn} name="onReturn" defaultValue={value.idle.onReturn}>
          {Object.entries(ON_RETURN).map(([key, label]) => (
            <option key={key} value={key}>{t(label)}</option>
          ))}
        </select>
      </label>
      <label htmlFor={ids.long}>
        {t('options.longTimer')}
        <input id={ids.long} name="longTimerHours" type="number" min={0.5} max={24} step={0.5} defaultValue={value.longTimerHours} />
      </label>
      <label htmlFor={ids.autoStop}>
        {t('options.autoStop')}
        <input id={ids.autoStop} name="autoStopAt" type="time" defaultValue={value.autoStopAt ?? ''} />
      </label>
      <fieldset>
        <legend>{t('options.pomodoro')}</legend>
        <label htmlFor={ids.pomodoro}>
          <input id={ids.pomodoro} name="pomodoro" type="checkbox" defaultChecked={value.pomodoro.enabled} />
          {t('options.pomodoroEnabled')}
        </label>
        <label htmlFor={ids.focus}>
          {t('options.focus')}
          <input id={ids.focus} name="focusMinutes" type="number" min={5} max={180} defaultValue={value.pomodoro.focusMinutes} />
        </label>
        <label htmlFor={ids.rest}>
          {t('options.break')}
          <input id={ids.rest} name="breakMinutes" type="number" min={1} max={60} defaultValue={value.pomodoro.breakMinutes} />
        </label>
      </fieldset>
      <button type="submit">{t('options.save')}</button>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
    </form>
  );
}
