import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserForFile } from './support/browser.ts';
import { ARTEFACTS_DIR, launchHarness } from './support/harness.ts';
import { sendFromPage } from './support/send.ts';

const ISSUE = 'https://github.com/acme/checkout-web/issues/3';
const KEY = 'github:github.com/acme/checkout-web#3';
const HEADER = 'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags,Amount ()';

interface Backup {
  readonly exportedAt: number;
  readonly entries: readonly { readonly itemKey: string; readonly note: string }[];
  readonly settings: Record<string, { version: number; value: unknown }>;
}

/** Choose a file in the panel's file input, as a person does with the file picker. */
async function chooseFile(page: Page, name: string, text: string) {
  await page.getByLabel(/^Import a file/).setInputFiles({ name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer: Buffer.from(text) });
  await page.getByTestId('import-summary').waitFor();
}

/** Click “Export backup” and read the file the browser saved. */
async function downloadBackup(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const withoutTime = (backup: Backup) => ({ ...backup, exportedAt: 0 });

/** Export and import from the options page in real Chromium: a Toggl CSV in, a backup out, a fresh profile restored from it. */
describe('Data portability', () => {
  const file = browserForFile();

  it('imports a Toggl CSV after its dry run, exports the backup, restores it in a fresh profile to the same store, and a second import changes nothing', async () => {
    const { options } = file;
    await options.reload();
    // Some of everything: entries from a Toggl report (one broken row), a budget, a rate, a changed working week.
    const csv = [
      `\uFEFF${HEADER}`,
      `,,,,,Checkout copy ${ISSUE},Yes,2026-11-02,09:00:00,2026-11-02,10:30:00,01:30:00,,`,
      `,,,,,Review ${ISSUE},No,2026-11-03,14:00:00,2026-11-03,14:45:00,00:45:00,,`,
      `,,,,,Broken ${ISSUE},No,2026-11-04,14:00:00,,,-00:45:00,,`,
    ].join('\r\n');
    await chooseFile(options, 'toggl.csv', csv);
    const summary = options.getByTestId('import-summary');
    expect(await summary.getByRole('row', { name: /Time entries/ }).getByRole('cell').allTextContents()).toEqual(['2', '0', '0']);
    expect(await summary.getByRole('table', { name: 'Rows left out (1)' }).getByRole('cell').allTextContents()).toEqual(['4', 'The duration “-00:45:00” is negative.', expect.stringContaining('Broken')]);
    await options.getByRole('button', { name: 'Apply' }).click();
    await options.getByRole('status').filter({ hasText: 'Imported toggl.csv: 2 new entries, 0 changed.' }).waitFor();
    await file.send('budgets.save', { id: 'checkout', scope: { kind: 'project', key: 'github:github.com/acme/checkout-web' }, hours: 40, money: null, period: 'total', thresholds: [50, 80, 100] });
    await file.send('rates.save', { id: 'all', person: null, projectKey: null, perHour: 8500, currency: 'EUR' });
    const week = options.getByRole('form', { name: 'Working week' });
    await week.getByLabel('Hours per day').fill('7');
    await week.getByRole('button', { name: 'Save' }).click();
    await week.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const saved = await downloadBackup(options);
    expect(saved.name).toMatch(/^stint-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const before = JSON.parse(saved.text) as Backup;
    expect(before.entries.map((e) => [e.itemKey, e.note]).sort()).toEqual([[KEY, 'Checkout copy'], [KEY, 'Review']]);
    expect(before.settings.workWeek).toEqual({ version: 1, value: { hoursPerDay: 7, daysPerWeek: 5 } });
    expect(saved.text).not.toMatch(/token/i);

    // A fresh profile (an empty store), the same sandbox: restore the backup there.
    const fresh = await launchHarness({ sandbox: file.harness.sandbox });
    try {
      const page = await fresh.openExtensionPage('options');
      await chooseFile(page, saved.name, saved.text);
      const restore = page.getByTestId('import-summary');
      expect(await restore.getByRole('heading').textContent()).toBe(`${saved.name}: a Stint backup`);
      expect(await restore.getByRole('row', { name: /Time entries/ }).getByRole('cell').allTextContents()).toEqual(['2', '0', '0']);
      expect(await restore.getByRole('row', { name: /Budgets/ }).getByRole('cell').allTextContents()).toEqual(['1', '0', '0']);
      await page.locator('.data-panel').screenshot({ path: join(ARTEFACTS_DIR, 'options-data-import-summary.png') });
      await page.getByRole('button', { name: 'Apply' }).click();
      await page.getByRole('status').filter({ hasText: `Imported ${saved.name}: 2 new entries, 0 changed.` }).waitFor();
      const after = JSON.parse((await sendFromPage<{ json: string }>(page, 'data.exportBackup', {})).json) as Backup;
      expect(withoutTime(after)).toEqual(withoutTime(before));
      await page.reload();
      expect(await page.getByRole('form', { name: 'Working week' }).getByLabel('Hours per day').inputValue()).toBe('7');

      // The same file again: nothing to change, nothing offered to apply.
      await chooseFile(page, saved.name, saved.text);
      await page.getByRole('status').filter({ hasText: 'Nothing to change: everything in this file is already here.' }).waitFor();
      expect(await page.getByRole('button', { name: 'Apply' }).count()).toBe(0);
      const again = JSON.parse((await sendFromPage<{ json: string }>(page, 'data.exportBackup', {})).json) as Backup;
      expect(withoutTime(again)).toEqual(withoutTime(before));
    } finally {
      await fresh.close();
    }
  });

  it('reports 5 MB of garbage as not a report, and writes nothing', async () => {
    const { options } = file;
    await options.reload();
    const before = (await file.send<{ json: string; entries: number }>('data.exportBackup', {})).entries;
    const garbage = Buffer.alloc(5_000_000, 'x,"y;\u00ff\n').toString('latin1');
    await options.getByLabel(/^Import a file/).setInputFiles({ name: 'garbage.csv', mimeType: 'text/csv', buffer: Buffer.from(garbage, 'latin1') });
    await expect.poll(() => options.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/^This is not a Toggl Track or Clockify detailed report: its first row should name columns such as “Description”, “Start date” and “Duration”, but it starts “x,"y;ÿ”\.$/);
    expect(await options.getByTestId('import-summary').count()).toBe(0);
    expect((await file.send<{ entries: number }>('data.exportBackup', {})).entries).toBe(before);
  });
});
