import { useId, useState, type FormEvent } from 'react';
import { formatDuration, type WorkWeek } from '@/lib/core/duration';
import { DEFAULT_ESTIMATE_LABELS, estimateFromLabels, type EstimateLabelConvention } from '@/lib/core/estimate-labels';
import { EstimateLabels } from '@/lib/settings/estimate-labels';
import { t } from '@/lib/i18n';

export interface EstimateLabelsFormProps {
  readonly value: EstimateLabelConvention;
  readonly week: WorkWeek;
  readonly onSave: (convention: EstimateLabelConvention) => Promise<void>;
}

const list = (text: string) => text.split(',').map((part) => part.trim()).filter(Boolean);

/** `XS=1, S=2` → `{ XS: 1, S: 2 }`; null when a pair is not `NAME=hours`. */
export function parseSizeMap(text: string): Record<string, number> | null {
  const sizes: Record<string, number> = {};
  for (const pair of list(text)) {
    const m = /^([A-Za-z0-9]{1,10})\s*=\s*(\d+(?:\.\d+)?)\s*h?$/.exec(pair);
    if (!m?.[1] || !m[2]) return null;
    sizes[m[1].toUpperCase()] = Number(m[2]);
  }
  return sizes;
}

const formatSizeMap = (sizes: Readonly<Record<string, number>>) => Object.entries(sizes).map(([name, hours]) => `${name}=${hours}`).join(', ');

/**
 * How Stint reads estimates from labels where the provider has none (GitHub): the prefixes before a duration, the
 * prefixes before a size, and what each size means in hours — with a field to try a label before saving.
 */
export function EstimateLabelsForm({ value, week, onSave }: EstimateLabelsFormProps) {
  const ids = { prefixes: useId(), sizePrefixes: useId(), sizes: useId(), tryLabel: useId() };
  const [draft, setDraft] = useState({ prefixes: value.prefixes.join(', '), sizePrefixes: value.sizePrefixes.join(', '), sizes: formatSizeMap(value.sizeHours) });
  const [sample, setSample] = useState('estimate: 1d 4h');
  const [status, setStatus] = useState<{ kind: 'saved' | 'error'; text: string } | null>(null);

  const sizeHours = parseSizeMap(draft.sizes);
  const parsed = sizeHours ? EstimateLabels.safeParse({ prefixes: list(draft.prefixes), sizePrefixes: list(draft.sizePrefixes), sizeHours }) : null;
  const tried = parsed?.success ? estimateFromLabels([sample], parsed.data, week) : null;

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!parsed?.success) {
      setStatus({ kind: 'error', text: t('options.labelsInvalid') });
      return;
    }
    await onSave(parsed.data);
    setStatus({ kind: 'saved', text: t('options.labelsSaved') });
  };
  const reset = () => {
    setDraft({ prefixes: DEFAULT_ESTIMATE_LABELS.prefixes.join(', '), sizePrefixes: DEFAULT_ESTIMATE_LABELS.sizePrefixes.join(', '), sizes: formatSizeMap(DEFAULT_ESTIMATE_LABELS.sizeHours) });
    setStatus(null);
  };
  const field = (name: keyof typeof draft) => ({ name, value: draft[name], onChange: (e: { target: { value: string } }) => setDraft({ ...draft, [name]: e.target.value }) });

  return (
    <form className="card" noValidate onSubmit={(e) => void save(e)} aria-labelledby="estimate-labels-title">
      <h2 id="estimate-labels-title">{t('options.labelsTitle')}</h2>
      <p>{t('options.labelsIntro')}</p>
      <label htmlFor={ids.prefixes}>
        {t('options.labelPrefixes')} (<code>estimate: 3h</code>, <code>estimate/2d</code>)
        <input id={ids.prefixes} type="text" {...field('prefixes')} />
      </label>
      <label htmlFor={ids.sizePrefixes}>
        {t('options.sizePrefixes')} (<code>size: M</code>)
        <input id={ids.sizePrefixes} type="text" {...field('sizePrefixes')} />
      </label>
      <label htmlFor={ids.sizes}>
        {t('options.sizes')}
        <input id={ids.sizes} type="text" {...field('sizes')} aria-invalid={sizeHours === null} />
      </label>
      <label htmlFor={ids.tryLabel}>
        {t('options.tryLabel')}
        <input id={ids.tryLabel} type="text" value={sample} onChange={(e) => setSample(e.target.value)} />
      </label>
      <output htmlFor={ids.tryLabel} aria-live="polite">
        {!parsed?.success
          ? t('options.fixConvention')
          : tried === null
            ? t('options.noEstimateRead')
            : t('options.estimateRead', { duration: formatDuration(tried) })}
      </output>
      <div className="actions">
        <button type="submit">{t('options.save')}</button>
        <button type="button" onClick={reset}>{t('options.defaults')}</button>
      </div>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
    </form>
  );
}
