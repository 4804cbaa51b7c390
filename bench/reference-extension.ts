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

/**
 * The floor for "a button on the page": a content script that only inserts one shadow-root button after the first
 * title anchor it finds (the same selectors Stint uses), with no messaging, observers or navigation handling.
 */
export function writeOneButtonReferenceExtension(dir: string, scripts: readonly { matches: readonly string[]; titleSelectors: readonly string[] }[]): string {
  mkdirSync(dir, { recursive: true });
  const contentScripts = scripts.map((script, i) => {
    const file = `button-${i}.js`;
    writeFileSync(
      join(dir, file),
      `(() => {
  const selectors = ${JSON.stringify(script.titleSelectors)};
  let anchor = null;
  for (const s of selectors) { anchor = document.querySelector(s); if (anchor) break; }
  const host = document.createElement('reference-button');
  const root = host.attachShadow({ mode: 'open' });
  const button = document.createElement('button');
  button.textContent = '▶ Start';
  root.append(button);
  if (anchor) anchor.after(host); else document.body.append(host);
})();\n`,
    );
    return { matches: script.matches, js: [file], run_at: 'document_end' };
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'Reference: one shadow-root button', version: '1.0.0', content_scripts: contentScripts }, null, 2));
  return dir;
}
