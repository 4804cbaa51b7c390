import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A minimal extension of our own with the same content-script matches as Stint but an empty script: the floor any
 * extension with a content script pays on these pages. Written fresh for each run, never committed.
 */
export function writeEmptyReferenceExtension(dir: string, matches: readonly string[]): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'empty.js'), '');
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({ manifest_version: 3, name: 'Reference: empty content script', version: '1.0.0', content_scripts: [{ matches, js: ['empty.js'], run_at: 'document_end' }] }, null, 2),
  );
  return dir;
}
