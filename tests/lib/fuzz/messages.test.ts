import fc from 'fast-check';
import type { IDBPDatabase } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { en } from 'zod/locales';
import { createHandlers } from '../../../entrypoints/background/handlers';
import { database } from '../../../lib/db/open';
import type { StintDb } from '../../../lib/db/schema';
import { protocol, type MessageType } from '../../../lib/messaging/protocol';
import { dispatch, type Caller, type Handlers } from '../../../lib/messaging/server';
import { startTimerFor, stopRunningTimer, type Clock } from '../../../lib/services/timer';

/**
 * Every message of the protocol, with random and mutated payloads, through the real background dispatch and the real
 * handlers over a real (fake-indexeddb) database. A payload its schema refuses gets a clear error naming the message
 * and the field, reaches no handler, and leaves every store exactly as it was. One that passes runs its handler, which
 * answers with data or an error string — dispatch never throws. Network and browser side effects are stubbed out;
 * fast-check prints the seed of any failure.
 */
const RUNS = 10_000;
const T0 = Date.UTC(2026, 10, 26, 9);
const ITEM = 'github:github.com/acme/app#1';
const content: Caller = { kind: 'content', tabId: 4, url: new URL('https://github.com/acme/app/issues/1') };
const extension: Caller = { kind: 'extension', url: new URL('chrome-extension://stint-id/popup.html') };

/** A payload each message accepts (mutations start from it); messages added later start from `{}`. */
const SAMPLES: Partial<Record<MessageType, unknown>> = {
  'item.state': { report: { anchor: '[data-testid="issue-title"]', title: 'Fix it' } },
  'item.toggle': {},
  'item.stop': {},
  'items.badges': { keys: [ITEM, 'github:github.com/acme/app#2'], projects: ['github:github.com/acme/app'] },
  'item.setEstimate': { estimate: '3h' },
  'timer.start': { itemKey: ITEM },
  'away.resolve': { decision: 'keep' },
  'connections.test': { provider: 'gitlab', host: 'gitlab.example.test', apiBase: 'https://gitlab.example.test/api/v4', token: 'glpat-x' },
  'connections.add': { provider: 'jira', host: 'acme.atlassian.net', token: 't', email: 'ana@example.test' },
  'connections.remove': { id: 'c1' },
  'sync.setWriteBack': { projectKey: 'github:github.com/acme/app', writeBack: true },
  'entries.today': { dayStart: T0 - 9 * 3_600_000, dayEnd: T0 + 15 * 3_600_000 },
  'overlay.report': { anchor: null, title: 'Fix it' },
  'tab.health': { tabId: 4 },
  'budgets.save': { id: 'b1', scope: { kind: 'project', key: 'github:github.com/acme/app' }, hours: 40, money: { amount: 500_000, currency: 'EUR' }, period: 'total', thresholds: [50, 80, 100] },
  'budgets.remove': { id: 'b1' },
  'rates.save': { id: 'r1', person: 'ana', projectKey: null, perHour: 9000, currency: 'EUR' },
  'rates.remove': { id: 'r1' },
};

type Json = unknown;
type Path = (string | number)[];

/** Every place in a payload a mutation can hit (the root too). */
function pathsOf(value: Json, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...at, i]))];
  if (value && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...at, k]))];
  return here;
}

type Mutation = 'drop' | 'replace' | 'huge' | 'extra' | 'wrongType';
const HUGE = 'x'.repeat(200_000);

/** A copy of `value` with one thing changed at `path`. */
function mutate(value: Json, path: Path, kind: Mutation, random: Json): Json {
  if (path.length === 0) return kind === 'huge' ? HUGE : kind === 'drop' ? undefined : random;
  const [head, ...rest] = path;
  const copy: Record<string | number, Json> | Json[] = Array.isArray(value) ? [...(value as Json[])] : { ...(value as Record<string, Json>) };
  const target = copy as Record<string | number, Json>;
  if (rest.length > 0) target[head!] = mutate(target[head!], rest, kind, random);
  else if (kind === 'drop') delete target[head!];
  else if (kind === 'huge') target[head!] = typeof target[head!] === 'number' ? 1e308 : HUGE;
  else if (kind === 'extra') target[`${String(head)}Extra`] = random;
  else if (kind === 'wrongType') target[head!] = typeof target[head!] === 'string' ? 42 : typeof target[head!] === 'number' ? '42' : typeof target[head!] === 'boolean' ? 'true' : [target[head!]];
  else target[head!] = random;
  return copy;
}

