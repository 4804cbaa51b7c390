import { html } from '../../http/html.ts';
import type { Theme } from './context.ts';

/**
 * GitLab's "Page not found" (its static `public/404.html`, also what a signed-out visitor gets for a private project):
 * no issue, list or board hooks at all, so every selector must miss here.
 */
export function renderNotFoundPage(theme: Theme): string {
  return html`<!DOCTYPE html>
<!-- Stint sandbox fixture: GitLab 404 page — static public/404.html (all versions). -->
<html lang="en" class="${theme === 'dark' ? 'gl-dark' : 'gl-light'}">
<head>
<meta charset="utf-8">
<meta name="stint-fixture" content="gitlab 404 page — static public/404.html (all versions)">
<title>The page you're looking for could not be found (404)</title>
<style>
  body { margin: 0; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif; color: #3a383f; background: #fff; text-align: center; }
  html.gl-dark body { color: #ececef; background: #18171d; }
  h1 { font-size: 56px; margin: 80px 0 8px; } h3 { font-weight: 400; } hr { max-width: 400px; border: 0; border-top: 1px solid #dcdcde; }
  a { color: #1f75cb; }
</style>
</head>
<body>
<div class="page-container">
  <h1>404</h1>
  <div class="container">
    <h3>Page not found</h3>
    <hr>
    <p>Make sure the address is correct and the page has not moved.</p>
    <p>Please contact your GitLab administrator if you think this is a mistake.</p>
    <a href="/" class="js-go-back">Go back</a>
  </div>
</div>
</body>
</html>
`.value;
}
