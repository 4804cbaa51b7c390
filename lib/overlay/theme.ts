/**
 * Whether the host page is dark, from the attributes the three sites set on <html>/<body> (GitHub `data-color-mode`,
 * GitLab `gl-dark`, Jira `data-color-mode`), falling back to the browser's preference when a page follows the system.
 */
export function hostPrefersDark(doc: Document, systemDark: boolean): boolean {
  const html = doc.documentElement;
  const mode = html.getAttribute('data-color-mode');
  if (mode === 'dark') return true;
  if (mode === 'light') return false;
  if (html.classList.contains('gl-dark') || doc.body?.classList.contains('gl-dark')) return true;
  return systemDark;
}

/**
 * Follow the host's theme: its own switch (attributes on <html> / <body>) and the system's, when the page follows it.
 * A small attribute observer on those two elements only, never on the whole tree.
 */
export function watchHostTheme(doc: Document, onChange: (dark: boolean) => void, signal: AbortSignal): () => boolean {
  const system = doc.defaultView?.matchMedia('(prefers-color-scheme: dark)');
  const isDark = () => hostPrefersDark(doc, system?.matches ?? false);
  let last = isDark();
  const check = () => {
    const now = isDark();
    if (now !== last) onChange((last = now));
  };
  const observer = new MutationObserver(check);
  const attributeFilter = ['class', 'data-color-mode', 'data-theme', 'data-dark-theme', 'data-light-theme'];
  observer.observe(doc.documentElement, { attributes: true, attributeFilter });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter: ['class'] });
  system?.addEventListener('change', check, { signal });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  return isDark;
}
