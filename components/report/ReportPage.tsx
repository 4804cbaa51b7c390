import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { STANDARD_WORK_WEEK } from '@/lib/core/duration';
import type { ReportFormat } from '@/lib/core/status-report';
import { t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { ResponseOf } from '@/lib/messaging/protocol';
import { localReportWords } from '@/lib/report-words';
import { PostForm } from './PostForm';
import { ReportDocument } from './ReportDocument';

type Scopes = ResponseOf<'budgets.scopes'>;
type Built = ResponseOf<'report.build'>;

export interface ReportPageProps {
  /** The scope to open on (`?scope=`), if any. */
  readonly initialScope: string | null;
  /** Remember the chosen scope in the address, so a reload or a shared link opens it again. */
  readonly onScopeChange: (scope: string) => void;
}

/** The reader's locale and zone, as the page's browser says. */
const reader = () => ({ locale: navigator.language || 'en-US', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone });

/** Offer the Markdown as a file (`status-report-<scope>.md`). */
function download(markdown: string, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown;charset=utf-8' }));
  link.download = `status-report-${name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'stint'}.md`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * The stakeholder status report: pick a project or milestone / sprint, read the report, then copy its Markdown,
 * download it, print it, or post it as a comment. The controls are hidden when printed.
 */
export function ReportPage({ initialScope, onScopeChange }: ReportPageProps) {
  const selectId = useId();
  const [scopes, setScopes] = useState<Scopes | null>(null);
  const [scope, setScope] = useState<string>(initialScope ?? '');
  const [built, setBuilt] = useState<Built | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const format: ReportFormat = useMemo(() => ({ ...reader(), week: STANDARD_WORK_WEEK, words: localReportWords() }), []);

  useEffect(() => {
    request('budgets.scopes', {}).then(setScopes, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(() => {
    if (!scope) return;
    let live = true; // an answer for a scope no longer chosen is dropped
    request('report.build', { scope, ...reader() }).then(
      (answer) => live && setBuilt(answer),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [scope]);

  const choose = (next: string) => {
    setBuilt(null);
    setError(null);
    setScope(next);
    setNotice(null);
    onScopeChange(next);
  };
  const copy = async () => {
    if (!built) return;
    try {
      await navigator.clipboard.writeText(built.markdown);
      setNotice(t('reportPage.copied'));
    } catch {
      setNotice(t('reportPage.clipboardRefused'));
    }
  };
  const post = useCallback((targetUrl: string) => request('report.post', { scope, targetUrl, ...reader() }), [scope]);

  return (
    <main className="report-page">
      <div className="report-controls card">
        <label htmlFor={selectId}>
          {t('reportPage.scope')}
          <select id={selectId} value={scope} onChange={(e) => choose(e.currentTarget.value)} disabled={!scopes}>
            <option value="">{t('reportPage.choose')}</option>
            <optgroup label={t('reportPage.projects')}>
              {scopes?.projects.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.name}
                </option>
              ))}
            </optgroup>
            <optgroup label={t('reportPage.containers')}>
              {scopes?.containers.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.name}
                </option>
              ))}
            </optgroup>
          </select>
        </label>
        {scopes && scopes.projects.length === 0 ? <p className="hint">{t('reportPage.noProject')}</p> : null}
        <div className="actions">
          <button type="button" disabled={!built} onClick={() => void copy()}>
            {t('reportPage.copyMarkdown')}
          </button>
          <button type="button" disabled={!built} onClick={() => built && download(built.markdown, built.report.scope.name)}>
            {t('reportPage.download')}
          </button>
          <button type="button" disabled={!built} onClick={() => window.print()}>
            {t('reportPage.print')}
          </button>
        </div>
        {notice ? <p role="status">{notice}</p> : null}
      </div>
      {error ? <p role="alert">{error}</p> : null}
      {scope && !built && !error ? <p aria-busy="true">{t('reportPage.building')}</p> : null}
      {built ? <ReportDocument report={built.report} format={format} /> : null}
      {built ? (
        <div className="report-controls">
          <PostForm key={scope} onPost={post} />
        </div>
      ) : null}
    </main>
  );
}
