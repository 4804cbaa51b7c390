import { useEffect, useRef, type KeyboardEvent } from 'react';
import { formatDuration } from '@/lib/core/duration';
import type { WeekGrid } from '@/lib/core/week-grid';
import { t } from '@/lib/i18n';

export interface CellPosition {
  readonly row: number;
  readonly col: number;
}

export interface WeekGridTableProps {
  readonly grid: WeekGrid;
  /** The name shown for an item (title, else a short key). */
  readonly labelOf: (itemKey: string) => string;
  /** The cell that holds the keyboard focus (roving tab stop), or null for the first. */
  readonly focus: CellPosition | null;
  readonly onFocus: (cell: CellPosition) => void;
  /** Enter (or a click) on a cell: show its entries. */
  readonly onOpen: (cell: CellPosition) => void;
  /** The cell whose entries are shown. */
  readonly open: CellPosition | null;
}

/** Day keys are calendar dates: formatted at their UTC noon, whatever the person's zone. */
const dayHeader = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' });
const cellText = (seconds: number) => (seconds > 0 ? formatDuration(seconds) : '–');

/**
 * The week as a real table: items down, days across, totals per row, per day and for the week. One cell is the tab
 * stop; arrow keys move it, Home / End go to the row's ends, Enter opens the cell's entries.
 */
export function WeekGridTable({ grid, labelOf, focus, onFocus, onOpen, open }: WeekGridTableProps) {
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const current = focus ?? { row: 0, col: 0 };
  const moved = useRef(false);
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    cells.current.get(`${current.row}:${current.col}`)?.focus();
  }, [current.row, current.col]);

  const onKey = (event: KeyboardEvent<HTMLTableCellElement>, row: number, col: number) => {
    const last = { row: grid.rows.length - 1, col: grid.days.length - 1 };
    const to = (next: CellPosition) => {
      event.preventDefault();
      moved.current = true;
      onFocus({ row: Math.max(0, Math.min(last.row, next.row)), col: Math.max(0, Math.min(last.col, next.col)) });
    };
    switch (event.key) {
      case 'ArrowRight':
        return to({ row, col: col + 1 });
      case 'ArrowLeft':
        return to({ row, col: col - 1 });
      case 'ArrowDown':
        return to({ row: row + 1, col });
      case 'ArrowUp':
        return to({ row: row - 1, col });
      case 'Home':
        return to({ row, col: 0 });
      case 'End':
        return to({ row, col: last.col });
      case 'Enter':
      case ' ':
        event.preventDefault();
        return onOpen({ row, col });
    }
  };

  return (
    <table className="week-grid" role="grid">
      <caption>{t('timesheet.caption')} <span data-testid="week-total">{formatDuration(grid.total)}</span></caption>
      <thead>
        <tr>
          <th scope="col">{t('timesheet.item')}</th>
          {grid.days.map((day) => (
            <th scope="col" key={day.key}>
              <time dateTime={day.key}>{dayHeader.format(new Date(`${day.key}T12:00:00Z`))}</time>
            </th>
          ))}
          <th scope="col">{t('timesheet.total')}</th>
        </tr>
      </thead>
      <tbody>
        {grid.rows.map((row, r) => (
          <tr key={row.itemKey}>
            <th scope="row" className="item-name" title={row.itemKey}>{labelOf(row.itemKey)}</th>
            {row.cells.map((cell, c) => {
              const here = current.row === r && current.col === c;
              const isOpen = open?.row === r && open.col === c;
              return (
                <td
                  key={grid.days[c]?.key ?? c}
                  ref={(el) => {
                    if (el) cells.current.set(`${r}:${c}`, el);
                    else cells.current.delete(`${r}:${c}`);
                  }}
                  tabIndex={here ? 0 : -1}
                  aria-selected={isOpen}
                  data-testid="grid-cell"
                  className={cell.seconds > 0 ? 'has-time' : undefined}
                  onFocus={() => (here ? undefined : onFocus({ row: r, col: c }))}
                  onKeyDown={(e) => onKey(e, r, c)}
                  onClick={() => onOpen({ row: r, col: c })}
                >
                  {cellText(cell.seconds)}
                </td>
              );
            })}
            <td className="row-total" data-testid="row-total">{formatDuration(row.total)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('timesheet.total')}</th>
          {grid.dayTotals.map((seconds, i) => (
            <td key={grid.days[i]?.key ?? i} data-testid="day-total">{formatDuration(seconds)}</td>
          ))}
          <td data-testid="grid-week-total">{formatDuration(grid.total)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
