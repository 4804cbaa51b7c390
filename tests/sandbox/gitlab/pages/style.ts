/**
 * A few lines of GitLab's look (Pajamas colours, system font, the super sidebar) so screenshots read as GitLab at a
 * glance. `html.gl-dark` switches the palette the way GitLab's own stylesheets key off that class.
 */
export const GITLAB_CSS = `
:root { --gl-bg: #fff; --gl-bg-subtle: #fbfafd; --gl-text: #3a383f; --gl-text-subtle: #626168; --gl-border: #dcdcde;
  --gl-link: #1f75cb; --gl-sidebar: #f1f1f3; --gl-success: #108548; --gl-info: #1f75cb; --gl-merged: #7b58cf; }
html.gl-dark { --gl-bg: #18171d; --gl-bg-subtle: #232128; --gl-text: #ececef; --gl-text-subtle: #bfbfc3; --gl-border: #4c4b51;
  --gl-link: #63a6e9; --gl-sidebar: #1f1e24; color-scheme: dark; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif;
  color: var(--gl-text); background: var(--gl-bg); }
a { color: var(--gl-link); text-decoration: none; }
a:hover { text-decoration: underline; }
.layout-page { display: flex; min-height: 100vh; }
.super-sidebar { width: 256px; flex: none; background: var(--gl-sidebar); border-right: 1px solid var(--gl-border); padding: 12px; }
.super-sidebar-context-header { font-weight: 600; margin: 8px 0 12px; }
.super-sidebar ul { list-style: none; margin: 0; padding: 0; }
.super-sidebar li a { display: block; padding: 6px 8px; border-radius: 4px; color: var(--gl-text); }
.super-sidebar li a[aria-current="page"] { background: var(--gl-bg); font-weight: 600; }
.content-wrapper { flex: 1; min-width: 0; }
.top-bar-fixed { border-bottom: 1px solid var(--gl-border); padding: 10px 24px; }
.gl-breadcrumb-list { display: flex; gap: 6px; list-style: none; margin: 0; padding: 0; color: var(--gl-text-subtle); }
.gl-breadcrumb-item + .gl-breadcrumb-item::before { content: "/"; margin-right: 6px; }
.content { padding: 16px 24px; max-width: 1280px; }
.gl-heading-1 { font-size: 1.75rem; line-height: 1.25; margin: 0; font-weight: 600; }
.gl-badge { display: inline-flex; align-items: center; border-radius: 12px; padding: 0 8px; font-size: 12px; font-weight: 600; line-height: 20px; }
.badge-success { background: #c3e6cd; color: #24663b; } .badge-info { background: #cbe2f9; color: #0b5cad; }
.badge-merged { background: #e1d8f9; color: #5943b6; } .badge-neutral { background: #ececef; color: #535158; }
html.gl-dark .badge-success { background: #0d532a; color: #91d4a8; } html.gl-dark .badge-info { background: #064787; color: #9dc7f1; }
html.gl-dark .badge-merged { background: #453894; color: #cbbbf2; } html.gl-dark .badge-neutral { background: #3a383f; color: #dcdcde; }
.gl-label { display: inline-flex; border-radius: 12px; overflow: hidden; font-size: 12px; line-height: 20px; margin: 2px 4px 2px 0; }
.gl-label-text { padding: 0 8px; } .gl-label-text-scoped { padding: 0 8px; background: var(--gl-bg); color: var(--gl-text); border: 2px solid; border-left: 0; border-radius: 0 12px 12px 0; }
.btn, .gl-button { display: inline-flex; align-items: center; gap: 4px; border: 1px solid var(--gl-border); background: var(--gl-bg);
  color: var(--gl-text); border-radius: 4px; padding: 4px 10px; font: inherit; cursor: pointer; }
.issuable-list { list-style: none; margin: 0; padding: 0; border-top: 1px solid var(--gl-border); }
.issuable-list > li { display: flex; gap: 16px; padding: 10px 16px; border-bottom: 1px solid var(--gl-border); position: relative; }
.issuable-main-info { flex: 1; min-width: 0; } .issuable-meta { text-align: right; color: var(--gl-text-subtle); font-size: 12px; }
.issue-title-text, .merge-request-title-text a { font-weight: 600; color: var(--gl-text); position: relative; z-index: 2; }
.issue-box { width: 100%; } .issue-info-container { display: flex; gap: 16px; }
.issue-main-info { flex: 1; min-width: 0; }
.detail-page-header { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.issuable-info { color: var(--gl-text-subtle); font-size: 12px; }
[data-testid="issuable-card-link-overlay"] { position: absolute; inset: 0; z-index: 1; }
.gl-tabs-nav, .nav-tabs { display: flex; gap: 16px; list-style: none; padding: 0; margin: 12px 0; border-bottom: 1px solid var(--gl-border); }
.gl-tabs-nav a, .nav-tabs a { display: inline-block; padding: 8px 2px; color: var(--gl-text); }
.gl-tabs-nav .active a, .nav-tabs .active a { border-bottom: 2px solid var(--gl-link); font-weight: 600; }
.work-item-overview, .issuable-layout { display: grid; grid-template-columns: minmax(0, 1fr) 290px; gap: 24px; margin-top: 16px; }
.work-item-overview-right-sidebar { border-left: 1px solid var(--gl-border); padding-left: 16px; font-size: 13px; }
.work-item-attribute, .block { padding: 10px 0; border-bottom: 1px solid var(--gl-border); }
.sidebar-title, .title-text { font-weight: 600; display: block; margin-bottom: 2px; }
.task-list { list-style: none; padding-left: 4px; }
.right-sidebar { position: fixed; top: 0; right: 0; bottom: 0; width: 290px; padding: 56px 16px 16px; background: var(--gl-bg);
  border-left: 1px solid var(--gl-border); overflow: auto; font-size: 13px; }
#content-body:has(> .right-sidebar) { padding-right: 314px; }
.md { margin: 12px 0; } .md h2 { font-size: 1.15rem; }
.text-subtle { color: var(--gl-text-subtle); }
.gl-drawer { position: fixed; top: 0; right: 0; bottom: 0; width: min(768px, 100%); background: var(--gl-bg); border-left: 1px solid var(--gl-border);
  box-shadow: -4px 0 16px rgba(0,0,0,.15); overflow: auto; padding: 12px 20px; z-index: 200; }
.gl-drawer[hidden] { display: none; }
.gl-drawer .work-item-overview { grid-template-columns: 1fr; }
.boards-list { display: flex; gap: 12px; align-items: flex-start; overflow-x: auto; padding-bottom: 12px; }
.board { width: 320px; flex: none; background: var(--gl-bg-subtle); border: 1px solid var(--gl-border); border-radius: 4px; }
.board-header { padding: 8px 12px; font-weight: 600; border-bottom: 1px solid var(--gl-border); display: flex; justify-content: space-between; }
.board-list { list-style: none; margin: 0; padding: 8px; }
.board-card { background: var(--gl-bg); border: 1px solid var(--gl-border); border-radius: 4px; margin-bottom: 8px; padding: 12px; cursor: pointer; }
.board-card-title { margin: 0 0 4px; font-size: 14px; font-weight: 400; }
.board-card-title a { color: var(--gl-text); }
.board-card-footer { display: flex; justify-content: space-between; color: var(--gl-text-subtle); font-size: 12px; margin-top: 6px; }
.diff-file { border: 1px solid var(--gl-border); border-radius: 4px; margin: 12px 0; }
.diff-file .file-title { background: var(--gl-bg-subtle); padding: 8px 12px; border-bottom: 1px solid var(--gl-border); font-family: monospace; }
.diff-file pre { margin: 0; padding: 8px 12px; font-size: 12px; }
.pagination { display: flex; gap: 8px; justify-content: center; margin: 16px 0; }
.page-not-found { text-align: center; padding: 80px 16px; }
`;
