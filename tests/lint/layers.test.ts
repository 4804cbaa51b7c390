import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of DESIGN.md §3 hold only if breaking them fails the lint. Each probe is linted as if it were a file
 * at that path (nothing is written); type-aware rules are off for probes, the zones are what is under test.
 */
const eslint = new ESLint({ overrideConfig: [tseslint.configs.disableTypeChecked] });

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'import/no-restricted-paths' || m.ruleId === 'no-restricted-properties' || m.ruleId === 'no-restricted-globals' || m.ruleId === 'no-restricted-syntax' || m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.message);
}

describe('layer rules (eslint import/no-restricted-paths zones)', () => {
  const broken: [string, string, string, RegExp][] = [
    ['lib/core imports idb', 'lib/core/probe.ts', "import { openDB } from 'idb';\nexport const x = openDB;\n", /lib\/core is pure/],
    ['lib/core imports the browser API', 'lib/core/probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;\n", /lib\/core is pure/],
    ['lib/core reads the clock', 'lib/core/probe.ts', 'export const now = Date.now();\n', /time as a parameter/],
    ['lib/core touches the DOM', 'lib/core/probe.ts', 'export const d = document.title;\n', /document/],
    ['a provider imports React', 'lib/providers/github/probe.ts', "import { useState } from 'react';\nexport const x = useState;\n", /A provider imports only/],
    ['a provider imports another provider', 'lib/providers/gitlab/probe.ts', "import { matchJiraPage } from '../jira/url';\nexport const x = matchJiraPage;\n", /A provider imports only/],
    ['lib/db imports a service', 'lib/db/probe.ts', "import { getTabHealth } from '../services/tab-health';\nexport const x = getTabHealth;\n", /lib\/db imports only/],
    ['a component imports idb', 'components/Probe.tsx', "import { openDB } from 'idb';\nexport const x = openDB;\n", /Only lib\/services use the database/],
    ['a component calls a service', 'components/Probe.tsx', "import { getTabHealth } from '../lib/services/tab-health';\nexport const x = getTabHealth;\n", /Services run in the background only/],
    ['the overlay imports React', 'lib/overlay/probe.ts', "import { createElement } from 'react';\nexport const x = createElement;\n", /Content scripts stay tiny/],
    ['a content script imports zod', 'entrypoints/github.content/probe.ts', "import { z } from 'zod';\nexport const x = z;\n", /Content scripts stay tiny/],
    ['the overlay imports zod/mini', 'lib/overlay/probe.ts', "import * as z from 'zod/mini';\nexport const x = z;\n", /Content scripts stay tiny/],
    ['the overlay imports a value from the protocol (zod would ship to pages)', 'lib/overlay/probe.ts', "import { VIEW_PORT } from '../messaging/protocol';\nexport const x = VIEW_PORT;\n", /only types from protocol.ts/],
    ['page code sets innerHTML', 'lib/overlay/probe.ts', 'export function f(e: HTMLElement, s: string) { e.innerHTML = s; }\n', /No innerHTML/],
  ];

  for (const [name, filePath, code, message] of broken) {
    it(`fails when ${name}`, async () => {
      const found = await violations(filePath, code);
      expect(found.join('\n')).toMatch(message);
    });
  }

  it('allows what the design allows (overlay → core, provider → core and its own folder)', async () => {
    expect(await violations('lib/overlay/probe.ts', "import { itemKey } from '../core/item-ref';\nexport const x = itemKey;\n")).toEqual([]);
    expect(await violations('lib/overlay/probe.ts', "import type { TimerState } from '../messaging/protocol';\nexport type X = TimerState;\n")).toEqual([]);
    expect(await violations('lib/providers/github/probe.ts', "import { itemKey } from '../../core/item-ref';\nimport { matchGithubPage } from './url';\nexport const x = [itemKey, matchGithubPage];\n")).toEqual([]);
  });
});
