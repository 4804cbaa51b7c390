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
