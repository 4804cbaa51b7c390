import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { weekContaining, weekGrid } from '../../lib/core/week-grid';
import { WeekGridTable, type CellPosition } from '../../components/timesheet/WeekGridTable';
import { shortName } from '../../components/timesheet/TimesheetPage';

const A = 'jira:acme.atlassian.net/PAY-10';
const B = 'github:github.com/acme/checkout-web#3';
const days = weekContaining(Date.UTC(2026, 10, 25, 12), 'UTC'); // Mon 23 – Sun 29 Nov 2026
const at = (day: number, hour: number) => Date.UTC(2026, 10, 23 + day, hour);
const grid = weekGrid(
  [
    { id: '1', itemKey: A, start: at(0, 9), end: at(0, 10) + 30 * 60_000 },
    { id: '2', itemKey: B, start: at(0, 11), end: at(0, 11) + 45 * 60_000 },
    { id: '3', itemKey: A, start: at(2, 23), end: at(3, 1) },
  ],
  days,
  at(6, 12),
);

function Harness({ onOpen }: { onOpen: (cell: CellPosition) => void }) {
  const [focus, setFocus] = useState<CellPosition | null>(null);
  return <WeekGridTable grid={grid} labelOf={shortName} focus={focus} onFocus={setFocus} onOpen={onOpen} open={null} />;
}

const texts = (nodes: HTMLElement[]) => nodes.map((n) => n.textContent);

describe('timesheet week grid', () => {
  afterEach(cleanup);

  it('is a table with day and item headers, and totals per row, per day and for the week', () => {
    render(<Harness onOpen={vi.fn()} />);
    const table = screen.getByRole('grid');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(9);
    expect(texts(within(table).getAllByRole('rowheader'))).toEqual(['acme/checkout-web#3', 'PAY-10', 'Total']);
    expect(texts(screen.getAllByTestId('row-total'))).toEqual(['45m', '3h 30m']);
    expect(texts(screen.getAllByTestId('day-total'))).toEqual(['2h 15m', '0m', '1h', '1h', '0m', '0m', '0m']);
    expect(screen.getByTestId('grid-week-total').textContent).toBe('4h 15m');
    expect(screen.getByTestId('week-total').textContent).toBe('4h 15m');
    // PAY-10's row: Monday 1h 30m, the night from Wednesday to Thursday cut at midnight.
    expect(texts(screen.getAllByTestId('grid-cell').slice(7, 14))).toEqual(['1h 30m', '–', '1h', '1h', '–', '–', '–']);
  });

  it('moves with the arrow keys, Home and End, stays inside the grid, and opens a cell with Enter', () => {
    const onOpen = vi.fn();
    render(<Harness onOpen={onOpen} />);
    const cells = screen.getAllByTestId('grid-cell');
    expect(cells.filter((c) => c.tabIndex === 0)).toEqual([cells[0]]); // one tab stop
    cells[0]!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cells[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(cells[8]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' }); // the last row: stays
    expect(document.activeElement).toBe(cells[8]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(cells[13]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' }); // the last day: stays
    expect(document.activeElement).toBe(cells[13]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(cells[0]);
    expect(screen.getAllByTestId('grid-cell').filter((c) => c.tabIndex === 0)).toEqual([cells[0]]);
    fireEvent.keyDown(cells[0]!, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    expect(onOpen).toHaveBeenCalledWith({ row: 1, col: 0 });
  });
});
