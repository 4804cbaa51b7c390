/** Median of a sample (the benchmarks' summary statistic: robust to the odd slow load on a shared machine). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function formatBytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}

/** A plain-text table with aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The 95th percentile (nearest rank) of a sample. */
export function p95(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Milliseconds as the timing tables print them: whole from 100, two decimals from 1, three below. */
export function formatMs(ms: number): string {
  if (!Number.isFinite(ms)) return '–';
  const abs = Math.abs(ms);
  return abs >= 100 ? Math.round(ms).toLocaleString('en') : abs >= 1 ? ms.toFixed(2) : ms.toFixed(3);
}

/** One timed measure at one store size, with the limit when it sets one. */
export interface TimedRow {
  /** Entries in the store. */
  readonly entries: number;
  readonly measure: string;
  /** `target`: what the issue sets a limit for; `reference`: what it is compared with, from the same run; `overhead`: target − reference. */
  readonly role: 'target' | 'reference' | 'overhead' | 'info';
  readonly runs: number;
  readonly medianMs: number;
  readonly p95Ms: number | null;
  /** The limit, in ms, when this row has one. */
  readonly limitMs: number | null;
  readonly note: string;
}

/** The table of timed rows, each target said met or missed against its limit (on the median). */
export function timedTable(rows: readonly TimedRow[]): string {
  const limit = (r: TimedRow) => (r.limitMs === null ? '' : `≤ ${r.limitMs.toLocaleString('en')} ms ${r.medianMs <= r.limitMs ? 'met' : 'MISSED'}`);
  return table(
    ['entries', 'measure', 'runs', 'median ms', 'p95 ms', 'target', 'note'],
    rows.map((r) => [r.entries.toLocaleString('en'), r.measure, String(r.runs), formatMs(r.medianMs), r.p95Ms === null ? '' : formatMs(r.p95Ms), limit(r), r.note]),
  );
}
