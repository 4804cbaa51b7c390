import { parseDuration, type WorkWeek } from './duration';

/**
 * Reading estimates from labels, for providers without native estimates (GitHub). The convention is configurable;
 * the defaults cover the common forms: `estimate: 3h`, `estimate/2d`, and t-shirt sizes `size: S`.
 */
export interface EstimateLabelConvention {
  /** Label prefixes followed by a duration, e.g. `estimate:` (then `3h`, `1d 4h`…), compared case-insensitively. */
  readonly prefixes: readonly string[];
  /** Label prefixes followed by a size name, e.g. `size:`; the size maps to hours. */
  readonly sizePrefixes: readonly string[];
  readonly sizeHours: Readonly<Record<string, number>>;
}

export const DEFAULT_ESTIMATE_LABELS: EstimateLabelConvention = {
  prefixes: ['estimate:', 'estimate/', 'estimate ', 'est:'],
  sizePrefixes: ['size:', 'size/', 'size '],
  sizeHours: { XS: 1, S: 2, M: 4, L: 8, XL: 16, XXL: 32 },
};

/** The estimate in seconds from an item's labels, or null. With several estimate labels, the first readable wins. */
export function estimateFromLabels(labels: readonly string[], convention: EstimateLabelConvention, week: WorkWeek): number | null {
  for (const label of labels) {
    const lower = label.toLowerCase();
    const prefix = convention.prefixes.find((p) => lower.startsWith(p.toLowerCase()));
    if (prefix) {
      const seconds = parseDuration(label.slice(prefix.length), week);
      if (seconds !== null && seconds > 0) return seconds;
    }
    const sizePrefix = convention.sizePrefixes.find((p) => lower.startsWith(p.toLowerCase()));
    if (sizePrefix) {
      const size = label.slice(sizePrefix.length).trim().toUpperCase();
      const hours = convention.sizeHours[size];
      if (hours !== undefined) return Math.round(hours * 3600);
    }
  }
  return null;
}
