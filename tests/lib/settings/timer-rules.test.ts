import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_TIMER_RULES, readTimerRules, timerRulesSetting } from '../../../lib/settings/timer-rules';

describe('timer rules setting', () => {
  it('migrates version 1 (no Pomodoro) to version 2 with every stored choice intact', async () => {
    const v1 = { idle: { thresholdMinutes: 12, onReturn: 'discard' }, longTimerHours: 6, autoStopAt: '17:45' };
    await fakeBrowser.storage.local.set({ 'settings.timerRules': v1, 'settings.timerRules$': { v: 1 } });
    await timerRulesSetting.migrate();
    expect(await timerRulesSetting.getValue()).toEqual({ ...v1, pomodoro: { enabled: false, focusMinutes: 25, breakMinutes: 5 } });
    expect(await fakeBrowser.storage.local.get('settings.timerRules$')).toEqual({ 'settings.timerRules$': { v: 2 } });
  });

  it('falls back to the defaults when what is stored cannot be read', async () => {
    await fakeBrowser.storage.local.set({ 'settings.timerRules': { idle: 'nonsense' }, 'settings.timerRules$': { v: 2 } });
    expect(await readTimerRules()).toEqual(DEFAULT_TIMER_RULES);
  });
});
