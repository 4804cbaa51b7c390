import { useId, useState, type FormEvent } from 'react';
import { request } from '@/lib/messaging/client';
import type { ImportSummaryView } from '@/lib/messaging/protocol-data';
import { t, type PlainKey } from '@/lib/i18n';

/** A setting's outcome in the import summary (the code travels; the words are the reader's). */
const SETTING_OUTCOME_KEYS = { new: 'data.settingNew', changed: 'data.settingChanged', unchanged: 'data.settingUnchanged' } as const;

/** The largest files the background takes (protocol-data's and the CSV reader's bounds), checked here first so the person hears it at once. */
const MAX_BACKUP_BYTES = 32_000_000;
const MAX_CSV_BYTES = 8_000_000;
const DAY_MS = 86_400_000;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));
const entriesWord = (n: number) => (n === 1 ? t('data.oneEntry') : t('data.entries', { count: n.toLocaleString() }));
const newEntriesWord = (n: number) => (n === 1 ? t('data.oneNewEntry') : t('data.newEntries', { count: n.toLocaleString() }));
const writesWord = (n: number) => (n === 1 ? t('data.oneWrite') : t('data.writes', { count: n.toLocaleString() }));

export interface DataPanelProps {
  readonly exportCsv: (from: number, to: number) => Promise<{ csv: string; entries: number }>;
  readonly exportBackup: () => Promise<{ json: string; entries: number }>;
  readonly preview: (text: string, writeBack: boolean) => Promise<ImportSummaryView>;
  readonly apply: (text: string, writeBack: boolean, token: string) => Promise<{ summary: ImportSummaryView; queued: number }>;
  readonly download: (name: string, text: string, type: string) => void;
  /** Today as `YYYY-MM-DD` (the default range is this month so far). */
  readonly today: string;
}

/** Save text as a file: a Blob URL on an `<a download>`, clicked, then let go. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

const KINDS: readonly [keyof ImportSummaryView['counts'], PlainKey][] = [
  ['entries', 'data.kindEntries'],
  ['items', 'data.kindItems'],
  ['projects', 'data.kindProjects'],
  ['containers', 'data.kindContainers'],
  ['budgets', 'data.kindBudgets'],
  ['rates', 'data.kindRates'],
  ['baselines', 'data.kindBaselines'],
];

/** The settings' names as the options page titles them. */
const SETTING_LABELS: Readonly<Record<string, PlainKey>> = { workWeek: 'data.settingWorkWeek', timerRules: 'data.settingTimer', estimateLabels: 'data.settingLabels' };
const settingLabel = (name: string) => {
  const key = SETTING_LABELS[name];
  return key ? t(key) : name;
};

