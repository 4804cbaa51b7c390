import type { AxiosResponse } from 'axios';
import type { Client, RequestConfig } from 'jira.js';
import { ProviderError } from '../errors';
import { providerFetch, unreachable } from '../fetch';

/**
 * How Stint reaches a Jira site: the jira.js resource classes (`IssueWorklogs`, `IssueSearch`, `Board` …) describe
 * every call — path, parameters, body — and this transport sends them with fetch. Not jira.js's own
 * `Version3Client` / `Version2Client` / `AgileClient`: each instantiates every resource group of its API and brings
 * axios and an OAuth manager; measured, the three add 736 KB minified (116 KB gzipped) to the background, against
 * 31 KB (3.3 KB gzipped) for the ten resource classes Stint uses. A woken worker parses its whole bundle while the
 * page that woke it loads (see the GitLab client's note), and axios's retries would sleep through 429s an MV3 worker
 * cannot wait for: failures become ProviderErrors and the sync engine waits and retries.
 */
export interface JiraTarget {
  /** The site's origin (and context path on Data Center), e.g. `https://acme.atlassian.net`. */
  readonly apiBase: string;
  /** Empty: ask anonymously (only `serverInfo` answers that way). */
  readonly token: string;
  /** Cloud: the account e-mail (Basic auth with the API token). Null: a Data Center PAT (Bearer). */
  readonly email: string | null;
}

/** `Authorization` for a target: Basic e-mail:API-token on Cloud, Bearer PAT on Data Center. */
export function authorizationOf(target: JiraTarget): string {
  if (target.email === null) return `Bearer ${target.token}`;
  const bytes = new TextEncoder().encode(`${target.email}:${target.token}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

/** Query parameters as jira.js's own client writes them: absent values dropped, arrays comma-joined, objects as JSON. */
function queryOf(params: unknown): string {
  const out = new URLSearchParams();
  for (const [name, value] of Object.entries((params ?? {}) as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      if (value.length > 0) out.set(name, value.map(String).join(','));
    } else if (value instanceof Date) out.set(name, value.toISOString());
    else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.set(name, String(value));
    else out.set(name, JSON.stringify(value));
  }
  const text = out.toString();
  return text ? `?${text}` : '';
}

function readRetryAfter(headers: Headers, now: number): number {
  const retryAfter = Number(headers.get('retry-after') ?? Number.NaN);
  if (Number.isFinite(retryAfter)) return Math.max(0, retryAfter);
  // Jira Cloud also says when the window resets, as an ISO date-time.
  const reset = Date.parse(headers.get('x-ratelimit-reset') ?? '');
  return Number.isFinite(reset) ? Math.max(0, Math.ceil((reset - now) / 1000)) : 60;
}

/** Jira's own words from an error body: `errorMessages` and the per-field `errors`. */
function wordsOf(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { errorMessages, errors, message } = body as { errorMessages?: unknown; errors?: unknown; message?: unknown };
  const parts = [
    ...(Array.isArray(errorMessages) ? errorMessages.filter((m): m is string => typeof m === 'string') : []),
    ...(typeof errors === 'object' && errors !== null ? Object.entries(errors).map(([field, text]) => `${field}: ${String(text)}`) : []),
    ...(typeof message === 'string' ? [message] : []),
  ];
  return parts.join(' ').slice(0, 300);
}

/** A failed answer, in words a person can act on (never echoing the credentials). */
export function explainJiraAnswer(status: number, headers: Headers, body: unknown, host: string, cloud: boolean, writing: boolean, now = Date.now()): ProviderError {
  const said = wordsOf(body);
  if (status === 401) {
    const fix = cloud
      ? 'Check the e-mail is the one of your Atlassian account, create a new API token at id.atlassian.com → Security → API tokens, and paste it again.'
      : 'Create a new personal access token in Jira (your profile → Personal Access Tokens) and paste it again.';
    return new ProviderError('bad-token', { reason: 'token-refused', host, credential: cloud ? 'jira-api-token' : 'jira-pat' }, `${host} refused the ${cloud ? 'e-mail and API token' : 'token'} (401 Unauthorized). ${fix}`, { status });
  }
  if (status === 429) {
    const seconds = readRetryAfter(headers, now);
    const reason = headers.get('ratelimit-reason');
    return new ProviderError('rate-limited', { reason: 'rate-limited', host, seconds, ...(reason ? { said: reason } : {}) }, `${host} asks Stint to slow down${reason ? ` (${reason})` : ''}; it will try again in ${seconds} s.`, { status, retryAfterSeconds: seconds });
  }
  if (status === 403) {
    const need = writing ? 'the “Work on issues” permission in this project' : 'the “Browse projects” permission';
    return new ProviderError('missing-scope', { reason: 'forbidden', host, need: writing ? 'jira-work' : 'jira-browse', ...(said ? { said } : {}) }, `${host} refused this request (403)${said ? `: ${said}` : ''}. Your account needs ${need}; ask a Jira admin.`, { status, scope: writing ? 'Work on issues' : 'Browse projects' });
  }
  if (status === 404) return new ProviderError('not-found', { reason: 'not-found', host, where: 'jira', ...(said ? { said } : {}) }, `${host}: ${said || 'nothing at that address'} (404). Check the site address and that your account can see the issue.`, { status });
  if (status >= 500) return new ProviderError('server', { reason: 'server-trouble', host, status }, `${host} had a problem (${status}); Stint will try again later.`, { status });
  return new ProviderError('bad-payload', { reason: 'unexpected-status', host, status, ...(said ? { said } : {}) }, `${host} refused the request (${status})${said ? `: ${said}` : ''}.`, { status });
}


async function bodyOf(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The jira.js `Client` Stint's calls go through: one fetch per call, the browser cache bypassed, no retries here. */
export class JiraTransport implements Client {
  constructor(
    private readonly target: JiraTarget,
    private readonly host: string,
  ) {}

  private get cloud(): boolean {
    return this.target.email !== null;
  }

  async sendRequestFullResponse<T>(config: RequestConfig): Promise<AxiosResponse<T>> {
    const method = (config.method ?? 'GET').toUpperCase();
    const url = `${this.target.apiBase.replace(/\/+$/, '')}${config.url ?? ''}${queryOf(config.params)}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.target.token !== '') headers.authorization = authorizationOf(this.target);
    const hasBody = config.data !== undefined && method !== 'GET';
    if (hasBody) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await providerFetch(url, { method, headers, ...(hasBody ? { body: JSON.stringify(config.data) } : {}) });
    } catch (error) {
      throw unreachable(this.host, error, 'the site address');
    }
    const body = await bodyOf(response);
    if (!response.ok) throw explainJiraAnswer(response.status, response.headers, body, this.host, this.cloud, method !== 'GET' && !/\/(search|worklog\/list)/.test(config.url ?? ''));
    return { data: body as T, status: response.status, statusText: response.statusText, headers: Object.fromEntries(response.headers), config: {} as never };
  }

  sendRequest<T>(config: RequestConfig, callback?: never): Promise<T>;
  sendRequest<T>(config: RequestConfig, callback?: (err: unknown, data?: T) => void): Promise<void>;
  async sendRequest<T>(config: RequestConfig): Promise<T> {
    return (await this.sendRequestFullResponse<T>(config)).data;
  }

  handleSuccessResponse<T>(response: T): T {
    return response;
  }

  handleFailedResponse(error: Error): void {
    throw error;
  }
}
