import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchHarness, type Harness } from './harness.ts';
import { sendFromPage } from './send.ts';

/**
 * One browser with Stint for the whole test file, its options page open to send messages as Stint's own pages do.
 * Call it in the `describe` body: it registers the file's `beforeAll` / `afterAll`.
 */
export function browserForFile(): { readonly harness: Harness; readonly options: Page; readonly send: <T>(type: string, payload: object) => Promise<T> } {
  let harness: Harness | undefined;
  let options: Page | undefined;
  beforeAll(async () => {
    harness = await launchHarness();
    options = await harness.openExtensionPage('options');
  });
  afterAll(() => harness?.close());
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('The browser is not launched yet: use it inside tests, not at collection time.');
    return value;
  };
  return {
    get harness() {
      return ready(harness);
    },
    get options() {
      return ready(options);
    },
    send: <T>(type: string, payload: object) => sendFromPage<T>(ready(options), type, payload),
  };
}