const TYPES = Object.keys(protocol) as MessageType[];
const message = fc
  .record({
    type: fc.constantFrom(...TYPES),
    how: fc.constantFrom('mutated', 'mutated', 'mutated', 'random', 'sample'),
    kind: fc.constantFrom<Mutation>('drop', 'replace', 'huge', 'extra', 'wrongType'),
    pick: fc.nat(),
    random: fc.jsonValue({ maxDepth: 3 }),
    sender: fc.constantFrom('own', 'own', 'own', 'own', 'other', 'none'),
  })
  .map(({ type, how, kind, pick, random, sender }) => {
    const sample = SAMPLES[type] ?? {};
    const paths = pathsOf(sample);
    const payload = how === 'sample' ? sample : how === 'random' ? random : mutate(sample, paths[pick % paths.length]!, kind, random);
    const own = protocol[type].from === 'content' ? content : extension;
    const caller = sender === 'own' ? own : sender === 'other' ? (own === content ? extension : content) : null;
    return { type, payload, caller };
  });

/** Every record of every store, with its key. */
async function snapshot(db: IDBPDatabase<StintDb>): Promise<unknown> {
  const names = [...db.objectStoreNames];
  const tx = db.transaction(names, 'readonly');
  return Promise.all(names.map(async (name) => [name, await tx.objectStore(name).getAllKeys(), await tx.objectStore(name).getAll()]));
}

describe('every message, fuzzed through the background dispatch', () => {
  let db: IDBPDatabase<StintDb>;
  let handlers: Handlers;
  const called: string[] = [];

  beforeEach(async () => {
    z.config(en()); // as the background does
    db = await database();
    let now = T0;
    let id = 0;
    const clock: Clock = { now: () => now, newId: () => `00000000-0000-4000-8000-${String(++id).padStart(12, '0')}` };
    // Data for the handlers to read and for a refused message to leave alone: an item, a finished and a running timer.
    await db.put('items', { key: ITEM, provider: 'github', kind: 'issue', url: 'https://github.com/acme/app/issues/1', title: 'Fix it', updatedAt: T0 });
    await startTimerFor(db, clock, ITEM);
    now += 30 * 60_000;
    await stopRunningTimer(db, clock);
    await startTimerFor(db, clock, ITEM);
    const real = createHandlers({
      clock,
      connections: {
        whoAmI: () => Promise.reject(new Error('The sandbox is not reachable from this test.')),
        hasHostPermission: () => Promise.resolve(false),
        registerContentScript: () => Promise.resolve(),
        unregisterContentScript: () => Promise.resolve(),
        removeHostPermission: () => Promise.resolve(),
      },
      sync: { syncAll: () => Promise.resolve(), kickOutbox: () => Promise.resolve(), visited: () => Promise.resolve() },
      afterTimerChange: () => Promise.resolve(),
    });
    // The real handlers, noting which ran.
    handlers = Object.fromEntries(
      Object.entries(real).map(([type, handler]) => [type, (payload: unknown, caller: Caller) => (called.push(type), (handler as (p: unknown, c: Caller) => unknown)(payload, caller))]),
    ) as Handlers;
  });

  it(`refuses every malformed or misaddressed one of ${RUNS} messages clearly, with no handler run and nothing written`, async () => {
    let refused = 0;
    // What the stores hold: read after every message; a refused one must have left them as they were.
    let known = await snapshot(db);
    await fc.assert(
      fc.asyncProperty(message, async ({ type, payload, caller }) => {
        // What the browser delivers is structured-cloned JSON: undefined fields vanish, as they do on the wire.
        const wire = payload === undefined ? undefined : (JSON.parse(JSON.stringify(payload)) as unknown);
        const accepted = caller !== null && caller.kind === protocol[type].from && protocol[type].request.safeParse(wire).success;
        called.length = 0;
        const reply = await dispatch(handlers, { type, payload: wire }, caller);
        // Read the stores before any assertion, so that a failure's shrinking compares each replay with its own start.
        const [expected, after] = [known, await snapshot(db)];
        known = after;
        if (accepted) {
          expect(called).toEqual([type]);
          if (!reply.ok) expect(reply.error.length).toBeGreaterThan(0);
          return;
        }
        refused++;
        expect(called).toEqual([]);
        expect(after).toEqual(expected);
        expect(reply.ok).toBe(false);
        const error = reply.ok ? '' : reply.error;
        expect(error).toMatch(caller === null ? /^Refused: the sender/ : caller.kind !== protocol[type].from ? new RegExp(`^Refused: “${type.replace('.', '\\.')}” cannot be sent`) : new RegExp(`^Invalid “${type.replace('.', '\\.')}” request: \\S.* — \\S`));
        expect(error.length).toBeLessThan(400); // a 200,000-character field is named, never echoed
      }),
      { numRuns: RUNS },
    );
    if (process.env.STINT_FUZZ_REPORT) console.info(`messages: ${RUNS} runs, ${refused} refused, ${RUNS - refused} reached their handler`);
    expect(refused).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
