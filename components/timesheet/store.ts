import { create } from 'zustand';
import { adjacentWeek, weekContaining, type WeekDay } from '@/lib/core/week-grid';
import type { TimesheetPerson, TimesheetWeekView } from '@/lib/messaging/protocol-timesheet';
import type { CellPosition } from './WeekGridTable';

/** What the page shows and where the person is in it: the week, the filters, the focused and open cells, the toast. */
export interface TimesheetState {
  readonly timeZone: string;
  readonly days: readonly WeekDay[];
  readonly person: TimesheetPerson;
  /** A project key, or '' for every project. */
  readonly project: string;
  readonly data: TimesheetWeekView | null;
  readonly error: string | null;
  readonly focus: CellPosition | null;
  readonly open: CellPosition | null;
  /** The last change, with the id an Undo restores (deletes only). */
  readonly toast: { readonly text: string; readonly undoId: string | null } | null;
  readonly showWeek: (direction: -1 | 0 | 1, now: number) => void;
  readonly setPerson: (person: TimesheetPerson) => void;
  readonly setProject: (project: string) => void;
  readonly loaded: (data: TimesheetWeekView) => void;
  readonly failed: (error: unknown) => void;
  readonly setFocus: (cell: CellPosition) => void;
  readonly setOpen: (cell: CellPosition | null) => void;
  readonly setToast: (toast: TimesheetState['toast']) => void;
}

const WEEK_STARTS_ON = 1; // Monday, as ISO weeks and most timesheets

export const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export const createTimesheetStore = (timeZone: string, now: number) =>
  create<TimesheetState>((set) => ({
    timeZone,
    days: weekContaining(now, timeZone, WEEK_STARTS_ON),
    person: 'me',
    project: '',
    data: null,
    error: null,
    focus: null,
    open: null,
    toast: null,
    showWeek: (direction, at) =>
      set((s) => ({
        days: direction === 0 ? weekContaining(at, s.timeZone, WEEK_STARTS_ON) : adjacentWeek(s.days, direction, s.timeZone, WEEK_STARTS_ON),
        data: null,
        open: null,
        focus: null,
      })),
    setPerson: (person) => set({ person, data: null, open: null }),
    setProject: (project) => set({ project, open: null, focus: null }),
    loaded: (data) => set({ data, error: null }),
    failed: (error) => set({ error: message(error) }),
    setFocus: (focus) => set({ focus }),
    setOpen: (open) => set({ open }),
    setToast: (toast) => set({ toast }),
  }));
