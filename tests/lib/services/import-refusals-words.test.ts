import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import * as z from 'zod/mini';
import { issueText } from '../../../lib/messaging/issue-text';
import { readBackup } from '../../../lib/services/portability-backup';
import { planSettings } from '../../../lib/services/portability-settings';
import { getMessageFrom, loadMessages } from '../../setup/messages';

async function speak(locale: string) {
  fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages(locale));
}

const entry = { id: 'e', itemKey: 'github:github.com/a/b#1', start: 0, end: 1000, note: '', billable: false, author: 'me', origin: 'local', remote: {}, sync: 'local', updatedAt: 1, deletedAt: null };
const backup = (entries: unknown[]) => JSON.stringify({ format: 'stint-backup', version: 1, exportedAt: 1, entries, items: [], projects: [], containers: [], budgets: [], rates: [], baselines: [], settings: {} });

/** What a person reads when a backup or a setting in it is refused: our words, in their language, naming the path. */
describe('refusals of a backup, in the person’s language', () => {
  afterEach(() => speak('en'));

  it('the backup reader says what is wrong and where, in German', async () => {
    await speak('de');
    expect(readBackup('{"format":')).toEqual({ ok: false, error: 'Die Datei ist kein JSON: Sie ist keine Stint-Sicherung.' });
    expect(readBackup('[1,2]')).toEqual({ ok: false, error: 'Die Datei ist JSON, aber keine Stint-Sicherung (ihr fehlt "format": "stint-backup").' });
    expect(readBackup('{"format":"stint-backup","version":7}')).toEqual({ ok: false, error: 'Die Sicherung hat die Version 7; dieses Stint liest Version 1. Aktualisiere Stint und importiere sie dann.' });
    expect(readBackup(backup([entry, entry, entry, { ...entry, start: 'yesterday' }]))).toEqual({ ok: false, error: 'Die Sicherung ist beschädigt: entries.3.start: kein gültiger Wert. Es wurde nichts importiert.' });
    expect(readBackup(backup([{ ...entry, start: 5000 }]))).toEqual({ ok: false, error: 'Die Sicherung ist beschädigt: entries.0: Ein Eintrag endet, bevor er beginnt. Es wurde nichts importiert.' });
    const { exportedAt: _, ...headless } = JSON.parse(backup([])) as Record<string, unknown>;
    expect(readBackup(JSON.stringify(headless))).toEqual({ ok: false, error: 'Die Sicherung ist beschädigt: exportedAt: fehlt. Es wurde nichts importiert.' });
  });

  it('a setting the backup carries with a value out of range is kept as it is here, with the path named', async () => {
    const records = { workWeek: { version: 1, value: { hoursPerDay: 30, daysPerWeek: 5 } } };
    expect((await planSettings(records)).outcomes).toEqual([{ name: 'workWeek', outcome: 'skipped', reason: 'Not a valid value (hoursPerDay: too large or too long); yours is kept.' }]);
    await speak('de');
    expect((await planSettings(records)).outcomes).toEqual([{ name: 'workWeek', outcome: 'skipped', reason: expect.stringContaining('hoursPerDay: zu groß oder zu lang') as string }]);
  });

  it('never shows zod’s own English, whichever check failed', async () => {
    await speak('de');
    const schema = z.strictObject({ name: z.string().check(z.minLength(2)), tags: z.array(z.string()).check(z.maxLength(1)), when: z.number() });
    const first = (input: unknown) => issueText(schema.safeParse(input).error?.issues[0], input, 'der Wert');
    expect(first({ name: 'x', tags: [], when: 1 })).toBe('name: zu klein oder zu kurz');
    expect(first({ name: 'xy', tags: ['a', 'b'], when: 1 })).toBe('tags: zu groß oder zu lang');
    expect(first({ name: 'xy', tags: [] })).toBe('when: fehlt');
    expect(first({ name: 'xy', tags: [], when: 1, extra: 1 })).toBe('der Wert: Felder, die Stint nicht kennt');
    expect(first('text')).toBe('der Wert: kein gültiger Wert');
  });
});
