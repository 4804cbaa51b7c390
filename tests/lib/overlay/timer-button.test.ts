import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ItemTimerState } from '../../../lib/messaging/protocol';
import { mountTimerButton, type TimerButtonDeps } from '../../../lib/overlay/timer-button';

const KEY = 'github:github.com/acme/app#3';
const T0 = Date.UTC(2026, 10, 26, 9);
const idle: ItemTimerState = { running: null, itemKey: KEY, trackedSeconds: 3600, ownSeconds: 1800, estimateSeconds: null, linked: [], providerSpentSeconds: null, remainingSeconds: null, budget: null, plan: null, risks: [], container: null };
const running: ItemTimerState = { running: { entryId: 'e', itemKey: KEY, start: T0, title: null }, itemKey: KEY, trackedSeconds: 3600, ownSeconds: 1800, estimateSeconds: 5 * 3600, linked: [], providerSpentSeconds: null, remainingSeconds: null, budget: null, plan: null, risks: [], container: null };
const elsewhere: ItemTimerState = { running: { entryId: 'e', itemKey: 'jira:acme.atlassian.net/PAY-1', start: T0, title: null }, itemKey: KEY, trackedSeconds: 3600, ownSeconds: 1800, estimateSeconds: null, linked: [], providerSpentSeconds: null, remainingSeconds: null, budget: null, plan: null, risks: [], container: null };

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('timer button', () => {
  let root: ShadowRoot;
  let controller: AbortController;
  let now: number;
  let changeListeners: (() => void)[];
  let deps: TimerButtonDeps & { getState: ReturnType<typeof vi.fn>; toggle: ReturnType<typeof vi.fn> };

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const host = document.createElement('div');
    document.body.replaceChildren(host);
    root = host.attachShadow({ mode: 'open' });
    controller = new AbortController();
    now = T0 + 65_000;
    changeListeners = [];
    deps = {
      getState: vi.fn(() => Promise.resolve(idle)),
      toggle: vi.fn(() => Promise.resolve(running)),
      onTimerChange: (listener) => changeListeners.push(listener),
      now: () => now,
    };
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const button = () => root.querySelector('button')!;

  it('is a real button that starts, shows the live elapsed time, and adds it to the total', async () => {
    mountTimerButton(root, controller.signal, deps);
    await flush();
    expect(button().getAttribute('aria-pressed')).toBe('false');
    expect(button().textContent).toBe('▶Start');
    expect(root.querySelector('.total')?.textContent).toBe('1h');
    button().dispatchEvent(new MouseEvent('click'));
    // Synthetic (untrusted) clicks from page scripts do nothing.
    expect(deps.toggle).not.toHaveBeenCalled();
  });

  it('toggles on a trusted click and ticks every second while running', async () => {
    mountTimerButton(root, controller.signal, deps);
    await flush();
    const click = new MouseEvent('click');
    Object.defineProperty(click, 'isTrusted', { value: true });
    button().dispatchEvent(click);
    await flush();
    expect(deps.toggle).toHaveBeenCalledTimes(1);
    expect(button().getAttribute('aria-pressed')).toBe('true');
    expect(button().textContent).toBe('■0:01:05');
    now += 2000;
    vi.advanceTimersByTime(2000);
    expect(button().textContent).toBe('■0:01:07');
    expect(root.querySelector('.total')?.textContent).toBe('1h 1m 7s / 5h');
    expect(root.querySelector('.total')?.getAttribute('title')).toBe('Tracked by the team: 1h 1m 7s\nBy you: 31m 7s\nEstimate: 5h');
  });

  it('names the pull requests that close the item, with their time, in the total’s tooltip', async () => {
    const linked = [
      { key: 'github:github.com/acme/app#8', url: 'https://github.com/acme/app/pull/8', title: 'Fix', state: 'merged' as const, trackedSeconds: 5400 },
      { key: 'github:github.com/acme/app#9', url: 'https://github.com/acme/app/pull/9', title: null, state: 'open' as const, trackedSeconds: 1800 },
    ];
    deps.getState.mockResolvedValueOnce({ ...idle, linked });
    mountTimerButton(root, controller.signal, deps);
    await flush();
    expect(root.querySelector('.total')?.textContent).toBe('1h'); // not added to the item's own total
    expect(root.querySelector('.total')?.getAttribute('title')).toBe('Tracked by the team: 1h\nBy you: 30m\nNo estimate\nClosed by #8 (merged), #9 (open): 2h tracked there');
  });

  it('names the milestone the item is planned in, with its due date', async () => {
    deps.getState.mockResolvedValueOnce({ ...idle, container: { kind: 'milestone', title: 'Invoicing v2', dueAt: Date.UTC(2026, 11, 12) } });
    mountTimerButton(root, controller.signal, deps);
    await flush();
    expect(root.querySelector('.total')?.getAttribute('title')).toBe('Tracked by the team: 1h\nBy you: 30m\nNo estimate\nMilestone: Invoicing v2, due 2026-12-12');
  });

  it('puts the provider’s own total beside Stint’s: agreeing, or how far apart', async () => {
    const gitlab = 'gitlab:gitlab.com/acme/platform/billing-service#3';
    deps.getState.mockResolvedValueOnce({ ...idle, itemKey: gitlab, trackedSeconds: 5400, providerSpentSeconds: 5400 }).mockResolvedValueOnce({ ...idle, itemKey: gitlab, trackedSeconds: 5400, providerSpentSeconds: 7200 });
    mountTimerButton(root, controller.signal, deps);
    await flush();
    expect(root.querySelector('.total')?.getAttribute('title')).toContain('GitLab agrees: 1h 30m spent');
    changeListeners.forEach((listener) => listener());
    await flush();
    expect(root.querySelector('.total')?.getAttribute('title')).toContain('GitLab records 2h spent; Stint counts 1h 30m (30m apart)');
  });

  it('shows the budget’s percent, money and level beside the total, and one chip per risk with its reason, as text', async () => {
    const hostile = '<img src=x onerror="globalThis.pwned=1">';
    deps.getState.mockResolvedValueOnce({
      ...idle,
      trackedSeconds: 36 * 3600,
      estimateSeconds: 40 * 3600,
      budget: { percent: 90, level: 'warn', money: '€3,060.00', against: 'estimate' },
      plan: { name: 'Invoicing v2', percent: 90, level: 'warn', money: '€3,060.00' },
      risks: [
        { rule: 'overdue', severity: 'critical', reason: 'PAY-12 was due on 2026-11-25 and is still open.' },
        { rule: 'blocked', severity: 'warning', reason: `PAY-12 is labelled “${hostile}”.` },
        { rule: 'no-estimate', severity: 'info', reason: 'x' },
        { rule: 'stale', severity: 'info', reason: 'y' },
      ],
    });
    mountTimerButton(root, controller.signal, deps);
    await flush();
    const total = root.querySelector('.total')!;
    expect(total.textContent).toBe('36h / 40h · 90 % · €3,060.00');
    expect(total.getAttribute('data-level')).toBe('warn');
    expect(total.getAttribute('title')).toContain('90 % of its estimate — nearly spent\nCost at your rates: €3,060.00');
    const plan = root.querySelector('.plan')!;
    expect([plan.textContent, plan.getAttribute('data-level'), plan.getAttribute('title')]).toEqual(['Invoicing v2 90 % · €3,060.00', 'warn', 'Budget of Invoicing v2: 90 % spent — nearly spent']);
    const chips = [...root.querySelectorAll('.risk')];
    expect(chips.map((c) => [c.getAttribute('data-severity'), c.textContent])).toEqual([
      ['critical', '⛔ Overdue'],
      ['warning', '⚠ Blocked'],
      ['info', 'ℹ No estimate'],
    ]);
    expect(chips[1]!.getAttribute('aria-label')).toBe(`PAY-12 is labelled “${hostile}”.`);
    expect(root.querySelector('img')).toBeNull();
    // The next state without risks clears the chips.
    deps.getState.mockResolvedValueOnce({ ...idle });
    changeListeners.forEach((listener) => listener());
    await flush();
    expect(root.querySelectorAll('.risk')).toHaveLength(0);
    expect(root.querySelector('.total')?.hasAttribute('data-level')).toBe(false);
    expect(root.querySelector('.plan')?.textContent).toBe('');
  });

  it('names Jira’s remaining estimate beside its total', async () => {
    const jira = 'jira:acme.atlassian.net/PAY-7';
    deps.getState.mockResolvedValueOnce({ ...idle, itemKey: jira, trackedSeconds: 5400, providerSpentSeconds: 5400, estimateSeconds: 4 * 3600, remainingSeconds: 9000 });
    mountTimerButton(root, controller.signal, deps);
    await flush();
    expect(root.querySelector('.total')?.getAttribute('title')).toContain('Jira agrees: 1h 30m spent\nJira remaining estimate: 2h 30m');
  });

  it('redraws when the timer changes elsewhere: another item running means this one is idle', async () => {
    deps.getState.mockResolvedValueOnce(running).mockResolvedValueOnce(elsewhere);
    mountTimerButton(root, controller.signal, deps);
    await flush();
    expect(button().getAttribute('aria-pressed')).toBe('true');
    changeListeners.forEach((listener) => listener());
    await flush();
    expect(button().getAttribute('aria-pressed')).toBe('false');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says what went wrong when the background cannot answer, and cleans up when aborted', async () => {
    deps.getState.mockRejectedValueOnce(new Error('Stint’s background did not answer.'));
    mountTimerButton(root, controller.signal, deps);
    await flush();
    expect(root.querySelector('.total')?.getAttribute('title')).toBe('Stint’s background did not answer.');
    controller.abort();
    expect(root.querySelector('.timer')).toBeNull();
  });

  it('⚑ quick-sets the budget of the item’s milestone, by a trusted Enter only, and appears once the item is planned', async () => {
    const trusted = <T extends Event>(event: T) => (Object.defineProperty(event, 'isTrusted', { value: true }), event);
    const planned: ItemTimerState = { ...idle, container: { kind: 'milestone', title: 'Invoicing v2', dueAt: null } };
    const budgeted: ItemTimerState = { ...planned, plan: { name: 'Invoicing v2', percent: 25, level: 'ok', money: null, budgetSeconds: 40 * 3600 } };
    const setPlanBudget = vi.fn((hours: string | null) => Promise.resolve(hours ? budgeted : planned));
    deps.getState.mockResolvedValueOnce(idle).mockResolvedValueOnce(planned);
    mountTimerButton(root, controller.signal, { ...deps, setPlanBudget });
    await flush();
    expect(root.querySelector('[aria-label^="Set the budget"]')).toBeNull(); // not planned (yet): nothing to budget
    changeListeners.forEach((listener) => listener());
    await flush();
    const flag = root.querySelector<HTMLButtonElement>('[aria-label="Set the budget of Milestone Invoicing v2"]')!;
    expect(flag.hidden).toBe(false);
    flag.dispatchEvent(new MouseEvent('click')); // a page script's click opens nothing
    expect(root.querySelector('input')).toBeNull();
    flag.dispatchEvent(trusted(new MouseEvent('click')));
    const input = root.querySelector<HTMLInputElement>('input[aria-label^="Budget in hours"]')!;
    input.value = '40h';
    input.form!.dispatchEvent(new Event('submit')); // untrusted: ignored
    expect(setPlanBudget).not.toHaveBeenCalled();
    input.form!.dispatchEvent(trusted(new Event('submit', { cancelable: true })));
    await flush();
    expect(setPlanBudget).toHaveBeenCalledWith('40h');
    expect(root.querySelector('.plan')?.textContent).toBe('Invoicing v2 25 %');
    // Opening it again starts from the budget it has.
    flag.dispatchEvent(trusted(new MouseEvent('click')));
    expect(input.value).toBe('40h');
  });
});
