import { describe, expect, it } from 'vitest';
import { runSoak, SOAK_FAULTS, soakPassed } from '../../scripts/soak.ts';

/**
 * The sync soak (scripts/soak.ts, `npm run soak` runs 1,000 entries) at CI size: 60 entries written back to GitHub,
 * GitLab and Jira through the real timer service, sync engine, outbox and adapters against the sandbox, with about a
 * third of the API requests faulted (500, 429 + Retry-After, no answer, dropped after commit, 401 until the person
 * reconnects). Every entry ends up exactly once remotely with its seconds, and nothing is lost or left waiting here.
 */
describe('sync soak with faults', () => {
  it('writes 60 entries exactly once through ≥ 30 % faulted requests of every kind', async () => {
    const result = await runSoak({ entries: 60, faultRate: 0.35, seed: 20261126 });
    expect(result.entries).toEqual({ github: 20, gitlab: 20, jira: 20 });
    expect(result.faultShare).toBeGreaterThanOrEqual(0.3);
    for (const kind of SOAK_FAULTS) expect(result.faults[kind], kind).toBeGreaterThan(0);
    expect(result.reconnects).toBeGreaterThan(0); // the 401s stopped writes until the person came back
    expect(result.remote).toEqual({ exactlyOnce: 60, missing: [], duplicated: [], wrongSeconds: [], stray: [] });
    expect(result.local).toEqual({ entries: 60, synced: 60, notSynced: 0, outbox: 0 });
    expect(soakPassed(result, 60)).toBe(true);
  }, 600_000);
});
