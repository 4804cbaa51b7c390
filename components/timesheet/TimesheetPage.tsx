import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { parseItemKey, projectKeyOfItem } from '@/lib/core/item-ref';
import { weekGrid } from '@/lib/core/week-grid';
import { request } from '@/lib/messaging/client';
import type { RequestOf } from '@/lib/messaging/protocol';
import type { TimesheetPerson } from '@/lib/messaging/protocol-timesheet';
import { useSecondTick, useTimer } from '../useTimer';
import { EntryForm } from './EntryForm';
import { EntryList, type EntryActions } from './EntryList';
import { createTimesheetStore, message } from './store';
import { UndoToast } from './UndoToast';
import { WeekGridTable } from './WeekGridTable';
import { t } from '@/lib/i18n';

/** A short name for an item without a known title: `PAY-12`, `acme/app#3`, `group/app!4`. */
export function shortName(itemKey: string): string {
  const ref = parseItemKey(itemKey);
  if (!ref) return itemKey;
  return ref.provider === 'jira' ? ref.id : `${ref.project}${ref.kind === 'mr' ? '!' : '#'}${ref.id}`;
}

const personValue = (p: TimesheetPerson) => (typeof p === 'string' ? p : `author:${p.author}`);
const personOf = (value: string): TimesheetPerson => (value === 'me' || value === 'everyone' ? value : { author: value.slice('author:'.length) });
const weekTitle = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
const isTyping = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/**
 * The timesheet: a week grid of items × days with totals, the entries behind a cell, and forms to add, edit, split,
 * move and delete (with Undo). Keyboard: arrows in the grid, Enter opens a cell; [ and ] change week, T this week,
 * N a new entry, Escape closes the list.
 */
