import { formatDuration } from '../core/duration';
import type { ItemTimerState } from '../messaging/protocol';
import { mountDurationEditor, mountEstimateEditor } from './estimate-editor';

export interface TimerButtonDeps {
  readonly getState: () => Promise<ItemTimerState>;
  readonly toggle: () => Promise<ItemTimerState>;
  /** Call back whenever the timer changes anywhere (another tab, the popup, the shortcut). */
  readonly onTimerChange: (listener: () => void, signal: AbortSignal) => void;
  readonly now: () => number;
  /** Set the item's own estimate as typed (the ✎ beside the total); absent where the page cannot set one. */
  readonly setEstimate?: (estimate: string | null) => Promise<ItemTimerState>;
  /** Set the hours of the budget of the item's milestone / sprint (the ⚑ beside the plan); absent where not allowed. */
  readonly setPlanBudget?: (hours: string | null) => Promise<ItemTimerState>;
}

/**
 * The page's timer: a real <button> (aria-pressed, keyboard-usable) showing ▶ Start, or ■ and the live elapsed time,
 * and beside it the item's total tracked time. It asks the background for the truth and redraws when the timer changes
 * elsewhere; it never decides anything itself.
 */
const CONTAINER_NAMES: Record<string, string> = { milestone: 'Milestone', sprint: 'Sprint', epic: 'Epic', iteration: 'Iteration' };

/** Where the item is planned, and when that is due (a calendar date in UTC, as the providers store them). */
function containerLine(state: ItemTimerState): string[] {
  const c = state.container;
  if (!c) return [];
  const due = c.dueAt === null ? '' : `, due ${new Date(c.dueAt).toISOString().slice(0, 10)}`;
  return [`${CONTAINER_NAMES[c.kind] ?? 'Planned in'}: ${c.title}${due}`];
}

const PROVIDER_NAMES: Record<string, string> = { gitlab: 'GitLab', jira: 'Jira', github: 'GitHub' };

/** The provider's own total beside Stint's: agreeing, or how far apart — a difference is shown, never hidden. */
function providerLine(state: ItemTimerState): string[] {
  if (state.providerSpentSeconds === null) return [];
  const name = PROVIDER_NAMES[state.itemKey.split(':')[0] ?? ''] ?? 'The provider';
  const provider = state.providerSpentSeconds;
  const remaining = state.remainingSeconds === null ? [] : [`${name} remaining estimate: ${formatDuration(state.remainingSeconds)}`];
  if (provider === state.trackedSeconds) return [`${name} agrees: ${formatDuration(provider)} spent`, ...remaining];
  const apart = formatDuration(Math.abs(provider - state.trackedSeconds));
  return [`${name} records ${formatDuration(provider)} spent; Stint counts ${formatDuration(state.trackedSeconds)} (${apart} apart)`, ...remaining];
}

/** Tooltip lines for the pull / merge requests that close the item: their number, state and time (not in the total). */
function linkedLines(state: ItemTimerState): string[] {
  if (state.linked.length === 0) return [];
  const seconds = state.linked.reduce((sum, l) => sum + l.trackedSeconds, 0);
  const names = state.linked.map((l) => `${/[#!](\d+)$/.exec(l.key)?.[0] ?? l.key}${l.state ? ` (${l.state})` : ''}`);
  return [`Closed by ${names.join(', ')}: ${formatDuration(seconds)} tracked there`];
}

/** The budget in words: what the percent is of, the level reached, the money. */
function budgetLines(state: ItemTimerState): string[] {
  const b = state.budget;
  if (!b) return [];
  const of = b.against === 'budget' ? 'its budget' : 'its estimate';
  const lines = b.percent === null ? [] : [`${Math.round(b.percent)} % of ${of}${b.level === 'over' ? ' — over' : b.level === 'warn' ? ' — nearly spent' : ''}`];
  return b.money ? [...lines, `Cost at your rates: ${b.money}`] : lines;
}

/** The milestone's / sprint's budget: its name, percent and money, its level as colour and in the words of its label. */
function drawPlan(into: HTMLElement, plan: ItemTimerState['plan']): void {
  if (!plan) {
    into.textContent = '';
    delete into.dataset.level;
    into.removeAttribute('title');
    return;
  }
  const percent = plan.percent === null ? '' : ` ${Math.round(plan.percent)} %`;
  into.textContent = `${plan.name}${percent}${plan.money ? ` · ${plan.money}` : ''}`;
  into.dataset.level = plan.level;
  const words = { ok: 'within budget', watch: 'past its first threshold', warn: 'nearly spent', over: 'over budget' }[plan.level];
  into.title = `Budget of ${plan.name}: ${percent.trim() || 'no limit in hours'} spent — ${words}`;
}

/** Short names for the chips; the full reason is the chip's label and tooltip. */
const RISK_NAMES: Record<string, string> = {
  'over-budget': 'Over budget',
  'forecast-overrun': 'Forecast overrun',
  overdue: 'Overdue',
  'due-soon': 'Due soon',
  stale: 'Stale',
  'no-estimate': 'No estimate',
  'over-estimate': 'Over estimate',
  blocked: 'Blocked',
  'scope-creep': 'Scope creep',
  'timer-running': 'Timer running long',
  'unassigned-near-due': 'Unassigned',
  'over-capacity': 'Over capacity',
};
const SEVERITY_ICONS: Record<string, string> = { critical: '⛔', warning: '⚠', info: 'ℹ' };

