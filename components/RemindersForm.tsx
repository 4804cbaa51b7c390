import { useId, useState, type FormEvent } from 'react';
import { Reminders } from '@/lib/settings/reminders';
import { t } from '@/lib/i18n';

export interface RemindersFormProps {
  readonly value: Reminders;
  readonly onSave: (reminders: Reminders) => Promise<void>;
}

/** The nudge when no timer runs during working hours: off by default, with the hours and how often. */
export function RemindersForm({ value, onSave }: RemindersFormProps) {
  const ids = { enabled: useId(), from: useId(), to: useId(), every: useId() };
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = Reminders.safeParse({ enabled: form.get('enabled') === 'on', from: form.get('from'), to: form.get('to'), everyMinutes: Number(form.get('everyMinutes')) });
    if (!parsed.success || parsed.data.from >= parsed.data.to) {
      setStatus({ kind: 'error', text: t('options.remindInvalid') });
      return;
    }
    await onSave(parsed.data);
    setStatus({ kind: 'saved', text: t('options.saved') });
  };
  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('options.reminders')}</h2>
      <label htmlFor={ids.enabled}>
        <input id={ids.enabled} name="enabled" type="checkbox" defaultChecked={value.enabled} />
        {t('options.remindEnabled')}
      </label>
      <label htmlFor={ids.from}>
        {t('options.remindFrom')}
        <input id={ids.from} name="from" type="time" defaultValue={value.from} />
      </label>
      <label htmlFor={ids.to}>
        {t('options.remindTo')}
        <input id={ids.to} name="to" type="time" defaultValue={value.to} />
      </label>
      <label htmlFor={ids.every}>
        {t('options.remindEvery')}
        <input id={ids.every} name="everyMinutes" type="number" min={15} max={480} defaultValue={value.everyMinutes} />
      </label>
      <p className="hint">{t('options.remindHint')}</p>
      <button type="submit">{t('options.save')}</button>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
    </form>
  );
}