export function TimesheetPage() {
  const [store] = useState(() => createTimesheetStore(Intl.DateTimeFormat().resolvedOptions().timeZone, Date.now()));
  const s = useStore(store);
  const timer = useTimer();
  const now = useSecondTick(Boolean(timer.state?.running));
  const ids = { project: useId(), person: useId() };
  const addForm = useRef<HTMLDivElement>(null);
  const from = s.days[0]?.start ?? 0;
  const to = s.days[6]?.end ?? 0;

  const reload = useCallback(() => {
    const { person, loaded, failed } = store.getState();
    return request('timesheet.week', { from, to, person }).then(loaded, failed);
  }, [store, from, to]);
  useEffect(() => {
    void reload();
  }, [reload, s.person, timer.revision]);
  // Writes to providers finish in the background without telling pages: coming back to the tab shows where they stand.
  useEffect(() => {
    const onVisible = () => (document.visibilityState === 'visible' ? void reload() : undefined);
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const state = store.getState();
      if (event.key === '[') state.showWeek(-1, Date.now());
      else if (event.key === ']') state.showWeek(1, Date.now());
      else if (event.key === 't' || event.key === 'T') state.showWeek(0, Date.now());
      else if (event.key === 'n' || event.key === 'N') addForm.current?.querySelector<HTMLInputElement>('input[name="url"]')?.focus();
      else if (event.key === 'Escape') state.setOpen(null);
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [store]);

  const titles = useMemo(() => new Map((s.data?.items ?? []).map((i) => [i.key, i.title])), [s.data]);
  const labelOf = useCallback((key: string) => titles.get(key) ?? shortName(key), [titles]);
  const projects = useMemo(() => [...new Set([...(s.data?.entries ?? []).map((e) => e.itemKey), ...(s.data?.items ?? []).map((i) => i.key)].map(projectKeyOfItem).filter((p): p is string => p !== null))].sort(), [s.data]);
  const shown = useMemo(() => (s.data?.entries ?? []).filter((e) => !s.project || projectKeyOfItem(e.itemKey) === s.project), [s.data, s.project]);
  const grid = useMemo(() => weekGrid(shown, s.days, now), [shown, s.days, now]);
  const openCell = s.open ? grid.rows[s.open.row]?.cells[s.open.col] : undefined;
  const openRow = s.open ? grid.rows[s.open.row] : undefined;
  const openEntries = openCell ? shown.filter((e) => openCell.entryIds.includes(e.id)) : [];
  const openDay = s.open ? s.days[s.open.col] : undefined;

  const act = async (work: Promise<unknown>, text: string, undoId: string | null = null) => {
    await work; // a refusal is thrown to the form that asked, which shows it
    s.setToast({ text, undoId });
    await reload();
  };
  const actions: EntryActions = {
    edit: (id, patch) => act(request('timesheet.edit', { id, ...patch }), t('timesheet.saved')),
    split: (id, at) => act(request('timesheet.split', { id, at }), t('timesheet.split')),
    move: (id, item) => act(request('timesheet.move', { id, item }), t('timesheet.moved')),
    remove: (id) => act(request('timesheet.delete', { id }), t('timesheet.deleted'), id),
  };
  const add = (input: RequestOf<'timesheet.add'>) => act(request('timesheet.add', input), t('timesheet.added'));
  const undo = (id: string) => void act(request('timesheet.restore', { id }), t('timesheet.restored')).catch((e: unknown) => s.setToast({ text: message(e), undoId: null }));
  const personName = (author: string) => (author === 'me' ? t('timesheet.me') : author);

  return (
    <main className="timesheet">
      <h1>{t('timesheet.title')}</h1>
      <nav aria-label={t('timesheet.week')} className="week-nav">
        <button type="button" onClick={() => s.showWeek(-1, Date.now())} aria-keyshortcuts="[">{t('timesheet.previousWeek')}</button>
        <button type="button" onClick={() => s.showWeek(0, Date.now())} aria-keyshortcuts="T">{t('timesheet.thisWeek')}</button>
        <button type="button" onClick={() => s.showWeek(1, Date.now())} aria-keyshortcuts="]">{t('timesheet.nextWeek')}</button>
        <span className="week-title">{t('timesheet.weekOf', { date: s.days[0] ? weekTitle.format(new Date(`${s.days[0].key}T12:00:00Z`)) : '' })}</span>
      </nav>
      <div className="filters">
        <label htmlFor={ids.project}>
          {t('timesheet.project')}
          <select id={ids.project} value={s.project} onChange={(e) => s.setProject(e.target.value)}>
            <option value="">{t('timesheet.allProjects')}</option>
            {projects.map((p) => (
              <option key={p} value={p}>{p.replace(/^[a-z]+:/, '')}</option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.person}>
          {t('timesheet.person')}
          <select id={ids.person} value={personValue(s.person)} onChange={(e) => s.setPerson(personOf(e.target.value))}>
            <option value="me">{t('timesheet.me')}</option>
            <option value="everyone">{t('timesheet.everyone')}</option>
            {(s.data?.people ?? []).filter((p) => p !== 'me').map((p) => (
              <option key={p} value={`author:${p}`}>{p}</option>
            ))}
          </select>
        </label>
      </div>
      <p className="hint">{t('timesheet.keys')}</p>
      {s.error ? <p role="alert">{s.error}</p> : null}
      {s.data === null && !s.error ? <p aria-busy="true">{t('timesheet.loading')}</p> : null}
      {s.data !== null && grid.rows.length === 0 ? <p className="empty">{s.project ? t('timesheet.noTimeProject') : t('timesheet.noTime')}</p> : null}
      {grid.rows.length > 0 ? <WeekGridTable grid={grid} labelOf={labelOf} focus={s.focus} onFocus={s.setFocus} open={s.open} onOpen={(cell) => s.setOpen(cell)} /> : null}
      {s.open && openRow && openDay ? (
        <EntryList
          heading={`${labelOf(openRow.itemKey)} · ${openDay.key}`}
          entries={openEntries}
          items={s.data?.items ?? []}
          labelOf={labelOf}
          personName={personName}
          now={now}
          actions={actions}
          onClose={() => s.setOpen(null)}
        />
      ) : null}
      <div ref={addForm}>
        <EntryForm items={s.data?.items ?? []} day={openDay?.start ?? Math.min(now, to - 1)} labelOf={labelOf} onAdd={add} />
      </div>
      {s.toast ? <UndoToast text={s.toast.text} onUndo={s.toast.undoId ? () => undo(s.toast!.undoId!) : undefined} onClose={() => s.setToast(null)} /> : null}
    </main>
  );
}
