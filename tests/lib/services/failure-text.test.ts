import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ProviderError, type ProviderFailure, type ProviderFailureReason } from '../../../lib/providers/errors';
import { explainFailure, failureText, providerErrorText, storageErrorText } from '../../../lib/services/failure-text';
import { getMessageFrom, loadMessages } from '../../setup/messages';

const TOKEN = 'ghp_Sandbox0Token0That0Must0Never0Show0Up';

/**
 * One failure of every reason, with the values its words must carry. Typed as a record over the reasons: a reason
 * added to ProviderFailure without a case here does not compile.
 */
const FAILURES: { readonly [R in ProviderFailureReason]: { failure: Extract<ProviderFailure, { reason: R }>; values: string[] } } = {
  unreachable: { failure: { reason: 'unreachable', host: 'gitlab.example.test' }, values: ['gitlab.example.test'] },
  timeout: { failure: { reason: 'timeout', host: 'ghe.example.test', seconds: 30 }, values: ['ghe.example.test', '30 s'] },
  'token-refused': { failure: { reason: 'token-refused', host: 'acme.atlassian.net', credential: 'jira-api-token' }, values: ['acme.atlassian.net', '401', 'id.atlassian.com'] },
  'jira-needs-email': { failure: { reason: 'jira-needs-email', host: 'acme.atlassian.net' }, values: ['acme.atlassian.net', 'Jira Cloud'] },
  'jira-no-email': { failure: { reason: 'jira-no-email', host: 'jira.example.test', deployment: 'Data Center' }, values: ['jira.example.test', 'Jira Data Center'] },
  'rate-limited': { failure: { reason: 'rate-limited', host: 'github.com', seconds: 42, said: 'jira-quota-tenant-based' }, values: ['github.com', '42 s', 'jira-quota-tenant-based'] },
  'scope-missing': { failure: { reason: 'scope-missing', scope: 'read:org', fix: 'github' }, values: ['read:org'] },
  'gitlab-write-refused': { failure: { reason: 'gitlab-write-refused', host: 'gitlab.com' }, values: ['gitlab.com', 'read_api'] },
  forbidden: { failure: { reason: 'forbidden', host: 'acme.atlassian.net', need: 'jira-work', said: 'You do not have permission' }, values: ['acme.atlassian.net', '403', 'You do not have permission'] },
  'not-found': { failure: { reason: 'not-found', host: 'gitlab.example.test', where: 'gitlab' }, values: ['gitlab.example.test', '404', '/api/v4'] },
  'not-this-api': { failure: { reason: 'not-this-api', host: 'example.org', provider: 'github' }, values: ['example.org', 'GitHub'] },
  'no-api-here': { failure: { reason: 'no-api-here', host: 'jira.example.test', provider: 'jira' }, values: ['jira.example.test', 'https://jira.example.test/jira'] },
  'item-missing': { failure: { reason: 'item-missing', host: 'gitlab.com' }, values: ['gitlab.com'] },
  'project-missing': { failure: { reason: 'project-missing', host: 'gitlab.com', project: 'group/sub/app' }, values: ['gitlab.com', 'group/sub/app'] },
  'issuable-missing': { failure: { reason: 'issuable-missing', host: 'gitlab.com', project: 'group/app', iid: '34', issuable: 'merge-request' }, values: ['gitlab.com', 'group/app', '34'] },
  'server-trouble': { failure: { reason: 'server-trouble', host: 'github.com', status: 502 }, values: ['github.com', '502'] },
  'unexpected-status': { failure: { reason: 'unexpected-status', host: 'github.com', status: 418, said: 'I am a teapot' }, values: ['github.com', '418', 'I am a teapot'] },
  refused: { failure: { reason: 'refused', host: 'gitlab.com', said: 'Spent at cannot be in the future' }, values: ['gitlab.com', 'Spent at cannot be in the future'] },
  unreadable: { failure: { reason: 'unreadable', host: 'jira.example.test' }, values: ['jira.example.test'] },
  'no-id': { failure: { reason: 'no-id', host: 'gitlab.com' }, values: ['gitlab.com'] },
  'not-its-item': { failure: { reason: 'not-its-item', itemKey: 'github:github.com/octo/app#12', provider: 'jira' }, values: ['github:github.com/octo/app#12', 'Jira'] },
  'jira-too-short': { failure: { reason: 'jira-too-short' }, values: ['Jira'] },
  'cannot-comment': { failure: { reason: 'cannot-comment' }, values: ['Stint'] },
  'report-gone': { failure: { reason: 'report-gone' }, values: [] },
};