/** One chip per risk (at most three, most severe first): icon and words, never colour alone; text only, never markup. */
function drawRisks(into: HTMLElement, list: ItemTimerState['risks']): void {
  const doc = into.ownerDocument;
  into.replaceChildren(
    ...list.slice(0, 3).map((risk) => {
      const chip = doc.createElement('span');
      chip.className = 'risk';
      chip.dataset.severity = risk.severity;
      chip.setAttribute('role', 'note');
      chip.tabIndex = 0;
      chip.setAttribute('aria-label', risk.reason);
      chip.title = risk.reason;
      const icon = doc.createElement('span');
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = SEVERITY_ICONS[risk.severity] ?? '⚠';
      chip.append(icon, ` ${RISK_NAMES[risk.rule] ?? risk.rule}`);
      return chip;
    }),
  );
}

export function mountTimerButton(root: ShadowRoot, signal: AbortSignal, deps: TimerButtonDeps): void {
  const doc = root.ownerDocument;
  const wrap = doc.createElement('span');
  wrap.className = 'timer';
  const button = doc.createElement('button');
  button.type = 'button';
  button.setAttribute('aria-pressed', 'false');
  const icon = doc.createElement('span');
  icon.className = 'icon';
  icon.setAttribute('aria-hidden', 'true');
  const label = doc.createElement('span');
  label.className = 'label';
  button.append(icon, label);
  const total = doc.createElement('span');
  total.className = 'total';
  const plan = doc.createElement('span');
  plan.className = 'plan';
  const risks = doc.createElement('span');
  risks.className = 'risks';
  wrap.append(button, total, plan, risks);
  root.querySelector('.timer')?.remove();
  root.append(wrap);

  let state: ItemTimerState | null = null;
  let tick: ReturnType<typeof setInterval> | undefined;
  const stopTick = () => {
    if (tick !== undefined) clearInterval(tick);
    tick = undefined;
  };
  signal.addEventListener('abort', () => {
    stopTick();
    wrap.remove();
  });

  const draw = () => {
    if (!state) {
      icon.textContent = '▶';
      label.textContent = 'Start';
      return;
    }
    const runningHere = state.running?.itemKey === state.itemKey;
    const elapsed = runningHere && state.running ? Math.max(0, Math.floor((deps.now() - state.running.start) / 1000)) : 0;
    button.setAttribute('aria-pressed', String(runningHere));
    button.dataset.state = runningHere ? 'running' : 'idle';
    icon.textContent = runningHere ? '■' : '▶';
    label.textContent = runningHere ? formatDuration(elapsed, 'stopwatch') : 'Start';
    button.setAttribute('aria-label', runningHere ? `Stop timer, running ${formatDuration(elapsed)}` : 'Start timer');
    const tracked = state.trackedSeconds + elapsed;
    const budget = state.budget;
    const figures = [state.estimateSeconds ? `${formatDuration(tracked)} / ${formatDuration(state.estimateSeconds)}` : formatDuration(tracked)];
    if (budget?.percent != null && tracked > 0) figures.push(`${Math.round(budget.percent)} %`);
    if (budget?.money) figures.push(budget.money);
    total.textContent = figures.join(' · ');
    if (budget) total.dataset.level = budget.level;
    else delete total.dataset.level;
    total.title = [
      `Tracked by the team: ${formatDuration(tracked)}`,
      `By you: ${formatDuration(state.ownSeconds + elapsed)}`,
      state.estimateSeconds ? `Estimate: ${formatDuration(state.estimateSeconds)}` : 'No estimate',
      ...budgetLines(state),
      ...containerLine(state),
      ...providerLine(state),
      ...linkedLines(state),
    ].join('\n');
    if (runningHere && tick === undefined) tick = setInterval(draw, 1000);
    if (!runningHere) stopTick();
  };

  // The ⚑ exists once the item is known to be planned in a milestone / sprint (often only after the first sync).
  let planEditor: HTMLButtonElement | null = null;
  const showPlanEditor = (next: ItemTimerState) => {
    const c = next.container;
    if (!deps.setPlanBudget || (!c && !planEditor)) return;
    planEditor ??= mountDurationEditor(wrap, signal, {
      glyph: '⚑',
      name: '',
      title: '',
      fieldName: 'Budget in hours, e.g. 40h or 5d; empty removes it',
      failure: 'Stint could not save the budget.',
      current: () => state?.plan?.budgetSeconds ?? null,
      save: deps.setPlanBudget,
      onSaved: show,
    });
    planEditor.hidden = c === null;
    const name = c ? `${CONTAINER_NAMES[c.kind] ?? 'Plan'} ${c.title}` : '';
    planEditor.setAttribute('aria-label', `Set the budget of ${name}`);
    planEditor.title = `Set the budget (hours) of ${name}`;
  };

  const show = (next: ItemTimerState) => {
    if (signal.aborted) return;
    state = next;
    wrap.removeAttribute('data-error');
    showPlanEditor(next);
    drawPlan(plan, next.plan);
    drawRisks(risks, next.risks);
    draw();
  };
  const fail = (error: unknown) => {
    if (signal.aborted) return;
    wrap.dataset.error = '';
    total.textContent = '⚠';
    total.title = error instanceof Error ? error.message : 'Stint could not reach its background. Reload the page.';
  };
  const refresh = () => void deps.getState().then(show, fail);

  button.addEventListener('click', (event) => {
    // Only a real user gesture: synthetic clicks dispatched by page scripts are ignored.
    if (!event.isTrusted || button.getAttribute('aria-busy') === 'true') return;
    button.setAttribute('aria-busy', 'true');
    void deps
      .toggle()
      .then(show, fail)
      .finally(() => button.removeAttribute('aria-busy'));
  }, { signal });
  deps.onTimerChange(refresh, signal);
  if (deps.setEstimate) mountEstimateEditor(wrap, signal, { current: () => state?.estimateSeconds ?? null, save: deps.setEstimate, onSaved: show });
  draw();
  refresh();
}