function RowTable({ caption, rows, total }: { caption: string; rows: ImportSummaryView['rejected']; total: number }) {
  if (total === 0) return null;
  return (
    <table className="import-rows">
      <caption>
        {caption} ({total.toLocaleString()}
        {rows.length < total ? t('data.firstListed', { count: rows.length }) : ''})
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('data.row')}</th>
          <th scope="col">{t('data.why')}</th>
          <th scope="col">{t('data.rowText')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r.row}-${i}`}>
            <td>{r.row}</td>
            <td>{r.reason}</td>
            <td className="row-text">{r.text}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the file would do: counts per kind, settings, and every row left out with its reason. */
export function ImportSummary({ summary, name }: { summary: ImportSummaryView; name: string }) {
  const source = summary.kind === 'backup' ? t('data.sourceBackup') : summary.kind === 'toggl' ? t('data.sourceToggl') : t('data.sourceClockify');
  const shown = KINDS.filter(([kind]) => summary.kind === 'backup' || kind === 'entries' || kind === 'items');
  return (
    <div className="import-summary" data-testid="import-summary">
      <h3>
        {name}: {source}
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('data.what')}</th>
            <th scope="col">{t('data.new')}</th>
            <th scope="col">{t('data.changed')}</th>
            <th scope="col">{t('data.unchanged')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map(([kind, label]) => (
            <tr key={kind}>
              <th scope="row">{t(label)}</th>
              <td>{summary.counts[kind].new}</td>
              <td>{summary.counts[kind].changed}</td>
              <td>{summary.counts[kind].unchanged}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.settings.length > 0 ? (
        <ul aria-label={t('data.settings')}>
          {summary.settings.map((s) => (
            <li key={s.name}>
              {settingLabel(s.name)}: {s.outcome === 'skipped' ? t('data.keptAsIs', { reason: s.reason ?? '' }) : t(SETTING_OUTCOME_KEYS[s.outcome])}
            </li>
          ))}
        </ul>
      ) : null}
      {summary.unknownColumns.length > 0 ? <p>{t('data.unknownColumns', { columns: summary.unknownColumns.join(', ') })}</p> : null}
      {summary.dates?.ambiguous ? <p>{t('data.ambiguousDates')}</p> : null}
      <RowTable caption={t('data.rowsLeftOut')} rows={summary.rejected} total={summary.rejectedCount} />
      <RowTable caption={t('data.rowsUnmatched')} rows={summary.unmatched} total={summary.unmatchedCount} />
    </div>
  );
}

type Pending = { name: string; text: string; summary: ImportSummaryView };

/** Options → Data: export a date range as CSV or everything as a backup; import a file after a dry run. */
export function DataPanel(props: DataPanelProps) {
  const ids = { from: useId(), to: useId(), file: useId(), writeBack: useId() };
  const [status, setStatus] = useState<{ kind: 'done' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [writeBack, setWriteBack] = useState(false);
  const [pending, setPending] = useState<Pending | null>(null);
  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ kind: 'done', text: await work() });
    } catch (error) {
      setStatus({ kind: 'error', text: message(error) });
    } finally {
      setBusy(false);
    }
  };

  const exportCsv = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const day = (name: string) => { const value = form.get(name); return typeof value === 'string' ? value : ''; };
    const [from, to] = [day('from'), day('to')];
    const start = new Date(`${from}T00:00`).getTime();
    const end = new Date(`${to}T00:00`).getTime() + DAY_MS;
    if (Number.isNaN(start) || Number.isNaN(end) || end <= start) {
      setStatus({ kind: 'error', text: t('data.pickDays') });
      return;
    }
    void run(async () => {
      const { csv, entries } = await props.exportCsv(start, end);
      props.download(`stint-entries-${from}-to-${to}.csv`, csv, 'text/csv;charset=utf-8');
      return t('data.exported', { entries: entriesWord(entries) });
    });
  };
  const exportBackup = () =>
    void run(async () => {
      const { json, entries } = await props.exportBackup();
      props.download(`stint-backup-${props.today}.json`, json, 'application/json');
      return t('data.backupSaved', { entries: entriesWord(entries) });
    });
  const previewFile = (name: string, text: string, back: boolean) =>
    run(async () => {
      setPending(null);
      const summary = await props.preview(text, back);
      setPending({ name, text, summary });
      return summary.nothingToChange ? t('data.nothingToChange') : t('data.checkImport');
    });
  const chooseFile = (file: File | undefined) => {
    if (!file) return;
    const backup = /\.json$/i.test(file.name);
    const limit = backup ? MAX_BACKUP_BYTES : MAX_CSV_BYTES;
    if (file.size > limit) {
      setPending(null);
      const too = { name: file.name, size: (file.size / 1_000_000).toFixed(1), limit: limit / 1_000_000 };
      setStatus({ kind: 'error', text: backup ? t('data.tooLargeBackup', too) : t('data.tooLargeCsv', too) });
      return;
    }
    void file.text().then((text) => previewFile(file.name, text, writeBack), (e: unknown) => setStatus({ kind: 'error', text: t('data.unreadable', { name: file.name, error: message(e) }) }));
  };
  const apply = (chosen: Pending) =>
    void run(async () => {
      const { summary, queued } = await props.apply(chosen.text, writeBack, chosen.summary.token);
      setPending(null);
      const { entries } = summary.counts;
      const done = { name: chosen.name, entries: newEntriesWord(entries.new), changed: entries.changed };
      return queued > 0 ? t('data.importedQueued', { ...done, writes: writesWord(queued) }) : t('data.imported', done);
    });

  return (
    <section className="card data-panel" aria-labelledby="data-title" aria-busy={busy}>
      <h2 id="data-title">{t('data.title')}</h2>
      <form aria-label={t('data.exportCsvLabel')} onSubmit={exportCsv}>
        <label htmlFor={ids.from}>
          {t('data.from')} <input id={ids.from} name="from" type="date" defaultValue={`${props.today.slice(0, 8)}01`} required />
        </label>
        <label htmlFor={ids.to}>
          {t('data.to')} <input id={ids.to} name="to" type="date" defaultValue={props.today} required />
        </label>
        <div className="actions">
          <button type="submit" disabled={busy}>{t('data.exportCsv')}</button>
          <button type="button" disabled={busy} onClick={exportBackup}>{t('data.exportBackup')}</button>
        </div>
        <p className="hint">{t('data.exportHint')}</p>
      </form>
      <label htmlFor={ids.file}>
        {t('data.importFile')}
        <input id={ids.file} type="file" accept=".json,.csv,application/json,text/csv" disabled={busy} onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = ''; // choosing the same file again (after applying it) previews it again
            chooseFile(file);
          }}
        />
      </label>
      <label htmlFor={ids.writeBack}>
        <input
          id={ids.writeBack}
          type="checkbox"
          checked={writeBack}
          onChange={(e) => {
            setWriteBack(e.target.checked);
            if (pending && pending.summary.kind !== 'backup') void previewFile(pending.name, pending.text, e.target.checked);
          }}
        />
        {t('data.writeBack')}
      </label>
      {status ? <p role={status.kind === 'error' ? 'alert' : 'status'}>{status.text}</p> : null}
      {pending ? (
        <>
          <ImportSummary summary={pending.summary} name={pending.name} />
          <div className="actions">
            {pending.summary.nothingToChange ? null : (
              <button type="button" disabled={busy} onClick={() => apply(pending)}>
                {t('data.apply')}
              </button>
            )}
            <button
              type="button"
              disabled={busy}
              onClick={() => {
                setPending(null);
                setStatus({ kind: 'done', text: t('data.cancelled') });
              }}
            >
              {pending.summary.nothingToChange ? t('data.close') : t('data.cancel')}
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/** The panel wired to the background. */
export function DataSettings() {
  const today = new Date();
  const local = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return (
    <DataPanel
      today={local}
      download={downloadText}
      exportCsv={(from, to) => request('data.exportCsv', { from, to })}
      exportBackup={() => request('data.exportBackup', {})}
      preview={(text, writeBack) => request('data.importPreview', { text, writeBack })}
      apply={(text, writeBack, token) => request('data.importApply', { text, writeBack, token })}
    />
  );
}
