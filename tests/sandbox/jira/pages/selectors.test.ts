import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/jira/selectors.ts';
import { allSelectors } from './testing.ts';

describe('Jira selectors.ts', () => {
  it('gives every selector its own comment naming the evidence and the fixture that proves it', async () => {
    const lines = (await readFile(new URL('../../../../lib/providers/jira/selectors.ts', import.meta.url), 'utf8')).split('\n');
    for (const selector of allSelectors(SELECTORS)) {
      const at = lines.findIndex((line) => line.trim() === `'${selector}',`);
      expect(at, selector).toBeGreaterThan(0);
      const comment: string[] = [];
      for (let i = at - 1; i >= 0 && lines[i]!.trim().startsWith('//'); i--) comment.unshift(lines[i]!);
      expect(comment.join(' '), selector).toMatch(/Evidence: .+Fixture: [\w-]+\.ts/s);
    }
  });

  it('uses no :has(), which happy-dom cannot test here', () => {
    for (const selector of allSelectors(SELECTORS)) expect(selector).not.toContain(':has(');
  });
});
