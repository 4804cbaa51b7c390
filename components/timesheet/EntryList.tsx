import { useId, useState, type FormEvent } from 'react';
import { formatDuration } from '@/lib/core/duration';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { TimesheetEntryView, TimesheetWeekView } from '@/lib/messaging/protocol-timesheet';
import { EntryForm } from './EntryForm';
import { dateField, instantOf, textOf, timeField, timeOfDay } from './timesheet-time';
import { t, type PlainKey } from '@/lib/i18n';

export interface EntryActions {
  readonly edit: (id: string, patch: Omit<RequestOf<'timesheet.edit'>, 'id'>) => Promise<void>;
  readonly split: (id: string, at: number) => Promise<void>;
  readonly move: (id: string, item: RequestOf<'timesheet.move'>['item']) => Promise<void>;
  readonly remove: (id: string) => Promise<void>;
}

export interface EntryListProps {
  readonly heading: string;
  readonly entries: readonly TimesheetEntryView[];
  readonly items: TimesheetWeekView['items'];
  readonly labelOf: (itemKey: string) => string;
  readonly personName: (author: string) => string;
  readonly now: number;
  readonly actions: EntryActions;
  readonly onClose: () => void;
}

const SYNC_WORDS: Record<TimesheetEntryView['sync'], PlainKey> = {
  local: 'timesheet.syncLocal',
  pending: 'timesheet.syncPending',
  synced: 'timesheet.syncSynced',
  failed: 'timesheet.syncFailed',
};

function syncText(entry: TimesheetEntryView): string {
  if (!entry.mine) return t('timesheet.readBack');
  if (entry.sync === 'synced' && entry.writtenTo.length > 0) return t('timesheet.writtenTo', { providers: entry.writtenTo.map((p) => (p === 'github' ? 'GitHub' : p === 'gitlab' ? 'GitLab' : 'Jira')).join(', ') });
  return t(SYNC_WORDS[entry.sync]);
}

type Mode = { readonly kind: 'edit' | 'split' | 'move'; readonly id: string } | null;

/** The entries behind one grid cell, each with its actions (own entries only; a teammate's are read-only). */
export function EntryList({ heading, entries, items, labelOf, personName, now, actions, onClose }: EntryListProps) {
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState<string | null>(null);
  const headingId = useId();
  const fieldId = useId();
  const run = async (work: Promise<void>) => {
    setError(null);
    try {
      await work;
      setMode(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const split = (event: FormEvent<HTMLFormElement>, entry: TimesheetEntryView) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const at = instantOf(textOf(form, 'date'), textOf(form, 'time'));
    if (at === null) return setError(t('timesheet.needSplitAt'));
    void run(actions.split(entry.id, at));
  };
  const move = (event: FormEvent<HTMLFormElement>, entry: TimesheetEntryView) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = textOf(form, 'url');
    const picked = textOf(form, 'item');
    if (!url && !picked) return setError(t('timesheet.needNewItem'));
    void run(actions.move(entry.id, url ? { url } : { itemKey: picked }));
  };

  return (
    <section className="card entry-list" aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      {entries.length === 0 ? <p>{t('timesheet.noEntries')}</p> : null}
      <ul className="entries">
        {entries.map((entry) => (
          <li key={entry.id} data-testid="timesheet-entry">
            <span className="when">{timeOfDay(entry.start)}–{entry.end === null ? t('timesheet.now') : timeOfDay(entry.end)}</span>
            <span className="what">
              {labelOf(entry.itemKey)}
              {entry.note ? <span className="note"> — {entry.note}</span> : null}
              <span className="muted"> · {entry.mine ? '' : `${personName(entry.author)} · `}{entry.billable ? t('timesheet.billableLower') : t('timesheet.notBillable')} · {syncText(entry)}</span>
            </span>
            <span className="duration">{formatDuration(Math.max(0, Math.floor(((entry.end ?? now) - entry.start) / 1000)))}</span>
            {entry.mine ? (
              <span className="actions">
                <button type="button" onClick={() => setMode({ kind: 'edit', id: entry.id })}>{t('timesheet.edit')}</button>
                <button type="button" disabled={entry.end === null} onClick={() => setMode({ kind: 'split', id: entry.id })}>{t('timesheet.splitButton')}</button>
                <button type="button" onClick={() => setMode({ kind: 'move', id: entry.id })}>{t('timesheet.move')}</button>
                <button type="button" disabled={entry.end === null} onClick={() => void run(actions.remove(entry.id))}>{t('timesheet.delete')}</button>
              </span>
            ) : null}
            {mode?.id === entry.id && mode.kind === 'edit' ? (
              <EntryForm entry={entry} items={items} day={entry.start} labelOf={labelOf} onEdit={(patch) => actions.edit(entry.id, patch).then(() => setMode(null))} onCancel={() => setMode(null)} />
            ) : null}
            {mode?.id === entry.id && mode.kind === 'split' ? (
              <form className="inline-form" aria-label={t('timesheet.splitEntry')} noValidate onSubmit={(e) => split(e, entry)}>
                <label htmlFor={`${fieldId}-split`}>
                  {t('timesheet.splitAt')}
                  <input id={`${fieldId}-split-date`} name="date" type="date" aria-label={t('timesheet.splitDate')} defaultValue={dateField(entry.start)} />
                  <input id={`${fieldId}-split`} name="time" type="time" defaultValue={timeField(entry.start + ((entry.end ?? entry.start) - entry.start) / 2)} />
                </label>
                <button type="submit">{t('timesheet.splitButton')}</button>
                <button type="button" onClick={() => setMode(null)}>{t('timesheet.cancel')}</button>
              </form>
            ) : null}
            {mode?.id === entry.id && mode.kind === 'move' ? (
              <form className="inline-form" aria-label={t('timesheet.moveEntry')} noValidate onSubmit={(e) => move(e, entry)}>
                <label htmlFor={`${fieldId}-move-url`}>
                  {t('timesheet.newItemAddress')}
                  <input id={`${fieldId}-move-url`} name="url" type="url" autoComplete="off" />
                </label>
                <label htmlFor={`${fieldId}-move-item`}>
                  {t('timesheet.orPick')}
                  <select id={`${fieldId}-move-item`} name="item" defaultValue="">
                    <option value="">—</option>
                    {items.filter((i) => i.key !== entry.itemKey).map((i) => (
                      <option key={i.key} value={i.key}>{labelOf(i.key)}</option>
                    ))}
                  </select>
                </label>
                <button type="submit">{t('timesheet.move')}</button>
                <button type="button" onClick={() => setMode(null)}>{t('timesheet.cancel')}</button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{error}</p> : null}
      <button type="button" className="link" onClick={onClose}>{t('timesheet.closeList')}</button>
    </section>
  );
}
