import { Octokit } from '@octokit/rest';
import type { Sandbox } from '../../server.ts';

/** Shared by the GitHub API tests: real clients pointed at the sandbox, and the seeded tokens by owner. */

export const GITHUB = 'github.com';
export const GHE = 'github.example.test';

/** A seeded token on `host`: a person's full-access token (`who` = person id), or with `who = 'readonly'` the one without `repo`. */
export function githubToken(sandbox: Sandbox, who = 'ana', host = GITHUB): string {
  const instance = sandbox.data.github.find((i) => i.host === host);
  const token = instance?.tokens.find((t) => (who === 'readonly' ? !t.scopes.includes('repo') : t.personId === who && t.scopes.includes('repo')));
  if (!token) throw new Error(`no seeded token for ${who} on ${host}`);
  return token.value;
}

export function apiBase(sandbox: Sandbox, host = GITHUB): string {
  return host === GITHUB ? `https://api.github.com:${sandbox.port}` : `https://${host}:${sandbox.port}/api/v3`;
}

/** Octokit as Stint uses it (no retry plugins, so every status reaches the test); `auth: null` sends no token. */
export function octokitFor(sandbox: Sandbox, auth: string | null = githubToken(sandbox), host = GITHUB): Octokit {
  return new Octokit({ ...(auth === null ? {} : { auth }), baseUrl: apiBase(sandbox, host), log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } });
}

/** The HTTP status of a rejected Octokit call (Octokit throws for 304 and every 4xx/5xx). */
export async function failure(promise: Promise<unknown>): Promise<{ status: number; headers: Record<string, string | number | undefined>; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { status?: number; response?: { headers?: Record<string, string | number | undefined>; data?: unknown } };
    if (typeof e.status === 'number') return { status: e.status, headers: e.response?.headers ?? {}, data: e.response?.data };
    throw error;
  }
  throw new Error('expected the request to fail');
}
