import { useId, useState, type FormEvent } from 'react';
import { RiskRules } from '@/lib/settings/risk-rules';
import { t } from '@/lib/i18n';

export interface RiskRulesFormProps {
  readonly value: RiskRules;
  readonly onSave: (rules: RiskRules) => Promise<void>;
}

const FIELDS = [
  ['dueSoonWorkingDays', 'options.riskDueSoon', 1, 30],
  ['lowProgressPercent', 'options.riskLowProgress', 1, 100],
  ['staleDays', 'options.riskStale', 1, 365],
  ['scopeCreepPercent', 'options.riskScopeCreep', 1, 500],
  ['unassignedDueWorkingDays', 'options.riskUnassigned', 1, 30],
] as const;

/** The thresholds of the risk flags on pages, rows and the dashboard; the labels that mean "blocked". */
export function RiskRulesForm({ value, onSave }: RiskRulesFormProps) {
  const baseId = useId();
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);
  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = form.get('blockedLabels');
    const labels = (typeof typed === 'string' ? typed : '').split(',').map((l) => l.trim()).filter(Boolean);
    const parsed = RiskRules.safeParse({ ...Object.fromEntries(FIELDS.map(([name]) => [name, Number(form.get(name))])), blockedLabels: labels });
    if (!parsed.success) {
      setStatus({ kind: 'error', text: t('options.riskInvalid') });
      return;
    }
    await onSave(parsed.data);
    setStatus({ kind: 'saved', text: t('options.riskSaved') });
  };
  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="risk-rules-title">
      <h2 id="risk-rules-title">{t('options.riskFlags')}</h2>
      {FIELDS.map(([name, label, min, max]) => (
        <label key={name} htmlFor={`${baseId}-${name}`}>
          {t(label)} <span className="hint">({min}–{max})</span>
          <input id={`${baseId}-${name}`} name={name} type="number" min={min} max={max} step={1} defaultValue={value[name]} />
        </label>
      ))}
      <label htmlFor={`${baseId}-blocked`}>
        {t('options.riskBlockedLabels')}
        <input id={`${baseId}-blocked`} name="blockedLabels" type="text" defaultValue={value.blockedLabels.join(', ')} />
      </label>
      <button type="submit">{t('options.save')}</button>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
    </form>
  );
}
