import { useEffect, useId, useState, type FormEvent } from 'react';
import { formatDuration } from '@/lib/core/duration';
import { formatMoney } from '@/lib/core/money';
import { request } from '@/lib/messaging/client';
import type { BudgetViewData, RequestOf, ResponseOf } from '@/lib/messaging/protocol';
import { t } from '@/lib/i18n';

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

const levelWords = (level: BudgetViewData['status']['level']) =>
  ({ ok: t('popup.levelOk'), watch: t('popup.levelWatch'), warn: t('popup.levelWarn'), over: t('popup.levelOver') })[level];

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
  const spent = view.budget.hours ? t('budgets.hoursOf', { spent: formatDuration(s.spentSeconds), hours: view.budget.hours }) : formatDuration(s.spentSeconds);
  const moneySpent = s.spentMoney ? (view.budget.money ? t('budgets.moneyOf', { spent: formatMoney(s.spentMoney), budget: formatMoney(view.budget.money) }) : formatMoney(s.spentMoney)) : null;
  const money = moneySpent ? ` · ${moneySpent}` : '';
  const percent = s.percent === null ? '' : ` · ${Math.round(s.percent)} %`;
  return `${spent}${money}${percent} — ${levelWords(s.level)}`;
}

/**
 * Budgets per project or milestone / sprint (hours and / or money, total or per month, with thresholds) and hourly
 * rates per person and / or project. Each budget shows where it stands, its forecast and its risks.
 */
