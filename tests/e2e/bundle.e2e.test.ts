import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { E2E_EXTENSION_DIR } from './support/harness.ts';

/**
 * What each page pays for Stint before any code runs: the built content scripts stay small (the timer issue's budget:
 * 12 KB gzipped each) and carry no React, zod or API client. Sizes are deterministic for a given build.
 */
const manifest = JSON.parse(readFileSync(join(E2E_EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: { matches: string[]; js: string[] }[] };

describe('content script bundles', () => {
  for (const script of manifest.content_scripts) {
    for (const file of script.js) {
      it(`${file} (${script.matches.join(', ')}) is ≤ 12 KB gzipped and carries no heavy library`, () => {
        const code = readFileSync(join(E2E_EXTENSION_DIR, file));
        expect(gzipSync(code, { level: 9 }).length).toBeLessThanOrEqual(12 * 1024);
        const text = code.toString('utf8');
        for (const marker of ['ZodError', 'react.element', '__SECRET_INTERNALS', 'octokit', 'jira.js', 'gitbeaker']) expect(text).not.toContain(marker);
      });
    }
  }
});