const errorOf = (failure: ProviderFailure) => new ProviderError('bad-payload', failure, `English for the log (${failure.reason}).`);

async function speak(locale: string) {
  fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages(locale));
}

describe('providerErrorText', () => {
  afterEach(() => speak('en'));

  it.each(Object.keys(FAILURES) as ProviderFailureReason[])('words “%s” in English and German with its values', async (reason) => {
    const { failure, values } = FAILURES[reason];
    const english = providerErrorText(errorOf(failure));
    await speak('de');
    const german = providerErrorText(errorOf(failure));
    for (const text of [english, german]) {
      for (const value of values) expect(text).toContain(value);
      expect(text).not.toMatch(/providerError|\{[a-z]+\}/i); // no key or unfilled placeholder shows
      expect(text).not.toContain('English for the log');
    }
    expect(german).not.toBe(english);
  });

  it('says the provider’s words after Stint’s, in quotes, in the person’s language', async () => {
    const error = new ProviderError('missing-scope', { reason: 'forbidden', host: 'gitlab.com', need: 'project-access', said: '403 Forbidden' }, 'x');
    expect(providerErrorText(error)).toBe('gitlab.com refused this request (403). Check your access to the project. gitlab.com said: “403 Forbidden”');
    await speak('de');
    expect(providerErrorText(error)).toBe('gitlab.com hat diese Anfrage abgelehnt (403). Prüfe deinen Zugriff auf das Projekt. gitlab.com sagt: „403 Forbidden“');
  });

  it('never shows a token a provider echoed, in the words or in the log message', () => {
    const said = `Bad credentials for Bearer ${TOKEN.slice(4)} (token ${TOKEN}), Authorization: Basic YW5hQGFjbWUuZXhhbXBsZTpBVEFUVDN4RmZHRjA=`;
    const error = new ProviderError('bad-token', { reason: 'unexpected-status', host: 'github.com', status: 400, said }, `github.com answered 400: ${said}`);
    for (const text of [providerErrorText(error), error.message]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(TOKEN.slice(4));
      expect(text).not.toContain('YW5hQGFjbWUuZXhhbXBsZTpBVEFUVDN4RmZHRjA=');
      expect(text).toContain('Bad credentials');
    }
    // Words that merely follow “Basic” stay.
    const plain = new ProviderError('bad-payload', { reason: 'refused', host: 'jira.example.test', said: 'Basic authentication is disabled' }, 'x');
    expect(providerErrorText(plain)).toContain('“Basic authentication is disabled”');
  });

  it('keeps only the first 300 characters of a provider’s words', () => {
    const error = new ProviderError('server', { reason: 'unexpected-status', host: 'github.com', status: 400, said: 'x'.repeat(5000) }, 'x');
    expect(error.failure).toMatchObject({ said: 'x'.repeat(300) });
  });
});

describe('failureText and explainFailure', () => {
  afterEach(() => speak('en'));

  it('word provider and storage failures; other errors keep their own words', async () => {
    await speak('de');
    const offline = new ProviderError('offline', { reason: 'unreachable', host: 'github.com' }, 'Could not reach github.com.');
    expect(failureText(offline, 'fallback')).toMatch(/^github\.com ist nicht erreichbar\./);
    expect(explainFailure(offline)).toBe(failureText(offline, 'fallback'));
    expect(explainFailure(new DOMException('', 'QuotaExceededError'))).toMatch(/Speicher des Browsers für Stint ist voll/);
    expect(storageErrorText(new DOMException('closing', 'InvalidStateError'))).toMatch(/Versuche es erneut/);
    expect(explainFailure(new Error('Already worded.'))).toBeNull();
    expect(failureText(new Error('Already worded.'), 'fallback')).toBe('Already worded.');
    expect(failureText('not an error', 'fallback')).toBe('fallback');
  });
});
