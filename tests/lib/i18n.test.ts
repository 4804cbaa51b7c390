import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGLISH_RISK_WORDS, type RiskWords } from '../../lib/core/risk';
import { containerName, riskName, t } from '../../lib/i18n';
import { overlayWordsOf } from '../../lib/messaging/overlay-words';
import { badgeView } from '../../lib/overlay/badge';
import { containerName as overlayContainerName, riskName as overlayRiskName, setOverlayWords, t as overlayT } from '../../lib/overlay/words';
import { localRiskWords } from '../../lib/services/risk-words';
import { getMessageFrom, loadMessages, type ChromeMessages } from '../setup/messages';

const LOCALES = readdirSync(resolve(import.meta.dirname, '../../locales'))
  .filter((file) => file.endsWith('.yml'))
  .map((file) => file.replace(/\.yml$/, ''));

/** What a translator must keep: the named `{placeholders}` and positional `$1` substitutions, as a sorted list. */
function placeholders(message: string): string[] {
  const named = Array.from(message.matchAll(/\{([A-Za-z0-9_]+)\}/g), (m) => `{${m[1]}}`);
  const positional = Array.from(message.matchAll(/(?<!\$)\$([1-9])/g), (m) => `$${m[1]}`);
  return [...named, ...positional].sort();
}

describe('locales', () => {
  it('has English and at least one more locale', () => {
    expect(LOCALES).toContain('en');
    expect(LOCALES.length).toBeGreaterThan(1);
  });

  describe.each(LOCALES.filter((l) => l !== 'en'))('%s', (locale) => {
    it('has exactly the keys of English, each with the same placeholders, none empty', async () => {
      const en = await loadMessages('en');
      const other = await loadMessages(locale);
      expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
      for (const [key, { message }] of Object.entries(en)) {
        const translated = other[key]?.message ?? '';
        expect(translated.trim(), key).not.toBe('');
        expect(placeholders(translated), key).toEqual(placeholders(message));
      }
    });
  });

  it('keeps every message free of " | ", which @wxt-dev/i18n reads as a plural separator', async () => {
    for (const locale of LOCALES) {
      const messages: ChromeMessages = await loadMessages(locale);
      for (const [key, { message }] of Object.entries(messages)) expect(message, `${locale}:${key}`).not.toContain(' | ');
    }
  });

  it('uses only key names the browser accepts in messages.json', async () => {
    for (const key of Object.keys(await loadMessages('en'))) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('t', () => {
  afterEach(async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('en'));
  });

  it('fills named substitutions in English', () => {
    expect(t('overlay.stopTimer', { elapsed: '1h 30m' })).toBe('Stop timer, running 1h 30m');
    expect(riskName('over-budget')).toBe('Over budget');
    expect(riskName('a-rule-from-the-future')).toBe('a-rule-from-the-future');
    expect(containerName('sprint')).toBe('Sprint');
    expect(containerName('board')).toBeNull();
  });

  it('speaks German when the browser does, in the overlay as well (its words handed over by the background)', async () => {
    const german = await loadMessages('de');
    fakeBrowser.i18n.getMessage = getMessageFrom(german);
    expect(t('overlay.startTimer')).toBe('Timer starten');
    expect(riskName('over-budget')).toBe('Budget überschritten');
    expect(containerName('milestone')).toBe('Meilenstein');
    // What the background sends a content script with its first answer, and what the overlay makes of it.
    setOverlayWords(overlayWordsOf(Object.keys(german), getMessageFrom(german)));
    expect(overlayT('overlay.stopTimer', { elapsed: '5m' })).toBe('Timer stoppen, läuft seit 5m');
    expect(overlayRiskName('over-budget')).toBe('Budget überschritten');
    expect(overlayContainerName('milestone')).toBe('Meilenstein');
    expect(badgeView({ trackedSeconds: 3600, ownSeconds: 1800, estimateSeconds: 7200 }).title).toBe('Stint: 1h erfasst (30m von dir), Schätzung 2h');
    // Before any words arrive the overlay shows no text at all, never a raw key; an unknown rule shows as its code.
    setOverlayWords({});
    expect(overlayT('overlay.start')).toBe('');
    expect(overlayRiskName('over-budget')).toBe('over-budget');
  });
});

describe('risk reasons', () => {
  /** One call of every sentence, with each branch (today / one day / days; with and without a run-out day). */
  const sample = (w: RiskWords) => [
    w.overdue('PAY-1', '2026-03-02'),
    w.dueSoon('PAY-1', 0, '2026-03-02', 20, '4h'),
    w.dueSoon('PAY-1', 1, '2026-03-02', 20, '4h'),
    w.dueSoon('PAY-1', 3, '2026-03-02', 20, '4h'),
    w.stale('#3', 15),
    w.noEstimate('#3'),
    w.overEstimate('#3', '5h', '1h', '4h'),
    w.blockedBy('#3', w.andMore('#1, #2, #4', 2)),
    w.labelled('#3', 'blocked'),
    w.unassigned('#3', '2026-03-02'),
    w.overBudget('Sprint 4', w.spentOf('42h', '40h')),
    w.forecastOverrun('Sprint 4', '6h', '2026-03-01', '8h', '2026-03-05'),
    w.forecastOverrun('Sprint 4', '6h', null, '8h', '2026-03-05'),
    w.timerRunning('#3', '9h'),
    w.scopeCreep('Sprint 4', [w.addedAfterStart('#7'), w.estimateGrew(25, '40h', '50h')]),
    w.overCapacity('ada', '30h', '24h', '2026-03-05'),
  ];

  afterEach(async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('en'));
  });

  it('say in English exactly what lib/core says by default', () => {
    expect(sample(localRiskWords())).toEqual(sample(ENGLISH_RISK_WORDS));
  });

  it('speak German from the German messages, every placeholder filled', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('de'));
    const german = sample(localRiskWords());
    expect(german[0]).toBe('PAY-1 war am 2026-03-02 fällig und ist noch offen.');
    expect(german[7]).toBe('#3 ist blockiert durch #1, #2, #4 und 2 weitere.');
    for (const sentence of german) expect(sentence).not.toMatch(/\{[A-Za-z0-9_]+\}/);
  });
});
