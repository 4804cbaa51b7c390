import { useId, useState, type FormEvent } from 'react';
import { Reminders } from '@/lib/settings/reminders';

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
      setStatus({ kind: 'error', text: 'Working hours as HH:MM with the start before the end; remind every 15–480 whole minutes.' });
      return;
    }
    await onSave(parsed.data);
    setStatus({ kind: 'saved', text: 'Saved.' });
  };
  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="reminders-title">
      <h2 id="reminders-title">Reminders</h2>
      <label htmlFor={ids.enabled}>
        <input id={ids.enabled} name="enabled" type="checkbox" defaultChecked={value.enabled} />
        Nudge me when no timer runs during my working hours
      </label>
      <label htmlFor={ids.from}>
        Working hours from
        <input id={ids.from} name="from" type="time" defaultValue={value.from} />
      </label>
      <label htmlFor={ids.to}>
        to
        <input id={ids.to} name="to" type="time" defaultValue={value.to} />
      </label>
      <label htmlFor={ids.every}>
        At most every (minutes)
        <input id={ids.every} name="everyMinutes" type="number" min={15} max={480} defaultValue={value.everyMinutes} />
      </label>
      <p className="hint">On the days of your working week; never while you are away from the computer.</p>
      <button type="submit">Save</button>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
    </form>
  );
}
