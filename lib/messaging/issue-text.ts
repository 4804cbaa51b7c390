import type { core } from 'zod/mini';
import { t } from '../i18n';

/** The value at `path` inside what was checked, or undefined where there is none. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * The first thing wrong with a checked value, in the person's language and naming where it is
 * (`entries.3.start: not a valid value`); `root` names the whole value when the issue is about it. zod's own messages
 * (and the schemas' custom ones) are English and written for developers, so they are not shown.
 */
export function issueText(issue: core.$ZodIssue | undefined, input: unknown, root: string): string {
  const path = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : root;
  switch (issue?.code) {
    case 'invalid_type':
      return valueAt(input, issue.path) === undefined ? t('problem.missing', { path }) : t('problem.invalid', { path });
    case 'too_big':
      return t('problem.tooBig', { path });
    case 'too_small':
      return t('problem.tooSmall', { path });
    case 'unrecognized_keys':
      return t('problem.unknownKeys', { path });
    case 'custom':
      // A schema's own rule names its problem in `params` (its message is English, for developers).
      if (issue.params?.problem === 'ends-before-start') return t('problem.endsBeforeStart', { path });
      if (issue.params?.problem === 'too-many') return t('problem.tooMany', { path });
      return t('problem.invalid', { path });
    default:
      return t('problem.invalid', { path });
  }
}
