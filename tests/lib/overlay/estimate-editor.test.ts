import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItemTimerState } from '../../../lib/messaging/protocol';
import { mountTimerButton, type TimerButtonDeps } from '../../../lib/overlay/timer-button';

const KEY = 'github:github.com/acme/app#3';
const idle: ItemTimerState = { running: null, itemKey: KEY, trackedSeconds: 3600, ownSeconds: 1800, estimateSeconds: null, linked: [], providerSpentSeconds: null, remainingSeconds: null, budget: null, plan: null, risks: [], container: null };
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A user's event: the editor ignores anything a page script dispatches (isTrusted false). */
function trusted<T extends Event>(event: T): T {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

describe('estimate editor beside the timer', () => {
  let root: ShadowRoot;
  let controller: AbortController;
  let setEstimate: ReturnType<typeof vi.fn<(estimate: string | null) => Promise<ItemTimerState>>>;
  let deps: TimerButtonDeps;
  beforeEach(() => {
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    root = host.attachShadow({ mode: 'open' });
    controller = new AbortController();
    setEstimate = vi.fn((estimate: string | null) => (estimate === 'soon' ? Promise.reject(new Error('“soon” is not an estimate Stint can read.')) : Promise.resolve({ ...idle, estimateSeconds: estimate ? 3 * 3600 : null })));
    deps = { getState: () => Promise.resolve(idle), toggle: () => Promise.resolve(idle), onTimerChange: () => undefined, now: () => 0, setEstimate };
  });

  const edit = () => root.querySelector<HTMLButtonElement>('.estimate-edit')!;
  const form = () => root.querySelector<HTMLFormElement>('.estimate-form')!;
  const input = () => form().querySelector('input')!;
  const submit = () => form().dispatchEvent(trusted(new Event('submit', { cancelable: true })));

  it('opens on a trusted click, saves what was typed, and shows the new estimate in the total', async () => {
    mountTimerButton(root, controller.signal, deps);
    await flush();
    edit().dispatchEvent(new MouseEvent('click')); // a page script's click: nothing opens
    expect(root.querySelector('.estimate-form')).toBeNull(); // built on first use only
    edit().dispatchEvent(trusted(new MouseEvent('click')));
    expect(form().hidden).toBe(false);
    expect(root.activeElement).toBe(input());
    input().value = ' 3h ';
    submit();
    await flush();
    expect(setEstimate).toHaveBeenCalledWith('3h');
    expect(form().hidden).toBe(true);
    expect(root.querySelector('.total')?.textContent).toBe('1h / 3h');
  });

  it('keeps the field open with the background’s reason when the text is not a duration', async () => {
    mountTimerButton(root, controller.signal, deps);
    await flush();
    edit().dispatchEvent(trusted(new MouseEvent('click')));
    input().value = 'soon';
    submit();
    await flush();
    expect(form().hidden).toBe(false);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('“soon” is not an estimate Stint can read.');
  });

  it('clears the estimate when the field is emptied, and Escape closes without saving', async () => {
    mountTimerButton(root, controller.signal, deps);
    await flush();
    edit().dispatchEvent(trusted(new MouseEvent('click')));
    input().dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true })));
    expect(form().hidden).toBe(true);
    expect(setEstimate).not.toHaveBeenCalled();
    edit().dispatchEvent(trusted(new MouseEvent('click')));
    input().value = '';
    submit();
    await flush();
    expect(setEstimate).toHaveBeenCalledWith(null);
  });

  it('ignores a submit a page script dispatches', async () => {
    mountTimerButton(root, controller.signal, deps);
    await flush();
    edit().dispatchEvent(trusted(new MouseEvent('click')));
    input().value = '5h';
    form().dispatchEvent(new Event('submit', { cancelable: true }));
    await flush();
    expect(setEstimate).not.toHaveBeenCalled();
  });
});
