import { useId, useState, type FormEvent } from 'react';
import { RiskRules } from '@/lib/settings/risk-rules';

export interface RiskRulesFormProps {
  readonly value: RiskRules;
  readonly onSave: (rules: RiskRules) => Promise<void>;
}

const FIELDS = [
  ['dueSoonWorkingDays', 'Due soon: within (working days)', 1, 30],
  ['lowProgressPercent', 'Little progress: less than (% of the estimate spent)', 1, 100],
  ['staleDays', 'Stale: no update and no time for (days)', 1, 365],
  ['scopeCreepPercent', 'Scope creep: estimate grown over its baseline by more than (%)', 1, 500],
  ['unassignedDueWorkingDays', 'Unassigned: due within (working days)', 1, 30],
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
      setStatus({ kind: 'error', text: 'Each threshold is a whole number in its range (shown beside it); up to 30 blocked labels, separated by commas.' });
      return;
    }
    await onSave(parsed.data);
    setStatus({ kind: 'saved', text: 'Saved. Pages show the new flags at their next look.' });
  };
  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="risk-rules-title">
      <h2 id="risk-rules-title">Risk flags</h2>
      {FIELDS.map(([name, label, min, max]) => (
        <label key={name} htmlFor={`${baseId}-${name}`}>
          {label} <span className="hint">({min}–{max})</span>
          <input id={`${baseId}-${name}`} name={name} type="number" min={min} max={max} step={1} defaultValue={value[name]} />
        </label>
      ))}
      <label htmlFor={`${baseId}-blocked`}>
        Labels that mean blocked (comma-separated; Jira “is blocked by” links always count)
        <input id={`${baseId}-blocked`} name="blockedLabels" type="text" defaultValue={value.blockedLabels.join(', ')} />
      </label>
      <button type="submit">Save</button>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
    </form>
  );
}