export function BudgetsPanel(props: BudgetsPanelProps) {
  const ids = { scope: useId(), hours: useId(), amount: useId(), currency: useId(), period: useId(), thresholds: useId(), person: useId(), rateProject: useId(), perHour: useId(), rateCurrency: useId() };
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const choices = [...props.scopes.projects.map((p) => ({ key: p.key, name: t('budgets.project', { name: p.name }), kind: 'project' as const })), ...props.scopes.containers.map((c) => ({ key: c.key, name: c.name, kind: 'container' as const }))];
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
    if (!scope) return fail(t('budgets.pickScope'));
    const hours = get('hours').trim() === '' ? null : Number(get('hours'));
    const amount = get('amount').trim() === '' ? null : readAmount(get('amount'));
    const thresholds = readThresholds(get('thresholds'));
    if (hours !== null && !(Number.isFinite(hours) && hours > 0)) return fail(t('budgets.hoursInvalid'));
    if (get('amount').trim() !== '' && amount === null) return fail(t('budgets.amountInvalid'));
    if (hours === null && amount === null) return fail(t('budgets.hoursOrMoney'));
    if (!thresholds) return fail(t('budgets.thresholdsInvalid'));
    const currency = get('currency').trim().toUpperCase() || 'EUR';
    if (!/^[A-Z]{3}$/.test(currency)) return fail(t('budgets.currencyInvalid'));
    const budget: Budget = { id: props.newId(), scope: { kind: scope.kind, key: scope.key }, hours, money: amount === null ? null : { amount, currency }, period: get('period') === 'monthly' ? 'monthly' : 'total', thresholds };
    void run(props.onSaveBudget(budget), t('budgets.budgetSaved', { name: scope.name }));
  };

  const saveRate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const get = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const perHour = readAmount(get('perHour'));
    if (perHour === null) return fail(t('budgets.rateInvalid'));
    const currency = get('rateCurrency').trim().toUpperCase() || 'EUR';
    if (!/^[A-Z]{3}$/.test(currency)) return fail(t('budgets.currencyInvalid'));
    const person = get('person').trim() || null;
    const projectKey = get('rateProject') || null;
    void run(props.onSaveRate({ id: props.newId(), person, projectKey, perHour, currency }), t('budgets.rateSaved'));
  };

  return (
    <section className="card" aria-labelledby="budgets-title">
      <h2 id="budgets-title">{t('budgets.title')}</h2>
      {props.overview.length === 0 ? <p>{t('budgets.none')}</p> : null}
      <ul className="budgets" aria-label={t('budgets.budgets')}>
        {props.overview.map((view) => (
          <li key={view.budget.id} data-testid="budget" data-level={view.status.level}>
            <strong>{view.name}</strong> {view.budget.period === 'monthly' ? `${t('budgets.thisMonth')} ` : ''}
            <span>{summary(view)}</span>
            {view.forecast.runsOutOn ? <span className="hint"> {t('budgets.runsOut', { day: view.forecast.runsOutOn, burn: formatDuration(Math.round(view.forecast.burnPerDay / 60) * 60) })}</span> : null}
            {view.risks.length > 0 ? (
              <ul aria-label={t('budgets.risksOf', { name: view.name })}>
                {view.risks.map((risk) => (
                  <li key={risk.rule}>{risk.reason}</li>
                ))}
              </ul>
            ) : null}
            <button type="button" onClick={() => void run(props.onRemoveBudget(view.budget.id), t('budgets.budgetRemoved', { name: view.name }))} aria-label={t('budgets.removeBudget', { name: view.name })}>
              {t('budgets.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={saveBudget} aria-label={t('budgets.addBudget')}>
        <label htmlFor={ids.scope}>
          {t('budgets.for')}
          <select id={ids.scope} name="scope" defaultValue="">
            <option value="" disabled>
              {choices.length === 0 ? t('budgets.connectFirst') : t('budgets.chooseScope')}
            </option>
            {choices.map((c) => (
              <option key={c.key} value={c.key}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.hours}>
          {t('budgets.hours')} <input id={ids.hours} name="hours" type="number" min={0} step={0.5} inputMode="decimal" />
        </label>
        <label htmlFor={ids.amount}>
          {t('budgets.money')} <input id={ids.amount} name="amount" type="text" inputMode="decimal" placeholder="3400" />
        </label>
        <label htmlFor={ids.currency}>
          {t('budgets.currency')} <input id={ids.currency} name="currency" type="text" defaultValue="EUR" maxLength={3} size={4} />
        </label>
        <label htmlFor={ids.period}>
          {t('budgets.period')}
          <select id={ids.period} name="period" defaultValue="total">
            <option value="total">{t('budgets.inTotal')}</option>
            <option value="monthly">{t('budgets.perMonth')}</option>
          </select>
        </label>
        <label htmlFor={ids.thresholds}>
          {t('budgets.thresholds')} <input id={ids.thresholds} name="thresholds" type="text" defaultValue="50, 80, 100" />
        </label>
        <button type="submit">{t('budgets.addBudgetButton')}</button>
      </form>
      <h3>{t('budgets.rates')}</h3>
      {props.rates.length === 0 ? <p className="hint">{t('budgets.noRates')}</p> : null}
      <ul aria-label={t('budgets.rates')}>
        {props.rates.map((rate) => (
          <li key={rate.id} data-testid="rate">
            {rate.person ?? t('budgets.everyone')} ·{' '}
            {rate.projectKey ? (props.scopes.projects.find((p) => p.key === rate.projectKey)?.name ?? rate.projectKey) : t('budgets.everyProjectLower')} ·{' '}
            {formatMoney({ amount: rate.perHour, currency: rate.currency })} {t('budgets.perHourUnit')}{' '}
            <button type="button" onClick={() => void run(props.onRemoveRate(rate.id), t('budgets.rateRemoved'))} aria-label={t('budgets.removeRate', { person: rate.person ?? t('budgets.everyoneLower') })}>
              {t('budgets.remove')}
            </button>
          </li>
        ))}
      </ul>
      <form noValidate onSubmit={saveRate} aria-label={t('budgets.addRate')}>
        <label htmlFor={ids.person}>
          {t('budgets.person')} <code>me</code> {t('budgets.personRest')} <input id={ids.person} name="person" type="text" autoComplete="off" />
        </label>
        <label htmlFor={ids.rateProject}>
          {t('budgets.projectLabel')}
          <select id={ids.rateProject} name="rateProject" defaultValue="">
            <option value="">{t('budgets.everyProject')}</option>
            {props.scopes.projects.map((p) => (
              <option key={p.key} value={p.key}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={ids.perHour}>
          {t('budgets.perHour')} <input id={ids.perHour} name="perHour" type="text" inputMode="decimal" placeholder="85" />
        </label>
        <label htmlFor={ids.rateCurrency}>
          {t('budgets.currency')} <input id={ids.rateCurrency} name="rateCurrency" type="text" defaultValue="EUR" maxLength={3} size={4} />
        </label>
        <button type="submit">{t('budgets.addRateButton')}</button>
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
  if (!data) return <p aria-busy="true">{t('budgets.loading')}</p>;
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
