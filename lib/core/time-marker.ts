import { formatDuration } from './duration';

/**
 * The hidden marker Stint writes into a provider's free text (GitHub comments) for one time entry: the entry id (so a
 * retry finds its own earlier write and read-back never counts an entry twice), the exact seconds and the start.
 * `<!-- stint:time {"v":1,"entry":"…","seconds":5400,"start":"2026-11-20T09:00:00.000Z"} -->`
 */
export interface TimeMarker {
  readonly entry: string;
  readonly seconds: number;
  readonly start: number;
}

const MARKER = /<!--\s*stint:time\s+(\{[^<>]{2,500}\})\s*-->/g;
const ENTRY_ID = /^[A-Za-z0-9-]{8,64}$/;
const MAX_SECONDS = 7 * 24 * 3600;

/** The comment text for an entry: readable for people, with the marker at the end. */
export function timeComment(marker: TimeMarker, note: string): string {
  // A note must not be able to open or close an HTML comment (and so fake or hide a marker).
  const safeNote = note.replace(/<!--/g, '&lt;!--').replace(/-->/g, '--&gt;').replace(/\s+/g, ' ').trim().slice(0, 500);
  const json = JSON.stringify({ v: 1, entry: marker.entry, seconds: marker.seconds, start: new Date(marker.start).toISOString() });
  return `⏱ ${formatDuration(marker.seconds)}${safeNote ? ` — ${safeNote}` : ''}\n\n<!-- stint:time ${json} -->`;
}

/**
 * The marker in a comment, or null. Only the last marker counts (Stint writes it last), and only a well-formed one:
 * anyone can write comments, so every field is checked (id shape, 0 ≤ seconds ≤ a week, a real start time).
 */
export function readTimeMarker(body: string): TimeMarker | null {
  let last: string | undefined;
  for (const match of body.matchAll(MARKER)) last = match[1];
  if (!last) return null;
  let data: unknown;
  try {
    data = JSON.parse(last);
  } catch {
    return null;
  }
  if (typeof data !== 'object' || data === null) return null;
  const { v, entry, seconds, start } = data as Record<string, unknown>;
  if (v !== 1 || typeof entry !== 'string' || !ENTRY_ID.test(entry)) return null;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > MAX_SECONDS) return null;
  // Four-digit years, as Stint writes them (an expanded year such as `+275760-…` would end past what a Date holds).
  const startMs = typeof start === 'string' && /^\d{4}-/.test(start) ? Date.parse(start) : Number.NaN;
  if (!Number.isFinite(startMs)) return null;
  return { entry, seconds, start: startMs };
}
