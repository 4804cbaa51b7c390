import { t } from '../i18n';
import { storageFailureOf } from '../db/open';
import { isProviderError, type ProviderError, type ProviderFailure } from '../providers/errors';

const PROVIDER_NAMES = { github: 'GitHub', gitlab: 'GitLab', jira: 'Jira' } as const;

/** Stint's own sentence for a failure, without the provider's words. */
function sentence(failure: ProviderFailure): string {
  switch (failure.reason) {
    case 'unreachable':
      return t('providerError.unreachable', { host: failure.host });
    case 'timeout':
      return t('providerError.timeout', { host: failure.host, seconds: String(failure.seconds) });
    case 'token-refused': {
      const host = failure.host;
      if (failure.credential === 'github-token') return t('providerError.tokenRefusedGithub', { host });
      if (failure.credential === 'gitlab-token') return t('providerError.tokenRefusedGitlab', { host });
      if (failure.credential === 'jira-api-token') return t('providerError.tokenRefusedJiraCloud', { host });
      return t('providerError.tokenRefusedJiraPat', { host });
    }
    case 'jira-needs-email':
      return t('providerError.jiraNeedsEmail', { host: failure.host });
    case 'jira-no-email':
      return t('providerError.jiraNoEmail', { host: failure.host, deployment: failure.deployment });
    case 'rate-limited':
      return t('providerError.rateLimited', { host: failure.host, seconds: String(failure.seconds) });
    case 'scope-missing': {
      const scope = failure.scope;
      if (failure.fix === 'github') return t('providerError.scopeGithub', { scope });
      return failure.fix === 'gitlab-read' ? t('providerError.scopeGitlabRead', { scope }) : t('providerError.scopeGitlabWrite', { scope });
    }
    case 'gitlab-write-refused':
      return t('providerError.gitlabWriteRefused', { host: failure.host });
    case 'forbidden': {
      const host = failure.host;
      if (failure.need === 'project-access') return t('providerError.forbiddenProject', { host });
      if (failure.need === 'jira-browse') return t('providerError.forbiddenJiraBrowse', { host });
      if (failure.need === 'jira-work') return t('providerError.forbiddenJiraWork', { host });
      return t('providerError.forbidden', { host });
    }
    case 'not-found': {
      const host = failure.host;
      if (failure.where === 'github') return t('providerError.notFoundGithub', { host });
      return failure.where === 'gitlab' ? t('providerError.notFoundGitlab', { host }) : t('providerError.notFoundJira', { host });
    }
    case 'not-this-api': {
      const host = failure.host;
      if (failure.provider === 'github') return t('providerError.notGithubApi', { host });
      return failure.provider === 'gitlab' ? t('providerError.notGitlabApi', { host }) : t('providerError.notJiraApi', { host });
    }
    case 'no-api-here':
      return failure.provider === 'gitlab' ? t('providerError.noGitlabHere', { host: failure.host }) : t('providerError.noJiraHere', { host: failure.host });
    case 'item-missing':
      return t('providerError.itemMissing', { host: failure.host });
    case 'project-missing':
      return t('providerError.projectMissing', { host: failure.host, project: failure.project });
    case 'issuable-missing': {
      const values = { host: failure.host, project: failure.project, iid: failure.iid };
      return failure.issuable === 'issue' ? t('providerError.issueMissing', values) : t('providerError.mergeRequestMissing', values);
    }
    case 'server-trouble':
      return t('providerError.serverTrouble', { host: failure.host, status: String(failure.status) });
    case 'unexpected-status':
      return t('providerError.unexpectedStatus', { host: failure.host, status: String(failure.status) });
    case 'refused':
      return t('providerError.refused', { host: failure.host });
    case 'unreadable':
      return t('providerError.unreadable', { host: failure.host });
    case 'no-id':
      return t('providerError.noId', { host: failure.host });
    case 'not-its-item':
      return t('providerError.notItsItem', { item: failure.itemKey, provider: PROVIDER_NAMES[failure.provider] });
    case 'jira-too-short':
      return t('providerError.jiraTooShort');
    case 'cannot-comment':
      return t('providerError.cannotComment');
    case 'report-gone':
      return t('providerError.reportGone');
  }
}

/**
 * A provider failure in the person's language (`locales/<lang>.yml`), with the provider's own words after Stint's when
 * it gave any. Built only from the failure's values (hosts, scopes, seconds, statuses, the provider's words stripped of
 * credentials), so it never holds a token.
 */
export function providerErrorText(error: ProviderError): string {
  const failure = error.failure;
  const own = sentence(failure);
  return 'said' in failure && failure.said ? `${own} ${t('providerError.said', { host: failure.host, said: failure.said })}` : own;
}

/** What a person reads about a failure that may come from a provider: its words if so, else the error's own message. */
export function failureText(error: unknown, fallback: string): string {
  if (isProviderError(error)) return providerErrorText(error);
  return error instanceof Error && error.message ? error.message : fallback;
}

/** What a person should read when the browser's storage failed, or null for any other error. */
export function storageErrorText(error: unknown): string | null {
  const failure = storageFailureOf(error);
  if (failure === 'full') return t('storage.full');
  if (failure === 'disk') return t('storage.disk');
  return failure === 'reopening' ? t('storage.reopening') : null;
}

/**
 * The words for a failure a handler threw, for the message boundary (`dispatch`): a provider's failure or a storage
 * failure in the person's language; null for errors that carry their own words (Stint's refusals, already worded).
 */
export function explainFailure(error: unknown): string | null {
  return isProviderError(error) ? providerErrorText(error) : storageErrorText(error);
}
