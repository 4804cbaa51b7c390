import { storage, type WxtStorageItem } from 'wxt/utils/storage';
import type * as z from 'zod/mini';
import type { SettingRecord } from '../core/portability/backup';
import { stableJson } from '../core/portability/ids';
import { EstimateLabels, estimateLabelsSetting } from '../settings/estimate-labels';
import { TimerRules, timerRulesSetting } from '../settings/timer-rules';
import { WorkWeek, workWeekSetting } from '../settings/work-week';
import { t } from '../i18n';
import { issueText } from '../messaging/issue-text';

/** One setting a backup carries: its storage item, the version its shape is at now, and the schema that checks it. */
export interface SettingSlot {
  readonly name: string;
  readonly version: number;
  readonly item: WxtStorageItem<unknown, Record<string, unknown>>;
  readonly schema: z.ZodMiniType;
}

const slot = <T>(name: string, version: number, item: WxtStorageItem<T, Record<string, unknown>>, schema: z.ZodMiniType<T>): SettingSlot => ({
  name,
  version,
  item: item,
  schema,
});

/** Every setting in lib/settings, with the `version` its `defineItem` declares (kept equal by a test). */
export const SETTINGS: readonly SettingSlot[] = [
  slot('workWeek', 1, workWeekSetting, WorkWeek),
  slot('timerRules', 2, timerRulesSetting, TimerRules),
  slot('estimateLabels', 1, estimateLabelsSetting, EstimateLabels),
];

/**
 * A setting's value and the version of its shape: wxt's recorded version (none recorded means 1, as wxt reads it), or,
 * for a setting never set, today's version with its fallback.
 */
export async function readSetting(slot: SettingSlot): Promise<SettingRecord> {
  const value = await slot.item.getValue();
  if ((await storage.getItem(slot.item.key)) === null) return { version: slot.version, value };
  const meta = await storage.getMeta<{ v?: unknown }>(slot.item.key);
  return { version: typeof meta.v === 'number' ? meta.v : 1, value };
}

export type SettingOutcome = { readonly name: string; readonly outcome: 'new' | 'changed' | 'unchanged' } | { readonly name: string; readonly outcome: 'skipped'; readonly reason: string };

/**
 * What restoring the backup's settings would do, each checked against today's schema. A setting of another version is
 * kept as it is here (its shape may differ), and a setting this Stint does not know is named, not guessed at.
 */
export async function planSettings(records: Readonly<Record<string, SettingRecord>>, slots: readonly SettingSlot[] = SETTINGS): Promise<{ outcomes: SettingOutcome[]; writes: { slot: SettingSlot; value: unknown }[] }> {
  const outcomes: SettingOutcome[] = [];
  const writes: { slot: SettingSlot; value: unknown }[] = [];
  for (const [name, record] of Object.entries(records)) {
    const known = slots.find((s) => s.name === name);
    if (!known) {
      outcomes.push({ name, outcome: 'skipped', reason: t('refusal.noSuchSetting') });
      continue;
    }
    if (record.version !== known.version) {
      outcomes.push({ name, outcome: 'skipped', reason: t('refusal.otherVersion', { theirs: String(record.version), ours: String(known.version) }) });
      continue;
    }
    const parsed = known.schema.safeParse(record.value);
    if (!parsed.success) {
      outcomes.push({ name, outcome: 'skipped', reason: t('refusal.invalidSetting', { problem: issueText(parsed.error.issues[0], record.value, t('problem.theValue')) }) });
      continue;
    }
    const current = await readSetting(known);
    if (current.version === record.version && stableJson(current.value) === stableJson(parsed.data)) {
      outcomes.push({ name, outcome: 'unchanged' });
      continue;
    }
    outcomes.push({ name, outcome: 'changed' });
    writes.push({ slot: known, value: parsed.data });
  }
  return { outcomes, writes };
}

/** Write the planned settings, each with its version recorded as wxt would. */
export async function writeSettings(writes: readonly { slot: SettingSlot; value: unknown }[]): Promise<void> {
  for (const { slot, value } of writes) {
    await slot.item.setValue(value);
    await storage.setMeta(slot.item.key, { v: slot.version });
  }
}
