import * as z from 'zod/mini';

/**
 * The timesheet page's messages (Stint's own pages only). Sizes are bounded: a week of a busy team fits, a flood
 * does not. Times are epoch ms; durations travel as typed (`1h 30m`) and are read in the background with the working
 * week.
 */

const text = (max: number) => z.string().check(z.maxLength(max));
const instant = () => z.number().check(z.gte(0), z.lte(8.64e15));
const EntryId = text(64).check(z.minLength(1));

const ItemChoice = z.union([z.strictObject({ url: text(4096).check(z.minLength(1)) }), z.strictObject({ itemKey: text(600).check(z.minLength(1)) })]);

export const TimesheetEntryView = z.object({
  id: EntryId,
  itemKey: text(600),
  start: z.number(),
  end: z.nullable(z.number()),
  note: text(2000),
  billable: z.boolean(),
  author: text(255),
  mine: z.boolean(),
  sync: z.enum(['local', 'pending', 'synced', 'failed']),
  writtenTo: z.array(z.enum(['github', 'gitlab', 'jira'])).check(z.maxLength(3)),
});
export type TimesheetEntryView = z.infer<typeof TimesheetEntryView>;

export const TimesheetWeekView = z.object({
  entries: z.array(TimesheetEntryView).check(z.maxLength(5000)),
  items: z.array(z.object({ key: text(600), title: z.nullable(text(500)), url: z.nullable(text(4096)) })).check(z.maxLength(1000)),
  people: z.array(text(255)).check(z.maxLength(500)),
});
export type TimesheetWeekView = z.infer<typeof TimesheetWeekView>;

const Person = z.union([z.enum(['me', 'everyone']), z.strictObject({ author: text(255).check(z.minLength(1)) })]);
export type TimesheetPerson = z.infer<typeof Person>;

const Patch = {
  start: z.optional(instant()),
  end: z.optional(instant()),
  duration: z.optional(text(60)),
  note: z.optional(text(2000)),
  billable: z.optional(z.boolean()),
};

const Done = z.object({});
const WithId = z.object({ id: EntryId });

export const timesheetMessages = {
  /** The week's entries touching [from, to) for a person filter, the items to name them, and who has time. */
  'timesheet.week': { from: 'extension', request: z.strictObject({ from: instant(), to: instant(), person: Person }), response: TimesheetWeekView },
  /** Add a finished entry: the item by pasted address or known key; an end or a duration. Answers the new id. */
  'timesheet.add': { from: 'extension', request: z.strictObject({ item: ItemChoice, ...Patch, start: instant() }), response: WithId },
  /** Change one of the person's entries (a written-back one is updated at its provider through the outbox). */
  'timesheet.edit': { from: 'extension', request: z.strictObject({ id: EntryId, ...Patch }), response: Done },
  /** Split an entry at a moment inside it; answers the new entry's id. */
  'timesheet.split': { from: 'extension', request: z.strictObject({ id: EntryId, at: instant() }), response: WithId },
  /** Move an entry to another item; answers the id it has now (a written-back entry gets a new one). */
  'timesheet.move': { from: 'extension', request: z.strictObject({ id: EntryId, item: ItemChoice }), response: WithId },
  'timesheet.delete': { from: 'extension', request: z.strictObject({ id: EntryId }), response: Done },
  /** Undo a delete. */
  'timesheet.restore': { from: 'extension', request: z.strictObject({ id: EntryId }), response: Done },
} as const;
