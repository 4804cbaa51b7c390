/** Local date and time fields of the page (the person's zone) ↔ epoch ms. */

const pad = (n: number) => String(n).padStart(2, '0');

export function dateField(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function timeField(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant a date field and a time field name, or null when either is not filled in properly. */
export function instantOf(date: string, time: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}(:\d{2})?$/.test(time)) return null;
  const at = new Date(`${date}T${time}`).getTime();
  return Number.isFinite(at) ? at : null;
}

const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
export const timeOfDay = (at: number) => clock.format(at);

/** A form field's text, trimmed ('' when absent or a file). */
export function textOf(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}
