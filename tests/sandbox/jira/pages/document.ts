import { html, raw, type SafeHtml } from '../../http/html.ts';
import type { Reply } from '../../http/router.ts';
import { CLIENT_SCRIPT } from './client-script.ts';
import { CLOUD_STYLE, DC_STYLE } from './styles.ts';

export type ColorMode = 'light' | 'dark';

/** `?theme=dark` switches a fixture to the dark variant (the real sites read the user's profile setting instead). */
export function colorModeOf(url: URL): ColorMode {
  return url.searchParams.get('theme') === 'dark' ? 'dark' : 'light';
}

export interface PageShell {
  readonly flavour: 'cloud' | 'dc';
  /** What the fixture mirrors, e.g. `jira issue — Jira Cloud issue view, 2025–2026` (also the top comment). */
  readonly fixture: string;
  readonly title: string;
  readonly colorMode: ColorMode;
  readonly body: SafeHtml;
  /** Extra `<body>` attributes (DC pages carry `id="jira"` and page-type classes). */
  readonly bodyAttributes?: SafeHtml;
}

/**
 * The whole document. Colour mode follows Atlassian's design tokens: `setGlobalTheme` writes
 * `<html data-color-mode="…" data-theme="dark:dark light:light spacing:spacing typography:typography">` on Cloud
 * (atlassian.design/foundations/tokens/use-tokens-in-code), and Jira DC 10's theming uses the same attributes
 * (developer.atlassian.com/server/framework/atlassian-theme/getting-started).
 */
export function renderDocument(shell: PageShell): string {
  const theme = shell.flavour === 'cloud' ? 'dark:dark light:light spacing:spacing typography:typography' : 'dark:dark light:light';
  const style = shell.flavour === 'cloud' ? CLOUD_STYLE : DC_STYLE;
  return html`<!DOCTYPE html>
<!-- Stint page fixture (tests/sandbox/jira/pages): mirrors ${shell.fixture}. Rendered from the sandbox's seeded data. -->
<html lang="en" data-color-mode="${shell.colorMode}" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="application-name" content="JIRA">
<meta name="stint-fixture" content="${shell.fixture}">
<meta name="color-scheme" content="${shell.colorMode}">
<title>${shell.title}</title>
<style>${raw(style)}</style>
</head>
<body ${shell.bodyAttributes ?? ''}>
${shell.body}
<script>${raw(CLIENT_SCRIPT)}</script>
</body>
</html>
`.value;
}

export function htmlReply(status: number, document: string): Reply {
  return { status, headers: { 'content-type': 'text/html;charset=UTF-8', 'cache-control': 'no-cache, no-store' }, body: document };
}
