import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatDuration } from '@/lib/core/duration';
import { formatMoney } from '@/lib/core/money';
import { request } from '@/lib/messaging/client';
import type { BudgetViewData, RequestOf, ResponseOf } from '@/lib/messaging/protocol';

type Budget = RequestOf<'budgets.save'>;
type Rate = RequestOf<'rates.save'>;
type Scopes = ResponseOf<'budgets.scopes'>;

export interface BudgetsPanelProps {
  readonly overview: readonly BudgetViewData[];
  readonly rates: readonly Rate[];
  readonly scopes: Scopes;
  readonly onSaveBudget: (budget: Budget) => Promise<void>;
  readonly onRemoveBudget: (id: string) => Promise<void>;
  readonly onSaveRate: (rate: Rate) => Promise<void>;
  readonly onRemoveRate: (id: string) => Promise<void>;
  readonly newId: () => string;
}

const LEVEL_WORDS = { ok: 'within budget', watch: 'past its first threshold', warn: 'nearly spent', over: 'over budget' } as const;

/** `85`, `85.50`, `85,5` → minor units; null when not an amount. */
export function readAmount(text: string): number | null {
  const m = /^\s*(\d{1,9})(?:[.,](\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
}

/** `50, 80, 100` → [50, 80, 100]; null when a part is not a percentage. */
export function readThresholds(text: string): number[] | null {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const values = parts.map(Number);
  return values.every((v) => Number.isFinite(v) && v > 0 && v <= 1000) && values.length <= 6 ? values.sort((a, b) => a - b) : null;
}

function summary(view: BudgetViewData): string {
  const s = view.status;
  const spent = `${formatDuration(s.spentSeconds)}${view.budget.hours ? ` of ${view.budget.hours} h` : ''}`;
  const money = s.spentMoney ? ` · ${formatMoney(s.spentMoney)}${view.budget.money ? ` of ${formatMoney(view.budget.money)}` : ''}` : '';
  const percent = s.percent === null ? '' : ` · ${Math.round(s.percent)} %`;
  return `${spent}${money}${percent} — ${LEVEL_WORDS[s.level]}`;
}

/**
 * Budgets per project or milestone / sprint (hours and / or money, total or per month, with thresholds) and hourly
 * rates per person and / or project. Each budget shows where it stands, its forecast and its risks.
 */
export function BudgetsPanel(props: BudgetsPanelProps) {
  const ids = { scope: useId(), hours: useId(), amount: useId(), currency: useId(), period: useId(), thresholds: useId(), person: useId(), rateProject: useId(), perHour: useId(), rateCurrency: useId() };
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const choices = [...props.scopes.projects.map((p) => ({ key: p.key, name: `Project ${p.name}`, kind: 'project' as const })), ...props.scopes.containers.map((c) => ({ key: c.key, name: c.name, kind: 'container' as const }))];
  const fail = (text: string) => setStatus({ kind: 'error', text });
  const run = async (work: Promise<void>, done: string) => {
    try {
      await work;
      setStatus({ kind: 'ok', text: done });
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
    }
  };

  const saveBudget = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const scope = choices.find((c) => c.key === get('scope'));
    if (!scope) return fail('Pick what the budget is for: a project or a milestone / sprint (open one of its items first if it is not listed).');
    const hours = get('hours').trim() === '' ? null : Number(get('hours'));
    const amount = get('amount').trim() === '' ? null : readAmount(get('amount'));
    const thresholds = readThresholds(get('thresholds'));
    if (hours !== null && !(Number.isFinite(hours) && hours > 0)) return fail('Hours must be a number above 0, or empty for a money-only budget.');
    if (get('amount').trim() !== '' && amount === null) return fail('The amount is a number such as 3400 or 3400.50.');
    if (hours === null && amount === null) return fail('Give the budget hours, money, or both.');
    if (!thresholds) return fail('Thresholds are percentages separated by commas, e.g. 50, 80, 100.');
    const currency = get('currency').trim().toUpperCase() || 'EUR';
    if (!/^[A-Z]{3}$/.test(currency)) return fail('The currency is a three-letter code such as EUR, USD or GBP.');
    const budget: Budget = { id: props.newId(), scope: { kind: scope.kind, key: scope.key }, hours, money: amount === null ? null : { amount, currency }, period: get('period') === 'monthly' ? 'monthly' : 'total', thresholds };
    void run(props.onSaveBudget(budget), `Budget saved for ${scope.name}.`);
  };

  const saveRate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const perHour = readAmount(get('perHour'));
    if (perHour === null) return fail('The rate is an amount per hour such as 85 or 85.50.');
    const currency = get('rateCurrency').trim().toUpperCase() || 'EUR';
    if (!/^[A-Z]{3}$/.test(currency)) return fail('The currency is a three-letter code such as EUR, USD or GBP.');
    const person = get('person').trim() || null;
    const projectKey = get('rateProject') || null;
    void run(props.onSaveRate({ id: props.newId(), person, projectKey, perHour, currency }), 'Rate saved.');
  };

  return (
    <section className="card" aria-labelledby="budgets-title">
      <h2 id="budgets-title">Budgets and rates</h2>
      {props.overview.length === 0 ? <p>No budget yet. Set one for a project or a milestone / sprint below: Stint then shows how much is spent, the forecast and the risks, on every page.</p> : null}
      <ul className="budgets" aria-label="Budgets">
        {props.overview.map((view) => (
          <li key={view.budget.id} data-testid="budget" data-level={view.status.level}>
            <strong>{view.name}</strong> {view.budget.period === 'monthly' ? '(this month) ' : ''}
            <span>{summary(view)}</span>
            {view.forecast.runsOutOn ? <span className="hint"> · runs out on {view.forecast.runsOutOn} at {formatDuration(Math.round(view.forecast.burnPerDay / 60) * 60)} a working day</span> : null}
            {view.risks.length > 0 ? (
              <ul aria-label={`Risks of ${view.name}`}>
                {view.risks.map((risk) => (
                  <li key={risk.rule}>{risk.reason}</li>
                ))}
              </ul>
            ) : null}
            <button type="button" onClick={() => void run(props.onRemoveBudget(view.budget.id), `Budget for ${view.name} removed.`)} aria-label={`Remove the budget of ${view.name}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={saveBudget} aria-label="Add a budget">
        <label htmlFor={ids.scope}>
          For
          <select id={ids.scope} name="scope" defaultValue="">
            <option value="" disabled>
              {choices.length === 0 ? 'Connect a provider and open an item first' : 'Choose a project or milestone / sprint'}
            </option>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.hours}>
          Hours <input id={ids.hours} name="hours" type="number" min={0} step={0.5} inputMode="decimal" />
        </label>
        <label htmlFor={ids.amount}>
          Money <input id={ids.amount} name="amount" type="text" inputMode="decimal" placeholder="3400" />
        </label>
        <label htmlFor={ids.currency}>
          Currency <input id={ids.currency} name="currency" type="text" defaultValue="EUR" maxLength={3} size={4} />
        </label>
        <label htmlFor={ids.period}>
          Period
          <select id={ids.period} name="period" defaultValue="total">
            <option value="total">In total</option>
            <option value="monthly">Per month</option>
          </select>
        </label>
        <label htmlFor={ids.thresholds}>
          Alert thresholds (%) <input id={ids.thresholds} name="thresholds" type="text" defaultValue="50, 80, 100" />
        </label>
        <button type="submit">Add budget</button>
      </form>
      <h3>Rates</h3>
      {props.rates.length === 0 ? <p className="hint">No rates: budgets count hours only. A rate turns hours into money (the most specific one applies: a person on a project, then the project, then the person, then everyone).</p> : null}
      <ul aria-label="Rates">
        {props.rates.map((rate) => (
          <li key={rate.id} data-testid="rate">
            {rate.person ?? 'Everyone'} · {rate.projectKey ? (props.scopes.projects.find((p) => p.key === rate.projectKey)?.name ?? rate.projectKey) : 'every project'} · {formatMoney({ amount: rate.perHour, currency: rate.currency })} / h{' '}
            <button type="button" onClick={() => void run(props.onRemoveRate(rate.id), 'Rate removed.')} aria-label={`Remove the rate of ${rate.person ?? 'everyone'}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={saveRate} aria-label="Add a rate">
        <label htmlFor={ids.person}>
          Person (their provider name; <code>me</code> is you; empty: everyone) <input id={ids.person} name="person" type="text" autoComplete="off" />
        </label>
        <label htmlFor={ids.rateProject}>
          Project
          <select id={ids.rateProject} name="rateProject" defaultValue="">
            <option value="">Every project</option>
            {props.scopes.projects.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.perHour}>
          Per hour <input id={ids.perHour} name="perHour" type="text" inputMode="decimal" placeholder="85" />
        </label>
        <label htmlFor={ids.rateCurrency}>
          Currency <input id={ids.rateCurrency} name="rateCurrency" type="text" defaultValue="EUR" maxLength={3} size={4} />
        </label>
        <button type="submit">Add rate</button>
      </form>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
    </section>
  );
}

/** The panel fed by the background: reloaded after every change. */
export function BudgetsSettings() {
  const [data, setData] = useState<{ overview: BudgetViewData[]; rates: Rate[]; scopes: Scopes } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => Promise.all([request('budgets.overview', {}), request('rates.list', {}), request('budgets.scopes', {})]);
  const reload = () =>
    load().then(
      ([overview, rates, scopes]) => setData({ overview, rates, scopes }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  useEffect(() => {
    void load().then(
      ([overview, rates, scopes]) => setData({ overview, rates, scopes }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  if (error) return <p role="alert">{error}</p>;
  if (!data) return <p aria-busy="true">Loading budgets…</p>;
  const then = (work: Promise<unknown>) => work.then(reload);
  return (
    <BudgetsPanel
      {...data}
      newId={() => crypto.randomUUID()}
      onSaveBudget={(budget) => then(request('budgets.save', budget))}
      onRemoveBudget={(id) => then(request('budgets.remove', { id }))}
      onSaveRate={(rate) => then(request('rates.save', rate))}
      onRemoveRate={(id) => then(request('rates.remove', { id }))}
    />
  );
}
