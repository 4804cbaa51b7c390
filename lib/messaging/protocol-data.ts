import * as z from 'zod/mini';

/**
 * Export and import (options → Data): Stint's own pages only. The page reads the file and sends its text whole; the
 * background checks everything. One message carries at most 32 million characters (a backup of some 100,000 entries;
 * Chrome's message limit is 64 MB), a larger file is refused here with a clear message — and the page says so before
 * sending. CSV files are held to 8 million characters by their reader (lib/core/csv.ts).
 */

const text = (max: number) => z.string().check(z.maxLength(max));
export const MAX_IMPORT_CHARS = 32_000_000;
const FileText = z.string().check(z.maxLength(MAX_IMPORT_CHARS, `The file is larger than ${MAX_IMPORT_CHARS / 1_000_000} MB: Stint imports backups up to ${MAX_IMPORT_CHARS / 1_000_000} MB and CSV files up to 8 MB`));

const Counts = z.object({ new: z.int(), changed: z.int(), unchanged: z.int() });
const Row = z.object({ row: z.int(), reason: text(1000), text: text(1000) });

export const ImportSummaryView = z.object({
  kind: z.enum(['backup', 'toggl', 'clockify']),
  counts: z.object({ entries: Counts, items: Counts, projects: Counts, containers: Counts, budgets: Counts, rates: Counts, baselines: Counts }),
  settings: z.array(z.object({ name: text(100), outcome: z.enum(['new', 'changed', 'unchanged', 'skipped']), reason: z.optional(text(500)) })).check(z.maxLength(50)),
  rejected: z.array(Row).check(z.maxLength(500)),
  rejectedCount: z.int(),
  unmatched: z.array(Row).check(z.maxLength(500)),
  unmatchedCount: z.int(),
  unknownColumns: z.array(text(10_000)).check(z.maxLength(64)),
  dates: z.nullable(z.object({ order: z.enum(['ymd', 'mdy', 'dmy']), ambiguous: z.boolean() })),
  writeBack: z.boolean(),
  nothingToChange: z.boolean(),
  token: text(64),
});
export type ImportSummaryView = z.infer<typeof ImportSummaryView>;

const ImportRequest = z.strictObject({ text: FileText, writeBack: z.boolean() });

export const dataMessages = {
  /** Finished entries starting in [from, to) as a Toggl Track detailed-report CSV, in the person's time zone. */
  'data.exportCsv': {
    from: 'extension',
    request: z.strictObject({ from: z.number(), to: z.number() }).check(z.refine((r) => r.to > r.from && r.to - r.from <= 366 * 86_400_000 * 5, 'the range must end after it starts, within five years')),
    response: z.object({ csv: z.string(), entries: z.int() }),
  },
  /** The complete backup (JSON, versioned), never the tokens. */
  'data.exportBackup': { from: 'extension', request: z.strictObject({}), response: z.object({ json: z.string(), entries: z.int() }) },
  /** The dry run: what importing the file would do. Writes nothing. */
  'data.importPreview': { from: 'extension', request: ImportRequest, response: ImportSummaryView },
  /** Apply the previewed import in one transaction (refused when the store changed since the preview). */
  'data.importApply': { from: 'extension', request: z.strictObject({ text: FileText, writeBack: z.boolean(), token: text(64) }), response: z.object({ summary: ImportSummaryView, queued: z.int() }) },
} as const;
