/** REST timestamps: `2026-11-26T12:00:00.000Z`, as GitLab's entities serialise them. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/** `YYYY-MM-DD` of an instant, in UTC (GitLab.com's time zone). */
export function isoDay(ms: number): string {
  return iso(ms).slice(0, 10);
}
