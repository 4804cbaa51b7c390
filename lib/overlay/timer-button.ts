import { formatDuration } from '../core/duration';
import { containerName, riskName, t } from './words';
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
/** Where the item is planned, and when that is due (a calendar date in UTC, as the providers store them). */
function containerLine(state: ItemTimerState): string[] {
  const c = state.container;
  if (!c) return [];
  const kind = containerName(c.kind) ?? t('container.plannedIn');
  if (c.dueAt === null) return [t('overlay.containerLine', { kind, title: c.title })];
  return [t('overlay.containerLineDue', { kind, title: c.title, date: new Date(c.dueAt).toISOString().slice(0, 10) })];
}

const PROVIDER_NAMES: Record<string, string> = { gitlab: 'GitLab', jira: 'Jira', github: 'GitHub' };

/** The provider's own total beside Stint's: agreeing, or how far apart — a difference is shown, never hidden. */
function providerLine(state: ItemTimerState): string[] {
  if (state.providerSpentSeconds === null) return [];
  const name = PROVIDER_NAMES[state.itemKey.split(':')[0] ?? ''] ?? t('overlay.theProvider');
  const provider = state.providerSpentSeconds;
  const remaining = state.remainingSeconds === null ? [] : [t('overlay.providerRemaining', { provider: name, duration: formatDuration(state.remainingSeconds) })];
  if (provider === state.trackedSeconds) return [t('overlay.providerAgrees', { provider: name, duration: formatDuration(provider) }), ...remaining];
  const apart = formatDuration(Math.abs(provider - state.trackedSeconds));
  return [
    t('overlay.providerDiffers', { provider: name, spent: formatDuration(provider), tracked: formatDuration(state.trackedSeconds), apart }),
    ...remaining,
  ];
}

/** Tooltip lines for the pull / merge requests that close the item: their number, state and time (not in the total). */
function linkedLines(state: ItemTimerState): string[] {
  if (state.linked.length === 0) return [];
  const seconds = state.linked.reduce((sum, l) => sum + l.trackedSeconds, 0);
  const names = state.linked.map((l) => `${/[#!](\d+)$/.exec(l.key)?.[0] ?? l.key}${l.state ? ` (${l.state})` : ''}`);
  return [t('overlay.closedBy', { names: names.join(', '), duration: formatDuration(seconds) })];
}

/** The budget in words: what the percent is of, the level reached, the money. */
function budgetLines(state: ItemTimerState): string[] {
  const b = state.budget;
  if (!b) return [];
  const lines: string[] = [];
  if (b.percent !== null) {
    const percent = Math.round(b.percent);
    const line = b.against === 'budget' ? t('overlay.percentOfBudget', { percent }) : t('overlay.percentOfEstimate', { percent });
    lines.push(b.level === 'over' ? t('overlay.levelOver', { line }) : b.level === 'warn' ? t('overlay.levelNearlySpent', { line }) : line);
  }
  return b.money ? [...lines, t('overlay.cost', { money: b.money })] : lines;
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
  const words = { ok: t('overlay.planOk'), watch: t('overlay.planWatch'), warn: t('overlay.planWarn'), over: t('overlay.planOver') }[plan.level];
  into.title = t('overlay.planTitle', { name: plan.name, spent: percent.trim() || t('overlay.planNoLimit'), words });
}

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
      chip.append(icon, ` ${riskName(risk.rule)}`); // a short name; the full reason is the label and tooltip
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
      label.textContent = t('overlay.start');
      return;
    }
    const runningHere = state.running?.itemKey === state.itemKey;
    const elapsed = runningHere && state.running ? Math.max(0, Math.floor((deps.now() - state.running.start) / 1000)) : 0;
    button.setAttribute('aria-pressed', String(runningHere));
    button.dataset.state = runningHere ? 'running' : 'idle';
    icon.textContent = runningHere ? '■' : '▶';
    label.textContent = runningHere ? formatDuration(elapsed, 'stopwatch') : t('overlay.start');
    button.setAttribute('aria-label', runningHere ? t('overlay.stopTimer', { elapsed: formatDuration(elapsed) }) : t('overlay.startTimer'));
    const tracked = state.trackedSeconds + elapsed;
    const budget = state.budget;
    const figures = [state.estimateSeconds ? `${formatDuration(tracked)} / ${formatDuration(state.estimateSeconds)}` : formatDuration(tracked)];
    if (budget?.percent != null && tracked > 0) figures.push(`${Math.round(budget.percent)} %`);
    if (budget?.money) figures.push(budget.money);
    total.textContent = figures.join(' · ');
    if (budget) total.dataset.level = budget.level;
    else delete total.dataset.level;
    total.title = [
      t('overlay.trackedByTeam', { duration: formatDuration(tracked) }),
      t('overlay.byYou', { duration: formatDuration(state.ownSeconds + elapsed) }),
      state.estimateSeconds ? t('overlay.estimate', { duration: formatDuration(state.estimateSeconds) }) : t('overlay.noEstimate'),
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
      fieldName: t('overlay.planField'),
      failure: t('overlay.planFailure'),
      current: () => state?.plan?.budgetSeconds ?? null,
      save: deps.setPlanBudget,
      onSaved: show,
    });
    planEditor.hidden = c === null;
    const name = c ? `${containerName(c.kind) ?? t('container.plan')} ${c.title}` : '';
    planEditor.setAttribute('aria-label', t('overlay.planName', { name }));
    planEditor.title = t('overlay.planTitleEdit', { name });
  };

  // The ✎ is named in the person's language, so it is mounted with the first answer (which brings the words).
  let estimateEditor: HTMLButtonElement | null = null;
  const show = (next: ItemTimerState) => {
    if (signal.aborted) return;
    state = next;
    wrap.removeAttribute('data-error');
    if (deps.setEstimate && !estimateEditor) estimateEditor = mountEstimateEditor(wrap, signal, { current: () => state?.estimateSeconds ?? null, save: deps.setEstimate, onSaved: show });
    showPlanEditor(next);
    drawPlan(plan, next.plan);
    drawRisks(risks, next.risks);
    draw();
  };
  const fail = (error: unknown) => {
    if (signal.aborted) return;
    wrap.dataset.error = '';
    total.textContent = '⚠';
    total.title = error instanceof Error ? error.message : t('overlay.unreachable');
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

  draw();
  refresh();
}
