import { parseDuration, type WorkWeek } from './duration';

/**
 * Reading estimates from labels, for providers without native estimates (GitHub). The convention is configurable;
 * the defaults cover the common forms: `estimate: 3h`, `estimate/2d`, and t-shirt sizes `size: S`.
 */
export interface EstimateLabelConvention {
  /**
   * Label prefixes followed by a duration, e.g. `estimate` (then `: 3h`, `/2d`, ` 1d 4h`…), compared case-insensitively;
   * a separator (`:`, `/`, `=`, `-`, spaces) between prefix and value is optional.
   */
  readonly prefixes: readonly string[];
  /** Label prefixes followed by a size name, e.g. `size` (then `: S`, `/M`); the size maps to hours. */
  readonly sizePrefixes: readonly string[];
  readonly sizeHours: Readonly<Record<string, number>>;
}

export const DEFAULT_ESTIMATE_LABELS: EstimateLabelConvention = {
  prefixes: ['estimate', 'est'],
  sizePrefixes: ['size'],
  sizeHours: { XS: 1, S: 2, M: 4, L: 8, XL: 16, XXL: 32 },
};

/** What follows one of `prefixes` in `label` (separators dropped), for each prefix that starts it. */
function valuesAfter(label: string, prefixes: readonly string[]): string[] {
  const lower = label.toLowerCase();
  return prefixes.filter((p) => p.trim() !== '' && lower.startsWith(p.trim().toLowerCase())).map((p) => label.slice(p.trim().length).replace(/^[\s:/=-]+/, ''));
}

/** The estimate in seconds from an item's labels, or null. With several estimate labels, the first readable wins. */
export function estimateFromLabels(labels: readonly string[], convention: EstimateLabelConvention, week: WorkWeek): number | null {
  for (const label of labels) {
    for (const value of valuesAfter(label, convention.prefixes)) {
      const seconds = parseDuration(value, week);
      if (seconds !== null && seconds > 0) return seconds;
    }
    for (const value of valuesAfter(label, convention.sizePrefixes)) {
      const hours = convention.sizeHours[value.trim().toUpperCase()];
      if (hours !== undefined) return Math.round(hours * 3600);
    }
  }
  return null;
}
