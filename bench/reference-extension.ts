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
export function writeOneButtonReferenceExtension(dir: string, scripts: readonly { matches: readonly string[]; titleSelectors: readonly string[] }[], options: { message?: boolean } = {}): string {
  mkdirSync(dir, { recursive: true });
  // With `message`: the least a live button needs besides drawing — one request to its background for the state, and a
  // listener for change notices. The floor for any extension whose button shows something the background knows.
  const messaging = options.message
    ? `chrome.runtime.onMessage.addListener(() => {});
  chrome.runtime.sendMessage({ type: 'item.state', payload: {} }).then((state) => { button.textContent = state && state.running ? '■ Stop' : '▶ Start'; });`
    : '';
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
  ${messaging}
})();\n`,
    );
    return { matches: script.matches, js: [file], run_at: 'document_end' };
  });
  const background = options.message ? { background: { service_worker: 'background.js' } } : {};
  if (options.message) writeFileSync(join(dir, 'background.js'), `chrome.runtime.onMessage.addListener((m, s, reply) => { reply({ running: null }); });\n`);
  const name = options.message ? 'Reference: one button that asks its background' : 'Reference: one shadow-root button';
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name, version: '1.0.0', ...background, content_scripts: contentScripts }, null, 2));
  return dir;
}
