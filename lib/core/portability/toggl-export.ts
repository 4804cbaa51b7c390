import { writeCsv } from '../csv';
import { LOCAL_AUTHOR, type TimeEntry } from '../entry';
import { parseItemKey } from '../item-ref';
import { TOGGL_COLUMNS } from './columns';
import { wallTime } from './zone';

/** What the export knows of an item: its title and page. */
export interface ExportItem {
  readonly title: string | null;
  readonly url: string;
}

/** `HH:MM:SS`, hours unbounded (a 30-hour entry is `30:00:00`), as Toggl writes durations. */
export function clockDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** The item's short name: `#12`, `!34`, `PAY-7`. */
function itemLabel(itemKey: string): string {
  const ref = parseItemKey(itemKey);
  if (!ref) return itemKey;
  return ref.provider === 'jira' ? ref.id : `${ref.kind === 'mr' ? '!' : '#'}${ref.id}`;
}

/**
 * Finished, live entries as a Toggl Track detailed report (its columns, in its order), times in `timeZone`. Description
 * is the note with the item's URL after it — the URL is what lets Stint (or any tool) find the item again; Task is the
 * item's short name and title; Project the provider project; Client the host.
 */
export function togglCsv(entries: readonly TimeEntry[], items: ReadonlyMap<string, ExportItem>, timeZone: string): string {
  const rows: string[][] = [[...TOGGL_COLUMNS]];
  const finished = entries.filter((e) => e.end !== null && e.deletedAt === null).sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  for (const entry of finished) {
    const end = entry.end ?? entry.start;
    const ref = parseItemKey(entry.itemKey);
    const item = items.get(entry.itemKey);
    const from = wallTime(entry.start, timeZone);
    const to = wallTime(end, timeZone);
    const description = [entry.note.trim(), item?.url ?? ''].filter(Boolean).join(' ');
    const task = [itemLabel(entry.itemKey), item?.title ?? ''].filter(Boolean).join(' ');
    rows.push([
      entry.author === LOCAL_AUTHOR ? '' : entry.author,
      '',
      ref?.host ?? '',
      ref?.project ?? '',
      task,
      description,
      entry.billable ? 'Yes' : 'No',
      from.date,
      from.time,
      to.date,
      to.time,
      clockDuration((end - entry.start) / 1000),
      '',
      '',
    ]);
  }
  return '\uFEFF' + writeCsv(rows);
}
