import { useEffect, useId, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n';
import { request } from '@/lib/messaging/client';
import type { ResponseOf } from '@/lib/messaging/protocol';

type PostStatus = NonNullable<ResponseOf<'report.status'>>;

export interface PostFormProps {
  /** Queue the post; resolves with the report's id and the item's label, or rejects with a reason to show. */
  readonly onPost: (targetUrl: string) => Promise<{ id: string; label: string }>;
}

/** How often the page asks how a queued post went (it stops once posted or failed). */
const FOLLOW_MS = 1000;

/** How a queued post went, in words: sending, posted, or the outbox's reason (a queued post may be retrying). */
function stateWords(label: string, status: PostStatus | null): string {
  if (!status) return t('reportPage.queued', { label }); // not heard back yet
  const state = status.state;
  if (state === 'posted') return t('reportPage.posted', { label });
  if (status.reason) return state === 'failed' ? t('reportPage.failedBecause', { label, reason: status.reason }) : t('reportPage.queuedBecause', { label, reason: status.reason });
  return state === 'queued' ? t('reportPage.sending', { label }) : t('reportPage.failed', { label });
}

/**
 * "Post as a comment on…": an issue / MR / Jira issue address, then the post followed from queued to posted or failed
 * (with the reason, from the outbox). Milestones and sprints take no comments on GitHub / GitLab: the hint says so.
 */
export function PostForm({ onPost }: PostFormProps) {
  const inputId = useId();
  const hintId = useId();
  const [error, setError] = useState<string | null>(null);
  const [posting, setPosting] = useState<{ id: string; label: string } | null>(null);
  const [status, setStatus] = useState<PostStatus | null>(null);

  useEffect(() => {
    if (!posting) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = async () => {
      const next = await request('report.status', { id: posting.id }).catch(() => null);
      if (stopped) return;
      setStatus(next);
      if (next?.state === 'queued') timer = setTimeout(() => void follow(), FOLLOW_MS);
    };
    void follow();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [posting]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('target');
    const url = typeof value === 'string' ? value : '';
    setError(null);
    setStatus(null);
    try {
      setPosting(await onPost(url));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <form className="card report-post" noValidate onSubmit={(e) => void submit(e)} aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{t('reportPage.postTitle')}</h2>
      <label htmlFor={inputId}>
        {t('reportPage.postAddress')}
        <input id={inputId} name="target" type="url" required placeholder="https://gitlab.com/group/project/-/issues/12" aria-describedby={hintId} />
      </label>
      <p id={hintId} className="hint">
        {t('reportPage.postHint')}
      </p>
      <button type="submit">{t('reportPage.postButton')}</button>
      {error ? <p role="alert">{error}</p> : null}
      {posting ? (
        <p role="status" data-testid="post-status" data-state={status?.state ?? 'queued'}>
          {stateWords(posting.label, status)}
        </p>
      ) : null}
    </form>
  );
}
