import { useId, useState, type FormEvent } from 'react';
import { formatDuration } from '@/lib/core/duration';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { TimesheetEntryView, TimesheetWeekView } from '@/lib/messaging/protocol-timesheet';
import { dateField, instantOf, textOf, timeField } from './timesheet-time';
import { t } from '@/lib/i18n';

type Span = Pick<RequestOf<'timesheet.edit'>, 'start' | 'end' | 'duration' | 'note' | 'billable'>;

export interface EntryFormProps {
  /** Absent: a new entry (with an item field); present: that entry's edit form. */
  readonly entry?: TimesheetEntryView;
  readonly items: TimesheetWeekView['items'];
  /** The day a new entry is for (the open cell's, else today). */
  readonly day: number;
  readonly labelOf: (itemKey: string) => string;
  readonly onAdd?: (input: RequestOf<'timesheet.add'>) => Promise<void>;
  readonly onEdit?: (input: Span) => Promise<void>;
  readonly onCancel?: () => void;
}

/**
 * Add an entry (item by pasted address or picked from known ones; date, start, and an end or a duration such as
 * `1h 30m`; note; billable) or edit one. Whichever of end and duration was typed last decides the end.
 */
export function EntryForm({ entry, items, day, labelOf, onAdd, onEdit, onCancel }: EntryFormProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [last, setLast] = useState<'end' | 'duration' | null>(null);
  const title = entry ? t('timesheet.editEntry') : t('timesheet.addAnEntry');
  const seconds = entry?.end != null ? Math.round((entry.end - entry.start) / 1000) : null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const field = (name: string) => textOf(form, name);
    const start = instantOf(field('date'), field('start'));
    if (start === null) return setError(t('timesheet.needStart'));
    let end = field('end') ? instantOf(field('date'), field('end')) : null;
    if (end !== null && end <= start) end += 86_400_000; // 22:00–01:00 ends the next day
    const duration = field('duration');
    const span: Span = { start, note: field('note'), billable: form.get('billable') === 'on' };
    const useDuration = duration !== '' && (last === 'duration' || end === null || (last === null && !entry));
    const withEnd: Span = useDuration ? { ...span, duration } : end !== null ? { ...span, end } : span;
    if (!entry && withEnd.end === undefined && withEnd.duration === undefined) return setError(t('timesheet.needEnd'));
    setBusy(true);
    setError(null);
    try {
      if (entry) await onEdit?.(withEnd);
      else {
        const url = field('url');
        const picked = field('item');
        if (!url && !picked) return setError(t('timesheet.needItem'));
        await onAdd?.({ ...withEnd, start, item: url ? { url } : { itemKey: picked } });
        element.reset();
        setLast(null);
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card entry-form" noValidate aria-label={title} aria-busy={busy} onSubmit={(e) => void submit(e)}>
      <h2>{title}</h2>
      {entry ? (
        <p className="muted">{labelOf(entry.itemKey)}</p>
      ) : (
        <div className="item-choice">
          <label htmlFor={`${id}-url`}>
            {t('timesheet.itemAddress')}
            <input id={`${id}-url`} name="url" type="url" placeholder={t('timesheet.urlPlaceholder')} autoComplete="off" />
          </label>
          <label htmlFor={`${id}-item`}>
            {t('timesheet.orPickItem')}
            <select id={`${id}-item`} name="item" defaultValue="">
              <option value="">—</option>
              {items.map((item) => (
                <option key={item.key} value={item.key}>{labelOf(item.key)}</option>
              ))}
            </select>
          </label>
        </div>
      )}
      <div className="span-fields">
        <label htmlFor={`${id}-date`}>
          {t('timesheet.date')}
          <input id={`${id}-date`} name="date" type="date" defaultValue={dateField(entry?.start ?? day)} required />
        </label>
        <label htmlFor={`${id}-start`}>
          {t('timesheet.start')}
          <input id={`${id}-start`} name="start" type="time" defaultValue={entry ? timeField(entry.start) : '09:00'} required />
        </label>
        <label htmlFor={`${id}-end`}>
          {t('timesheet.end')}
          <input id={`${id}-end`} name="end" type="time" defaultValue={entry?.end != null ? timeField(entry.end) : ''} onInput={() => setLast('end')} />
        </label>
        <label htmlFor={`${id}-duration`}>
          {t('timesheet.duration')}
          <input id={`${id}-duration`} name="duration" type="text" className="short" placeholder="1h 30m" defaultValue={seconds !== null ? formatDuration(seconds) : ''} onInput={() => setLast('duration')} />
        </label>
      </div>
      <label htmlFor={`${id}-note`}>
        {t('timesheet.note')}
        <input id={`${id}-note`} name="note" type="text" maxLength={2000} defaultValue={entry?.note ?? ''} />
      </label>
      <label className="check">
        <input name="billable" type="checkbox" defaultChecked={entry?.billable ?? true} />
        {t('timesheet.billable')}
      </label>
      <div className="actions">
        <button type="submit" disabled={busy}>{entry ? t('timesheet.save') : t('timesheet.addEntry')}</button>
        {onCancel ? <button type="button" onClick={onCancel}>{t('timesheet.cancel')}</button> : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
    </form>
  );
}
