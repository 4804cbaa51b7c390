import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGLISH_IMPORT_WORDS, type ImportWords } from '../../lib/core/portability/import-words';
import { readTimeCsv } from '../../lib/core/portability/time-csv';
import { localImportWords } from '../../lib/services/import-words';
import { getMessageFrom, loadMessages } from '../setup/messages';

/** One call of every reason. */
const sample = (w: ImportWords) => [
  w.tooBig('6 MB', '5 MB'),
  w.longCell(3, 100_000),
  w.unclosedQuote(7),
  w.notAReport('Date, Hours'),
  w.empty,
  w.missingColumns('“Duration”'),
  w.cellCount(3, 9),
  w.startNotDate('x'),
  w.startNotTime('x'),
  w.durationNegative('-1:00:00'),
  w.durationNotHms('x'),
  w.startOutOfRange('01/01/1900'),
  w.startMissing('31/02/2026'),
  w.endNotDate('x'),
  w.endNotTime('x'),
  w.endMissing('31/02/2026'),
  w.endsBeforeStart,
  w.longerThanWeek,
  w.longNote(10_000),
  w.ambiguous('PAY-1', ['a.atlassian.net', 'jira.example.com']),
  w.noItem,
];

const context = { itemKeyOfUrl: () => null, jiraProjects: [], timeZone: 'UTC' };

describe('import reasons', () => {
  afterEach(async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('en'));
  });

  it('reads exactly as the built-in English from the English messages', () => {
    expect(sample(localImportWords())).toEqual(sample(ENGLISH_IMPORT_WORDS));
  });

  it('says in German why a file or a row was not imported', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('de'));
    const words = localImportWords();
    expect(words.ambiguous('PAY-1', ['a.atlassian.net', 'jira.example.com'])).toBe('PAY-1 könnte auf a.atlassian.net oder jira.example.com liegen: Schreibe die URL des Issues in die Beschreibung.');
    expect(words.longNote(10_000)).toBe('Die Beschreibung ist länger als 10.000 Zeichen.');
    const read = readTimeCsv('Description,Start date,Start time,Duration\nfix,2026-03-02,09:00:00,nope\n', { ...context, words });
    expect(read.ok && read.rejected.map((r) => r.reason)).toEqual(['Die Dauer „nope“ ist nicht im Format Stunden:Minuten:Sekunden.']);
    expect(readTimeCsv('', { ...context, words })).toEqual({ ok: false, error: 'Die Datei ist leer.' });
  });
});
