import { describe, expect, it, vi } from 'vitest';
import type { Connection } from '../../../lib/core/connection';
import { database } from '../../../lib/db/open';
import { ProviderError } from '../../../lib/providers/errors';
import { addConnection, listConnections, normaliseInput, removeConnection, selfHostedProviders, tokenFor, type ConnectionDeps } from '../../../lib/services/connections';

function deps(overrides: Partial<ConnectionDeps> = {}) {
  return {
    whoAmI: vi.fn(() => Promise.resolve({ login: 'ana-ruiz' })),
    hasHostPermission: vi.fn(() => Promise.resolve(true)),
    registerContentScript: vi.fn((_c: Connection) => Promise.resolve()),
    unregisterContentScript: vi.fn((_c: Connection) => Promise.resolve()),
    removeHostPermission: vi.fn((_h: string) => Promise.resolve()),
    ...overrides,
  } satisfies ConnectionDeps;
}
const TOKEN = 'ghp_sandbox_ana_0000000000000000000000000';

describe('connections', () => {
  it('normalises what a person typed and says what is wrong', () => {
    expect(normaliseInput({ provider: 'github', host: ' https://GitHub.com/acme ', token: ` ${TOKEN} ` })).toEqual({ provider: 'github', host: 'github.com', apiBase: 'https://api.github.com', token: TOKEN, email: null });
    expect(normaliseInput({ provider: 'github', host: 'ghe.example.com', token: TOKEN }).apiBase).toBe('https://ghe.example.com/api/v3');
    expect(() => normaliseInput({ provider: 'github', host: 'not a host', token: TOKEN })).toThrow(/not a host name/);
    expect(() => normaliseInput({ provider: 'github', host: 'ghe.example.com', apiBase: 'http://ghe.example.com/api/v3', token: TOKEN })).toThrow(/https/);
    // The token goes only to the connected host (github.com's API: api.github.com).
    expect(() => normaliseInput({ provider: 'gitlab', host: 'gitlab.com', apiBase: 'https://collector.example/api/v4', token: TOKEN })).toThrow('The API base must be on gitlab.com: Stint sends your token only to the host you connect.');
    expect(() => normaliseInput({ provider: 'github', host: 'github.com', apiBase: 'https://github.com/api/v3', token: TOKEN })).toThrow(/must be on api\.github\.com/);
    expect(normaliseInput({ provider: 'gitlab', host: 'code.example.com', apiBase: 'https://code.example.com/gitlab/api/v4', token: TOKEN }).apiBase).toBe('https://code.example.com/gitlab/api/v4');
    expect(() => normaliseInput({ provider: 'github', host: 'github.com', token: 'abc' })).toThrow(/does not look like a token/);
  });

  it('stores a tested connection and its token apart; lists connections without tokens', async () => {
    const db = await database();
    const d = deps();
    const connection = await addConnection(db, { provider: 'github', host: 'github.com', token: TOKEN }, d, 1000, () => 'c1');
    expect(connection).toEqual({ id: 'c1', provider: 'github', host: 'github.com', apiBase: 'https://api.github.com', login: 'ana-ruiz', selfHosted: false, addedAt: 1000 });
    expect(JSON.stringify(await listConnections(db))).not.toContain(TOKEN);
    expect(await tokenFor(db, 'c1')).toBe(TOKEN);
    expect(d.registerContentScript).not.toHaveBeenCalled();
  });

  it('stores nothing when the token does not work', async () => {
    const db = await database();
    const d = deps({ whoAmI: vi.fn(() => Promise.reject(new ProviderError('bad-token', { reason: 'token-refused', host: 'github.com', credential: 'github-token' }, 'github.com refused the token (401 Bad credentials).'))) });
    await expect(addConnection(db, { provider: 'github', host: 'github.com', token: TOKEN }, d, 1, () => 'c1')).rejects.toThrow(/401/);
    expect(await listConnections(db)).toEqual([]);
    expect(await tokenFor(db, 'c1')).toBeNull();
  });

  it('a self-hosted host needs its permission, gets its content script, and loses both when removed', async () => {
    const db = await database();
    const refused = deps({ hasHostPermission: vi.fn(() => Promise.resolve(false)) });
    await expect(addConnection(db, { provider: 'github', host: 'github.example.test', token: TOKEN }, refused, 1, () => 'c2')).rejects.toThrow(/needs your permission to work on github.example.test/);
    expect(refused.whoAmI).not.toHaveBeenCalled();

    const d = deps();
    const connection = await addConnection(db, { provider: 'github', host: 'github.example.test', token: TOKEN }, d, 1, () => 'c2');
    expect(connection.selfHosted).toBe(true);
    expect(d.registerContentScript).toHaveBeenCalledWith(connection);
    expect(await selfHostedProviders(db)).toEqual(new Map([['github.example.test', 'github']]));
    await removeConnection(db, 'c2', d);
    expect(d.unregisterContentScript).toHaveBeenCalledWith(connection);
    expect(d.removeHostPermission).toHaveBeenCalledWith('github.example.test');
    expect(await tokenFor(db, 'c2')).toBeNull();
  });

  it('replaces the connection of the same host instead of adding a second one', async () => {
    const db = await database();
    await addConnection(db, { provider: 'github', host: 'github.com', token: TOKEN }, deps(), 1, () => 'c1');
    await addConnection(db, { provider: 'github', host: 'github.com', token: `${TOKEN}x` }, deps({ whoAmI: vi.fn(() => Promise.resolve({ login: 'bokafor' })) }), 2, () => 'c9');
    expect((await listConnections(db)).map((c) => [c.id, c.login])).toEqual([['c1', 'bokafor']]);
    expect(await tokenFor(db, 'c1')).toBe(`${TOKEN}x`);
  });
});
