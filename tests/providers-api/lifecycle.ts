import { IDBFactory } from 'fake-indexeddb';
import { afterAll, afterEach, beforeAll, beforeEach, vi } from 'vitest';
import { closeDatabase } from '../../lib/db/open';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';

export interface SandboxHooks {
  /** Date alone is faked, from this time on, in each test (Jira leaves the last minute out of its feeds). */
  readonly fakeDate?: () => number;
}

/**
 * The hooks of a test file that reaches the sandbox through the real clients and keeps Stint's data in memory: one
 * sandbox for the file (handed to `use`), and before each test the seeded world back and an empty IndexedDB, closed
 * after it. Call it before the file's own hooks, so they run with the sandbox reset and the database fresh.
 */
export function withSandbox(use: (sandbox: Sandbox) => void, options: SandboxHooks = {}): void {
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox();
    use(sandbox);
  });
  afterAll(() => sandbox?.close());
  beforeEach(() => {
    if (options.fakeDate) vi.useFakeTimers({ toFake: ['Date'], now: options.fakeDate() });
    sandbox?.reset();
    globalThis.indexedDB = new IDBFactory();
  });
  afterEach(async () => {
    if (options.fakeDate) vi.useRealTimers();
    await closeDatabase();
  });
}
