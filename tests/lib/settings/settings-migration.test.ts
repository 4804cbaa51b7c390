import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { EstimateLabels, estimateLabelsSetting, readEstimateLabels } from '../../../lib/settings/estimate-labels';
import { DEFAULT_TIMER_RULES, readTimerRules, TimerRules, timerRulesSetting } from '../../../lib/settings/timer-rules';
import { WorkWeek, workWeekSetting } from '../../../lib/settings/work-week';

/**
 * Every settings item, from every earlier version's fixture (tests/fixtures/settings/), migrated to the current
 * version through WXT's storage in the fake browser: every stored choice kept, new fields at their defaults, the
 * version record moved on, and the result valid for the current schema. A new version of an item needs a fixture.
 */
interface Fixture {
  readonly storage: Record<string, unknown>;
}
const fixture = (name: string) => JSON.parse(readFileSync(`tests/fixtures/settings/${name}.json`, 'utf8')) as Fixture;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- items of every value type
type AnyItem = WxtStorageItem<any, Record<string, unknown>>;
const ITEMS: { item: AnyItem; schema: { safeParse(v: unknown): { success: boolean } } }[] = [
  { item: timerRulesSetting, schema: TimerRules },
  { item: workWeekSetting, schema: WorkWeek },
  { item: estimateLabelsSetting, schema: EstimateLabels },
];

/** Each item's current version, as declared in lib/settings (the storage item does not expose it). */
function declaredVersions(): Map<string, number> {
  const versions = new Map<string, number>();
  for (const file of ['estimate-labels', 'timer-rules', 'work-week']) {
    const source = readFileSync(`lib/settings/${file}.ts`, 'utf8');
    for (const m of source.matchAll(/defineItem<[^>]+>\('local:([^']+)',\s*\{[^}]*?version:\s*(\d+)/g)) versions.set(m[1]!, Number(m[2]));
  }
  return versions;
}

async function migrateAll(): Promise<void> {
  for (const { item } of ITEMS) await item.migrate();
}

describe('settings upgrades', () => {
  it('knows every settings item and its version (a new item or version must be added here with a fixture)', () => {
    const versions = declaredVersions();
    expect([...versions.keys()].sort()).toEqual(ITEMS.map(({ item }) => item.key.replace(/^local:/, '')).sort());
    // Version 1 of every item is in v1.json; a version 2 or later needs its own fixture, as v<N>.json.
    for (const [key, version] of versions) for (let v = 1; v < version; v++) expect(fixture(`v${v}`).storage[key], `${key} v${v}`).toBeDefined();
  });

  it('migrates the version 1 fixture to the current versions with every stored choice intact', async () => {
    const v1 = fixture('v1');
    await fakeBrowser.storage.local.set(v1.storage);
    await migrateAll();
    const old = v1.storage['settings.timerRules'] as Omit<TimerRules, 'pomodoro'>;
    expect(await timerRulesSetting.getValue()).toEqual({ ...old, pomodoro: DEFAULT_TIMER_RULES.pomodoro });
    expect(await readTimerRules()).toEqual({ ...old, pomodoro: DEFAULT_TIMER_RULES.pomodoro }); // valid, not the defaults
    expect(await workWeekSetting.getValue()).toEqual(v1.storage['settings.workWeek']);
    expect(await readEstimateLabels()).toEqual(v1.storage['settings.estimateLabels']);
    const versions = declaredVersions();
    for (const { item, schema } of ITEMS) {
      const key = item.key.replace(/^local:/, '');
      expect(await fakeBrowser.storage.local.get(`${key}$`), key).toEqual({ [`${key}$`]: { v: versions.get(key) } });
      expect(schema.safeParse(await item.getValue()).success, key).toBe(true);
    }
  });

  it('reads values stored without a version record as version 1 and migrates them', async () => {
    const bare = fixture('unversioned');
    await fakeBrowser.storage.local.set(bare.storage);
    await migrateAll();
    expect(await timerRulesSetting.getValue()).toEqual({ ...(bare.storage['settings.timerRules'] as object), pomodoro: DEFAULT_TIMER_RULES.pomodoro });
    expect(await workWeekSetting.getValue()).toEqual(bare.storage['settings.workWeek']);
  });

  it('migrating twice changes nothing (a worker restarted mid-way runs the migrations again)', async () => {
    await fakeBrowser.storage.local.set(fixture('v1').storage);
    await migrateAll();
    const once = await fakeBrowser.storage.local.get(null);
    await migrateAll();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(once);
  });

  it('a fresh install has nothing stored and reads the defaults', async () => {
    await migrateAll();
    expect(await readTimerRules()).toEqual(DEFAULT_TIMER_RULES);
    expect(await fakeBrowser.storage.local.get('settings.timerRules')).toEqual({});
  });
});
