import type { ImportWords } from '../core/portability/import-words';
import { t } from '../i18n';

/** Why a CSV file or row was not imported, in the browser's language (locales/<lang>.yml), for lib/core's readers. */
export function localImportWords(): ImportWords {
  const count = (n: number) => n.toLocaleString(t('import.numberLocale'));
  return {
    tooBig: (size, limit) => t('import.tooBig', { size, limit }),
    longCell: (row, max) => t('import.longCell', { row: String(row), max: count(max) }),
    unclosedQuote: (line) => t('import.unclosedQuote', { line: String(line) }),
    notAReport: (start) => t('import.notAReport', { start }),
    empty: t('import.empty'),
    missingColumns: (columns) => t('import.missingColumns', { columns }),
    cellCount: (cells, header) => t('import.cellCount', { cells: String(cells), header: String(header) }),
    startNotDate: (typed) => t('import.startNotDate', { typed }),
    startNotTime: (typed) => t('import.startNotTime', { typed }),
    durationNegative: (typed) => t('import.durationNegative', { typed }),
    durationNotHms: (typed) => t('import.durationNotHms', { typed }),
    startOutOfRange: (typed) => t('import.startOutOfRange', { typed }),
    startMissing: (typed) => t('import.startMissing', { typed }),
    endNotDate: (typed) => t('import.endNotDate', { typed }),
    endNotTime: (typed) => t('import.endNotTime', { typed }),
    endMissing: (typed) => t('import.endMissing', { typed }),
    endsBeforeStart: t('import.endsBeforeStart'),
    longerThanWeek: t('import.longerThanWeek'),
    longNote: (max) => t('import.longNote', { max: count(max) }),
    ambiguous: (key, hosts) => t('import.ambiguous', { key, hosts: hosts.join(t('import.orJoin')) }),
    noItem: t('import.noItem'),
  };
}
