/**
 * Just enough of Primer's look for screenshots to read as GitHub at a glance: system font, Primer's colour tokens
 * for the light and dark themes, chosen the way github.com does (`html[data-color-mode]`, `auto` following the system).
 */
const LIGHT = `--bgColor-default:#ffffff;--bgColor-muted:#f6f8fa;--fgColor-default:#1f2328;--fgColor-muted:#59636e;
--fgColor-accent:#0969da;--borderColor-default:#d1d9e0;--fgColor-open:#1a7f37;--bgColor-open-emphasis:#1f883d;
--fgColor-closed:#d1242f;--bgColor-closed-emphasis:#cf222e;--fgColor-done:#8250df;--bgColor-done-emphasis:#8250df;
--bgColor-neutral-emphasis:#59636e;--header-bg:#f6f8fa;color-scheme:light;`;
const DARK = `--bgColor-default:#0d1117;--bgColor-muted:#151b23;--fgColor-default:#f0f6fc;--fgColor-muted:#9198a1;
--fgColor-accent:#4493f8;--borderColor-default:#3d444d;--fgColor-open:#3fb950;--bgColor-open-emphasis:#238636;
--fgColor-closed:#f85149;--bgColor-closed-emphasis:#da3633;--fgColor-done:#ab7df8;--bgColor-done-emphasis:#8957e5;
--bgColor-neutral-emphasis:#656c76;--header-bg:#010409;color-scheme:dark;`;

export const GITHUB_CSS = `
:root,[data-color-mode=light][data-light-theme=light],[data-color-mode=auto][data-light-theme=light]{${LIGHT}}
[data-color-mode=dark][data-dark-theme=dark]{${DARK}}
@media (prefers-color-scheme: dark){[data-color-mode=auto][data-dark-theme=dark]{${DARK}}}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI","Noto Sans",Helvetica,Arial,sans-serif;
 background:var(--bgColor-default);color:var(--fgColor-default)}
a{color:var(--fgColor-accent);text-decoration:none}a:hover{text-decoration:underline}
.sr-only,.show-on-focus{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
[hidden]{display:none!important}
.AppHeader{background:var(--header-bg);border-bottom:1px solid var(--borderColor-default);padding:16px 16px 0}
.AppHeader-globalBar{display:flex;justify-content:space-between;align-items:center;padding-bottom:8px}
.AppHeader-globalBar-start{display:flex;gap:12px;align-items:center}
.AppHeader-logo{color:var(--fgColor-default)}.AppHeader-logo svg{width:32px;height:32px}
.AppHeader-context ul{display:flex;gap:4px;list-style:none;margin:0;padding:0;font-weight:600}
.AppHeader-context-item{color:var(--fgColor-default)}
.AppHeader-globalBar-end{display:flex;gap:8px;align-items:center}
.AppHeader-search{border:1px solid var(--borderColor-default);border-radius:6px;padding:3px 8px;color:var(--fgColor-muted);min-width:240px}
.AppHeader-localBar ul{display:flex;gap:8px;list-style:none;margin:0;padding:0}
.AppHeader-localBar a{display:inline-flex;gap:6px;padding:8px;color:var(--fgColor-default);border-bottom:2px solid transparent}
.AppHeader-localBar a[aria-current=page]{border-bottom-color:#fd8c73;font-weight:600}
[data-component=counter],.Counter{background:var(--bgColor-muted);border-radius:2em;padding:0 6px;font-size:12px}
#repository-container-header{padding:8px 32px;color:var(--fgColor-muted)}
.repository-content,.container-xl{max-width:1280px;margin:0 auto;padding:16px 32px}
.avatar{border-radius:50%;vertical-align:middle}
.State,[class^=prc-StateLabel]{display:inline-flex;gap:4px;align-items:center;border-radius:2em;padding:5px 12px;color:#fff;font-weight:500}
.State--open,[data-status$=Opened]{background:var(--bgColor-open-emphasis)}
.State--closed,[data-status$=Closed]{background:var(--bgColor-closed-emphasis)}
.State--merged,[data-status=pullMerged],[data-status=issueClosed]{background:var(--bgColor-done-emphasis)}
.State--draft,[data-status=draft],[data-status=issueNotPlanned]{background:var(--bgColor-neutral-emphasis)}
.color-fg-open{color:var(--fgColor-open)}.color-fg-closed{color:var(--fgColor-closed)}.color-fg-done{color:var(--fgColor-done)}
.color-fg-muted,.fgColor-muted{color:var(--fgColor-muted)}
h1[data-component=PH_Title],.gh-header-title{font-size:32px;font-weight:400;margin:0}
[data-component=TitleArea],.gh-header-show>div{display:flex;gap:8px;align-items:baseline;flex-wrap:wrap}
[data-component=PH_Description],.gh-header-meta{display:flex;gap:8px;align-items:center;padding:8px 0 16px;
 border-bottom:1px solid var(--borderColor-default);color:var(--fgColor-muted)}
[data-component=PH_Actions]{float:right;display:flex;gap:8px}.gh-header-actions{order:1;margin-left:auto;display:flex;gap:8px}
button,.btn{font:inherit;background:var(--bgColor-muted);color:var(--fgColor-default);border:1px solid var(--borderColor-default);border-radius:6px;padding:3px 12px}
.btn-primary,[data-variant=primary]{background:var(--bgColor-open-emphasis);color:#fff}
.IssueLabel,[class^=prc-Token-IssueLabel]{display:inline-block;border-radius:2em;padding:0 7px;font-size:12px;font-weight:500;line-height:18px;margin:0 2px}
.Layout,[class^=IssueViewer-module__mainContent],[class^=prc-PageLayout-PageLayoutWrapper]{display:flex;gap:24px;align-items:flex-start;margin-top:16px}
.Layout-main,[data-testid=issue-viewer-issue-container],[class^=prc-PageLayout-PageLayoutContent]{flex:1;min-width:0}
.Layout-sidebar,[data-testid=issue-viewer-metadata-container],[class^=prc-PageLayout-Pane]{width:296px;flex-shrink:0}
[data-testid=sidebar-section],.discussion-sidebar-item{border-bottom:1px solid var(--borderColor-default);padding:12px 0;font-size:12px}
[data-testid=sidebar-section] h3,.discussion-sidebar-heading{font-size:12px;color:var(--fgColor-muted);margin:0 0 6px}
[data-testid=issue-body],.react-issue-comment,.timeline-comment{border:1px solid var(--borderColor-default);border-radius:6px;margin-bottom:16px}
[data-testid=issue-body]>div:first-child,[data-testid=comment-header],.timeline-comment-header{background:var(--bgColor-muted);
 border-bottom:1px solid var(--borderColor-default);padding:8px 16px;color:var(--fgColor-muted);border-radius:6px 6px 0 0}
.timeline-comment-header h3{font-size:14px;font-weight:400;margin:0}.TimelineItem-avatar{display:none}
.markdown-body{padding:8px 16px}.markdown-body h2{font-size:18px;border-bottom:1px solid var(--borderColor-default)}
.contains-task-list{list-style:none;padding-left:8px}
textarea{width:100%;min-height:90px;background:var(--bgColor-default);color:var(--fgColor-default);border:1px solid var(--borderColor-default);border-radius:6px;padding:8px}
.tabnav,[aria-label="Pull request navigation tabs"]{border-bottom:1px solid var(--borderColor-default);margin:8px 0}
.tabnav-tabs,[aria-label="Pull request navigation tabs"] ul{display:flex;gap:4px;list-style:none;margin:0;padding:0}
.tabnav-tab,[aria-label="Pull request navigation tabs"] a{display:inline-block;padding:8px 16px;color:var(--fgColor-default);border:1px solid transparent;border-radius:6px 6px 0 0;margin-bottom:-1px}
.tabnav-tab.selected,[aria-label="Pull request navigation tabs"] a[aria-current=page]{border-color:var(--borderColor-default);border-bottom-color:var(--bgColor-default);background:var(--bgColor-default)}
.Box,[class^=ListView-module__container]{border:1px solid var(--borderColor-default);border-radius:6px}
.Box-header,[class^=ListItems-module__tabsContainer]{background:var(--bgColor-muted);padding:12px 16px;border-bottom:1px solid var(--borderColor-default);border-radius:6px 6px 0 0;display:flex;gap:16px}
.table-list-header-toggle{display:flex;gap:16px}
.Box-header a,[class^=ListItems-module__tabsContainer] a{color:var(--fgColor-muted)}.Box-header a.selected,[class^=ListItems-module__tabsContainer] a[aria-current=page]{color:var(--fgColor-default);font-weight:600}
[class^=IssueIndexPage-module__header],.subnav-search{display:flex;gap:8px;margin-bottom:16px}
input[type=text]{flex:1;font:inherit;background:var(--bgColor-default);color:var(--fgColor-default);border:1px solid var(--borderColor-default);border-radius:6px;padding:5px 12px}
.list-style-none{list-style:none;margin:0;padding:0}
ul[data-listview-component=items-list]{list-style:none;margin:0;padding:0}
ul[data-listview-component=items-list] li{display:grid;grid-template-columns:32px 1fr auto;gap:0 8px;padding:8px 16px;border-top:1px solid var(--borderColor-default)}
ul[data-listview-component=items-list]>:first-child li,ul[data-listview-component=items-list]>li:first-child{border-top:0}
.Box-row{border-top:1px solid var(--borderColor-default)}.js-navigation-container>.Box-row:first-child{border-top:0}
.Box-row>.d-flex{display:flex;gap:8px;padding:8px 16px 8px 0;align-items:flex-start}.flex-auto{flex:1;min-width:0}
.Box-row .h4{margin-right:4px}.Box-row .text-small{font-size:12px;color:var(--fgColor-muted);display:flex;gap:4px}
.AvatarStack-body{display:flex}.Box-row .text-right{display:flex;gap:8px;color:var(--fgColor-muted)}
[data-listview-item-title-container]{grid-column:2;grid-row:1}[data-listview-item-title-container] h3{display:inline;font-size:16px;margin:0}
[data-listview-item-title-container] a,.Box-row .h4{color:var(--fgColor-default);font-weight:600;font-size:16px}
[class^=LeadingContent-module]{grid-column:1;grid-row:1 / span 2;padding-top:4px}
[class^=MainContent-module]{grid-column:2;grid-row:2;color:var(--fgColor-muted);font-size:12px}
[class^=MetadataContainer-module]{grid-column:3;grid-row:1 / span 2;display:flex;gap:8px;align-items:center;color:var(--fgColor-muted)}
.blankslate{padding:32px;text-align:center;color:var(--fgColor-muted)}
.pagination,nav[aria-label=Pagination]{display:flex;gap:8px;justify-content:center;padding:16px}
.pagination em,nav[aria-label=Pagination] em{font-style:normal;background:var(--fgColor-accent);color:#fff;border-radius:6px;padding:0 8px}
[data-board-column]{background:var(--bgColor-muted);border:1px solid var(--borderColor-default);border-radius:6px;padding:8px;width:320px;flex-shrink:0}
[data-board-card-id]{background:var(--bgColor-default);border:1px solid var(--borderColor-default);border-radius:6px;padding:8px 12px;margin:8px 0}
[data-board-card-id] h3{font-size:14px;margin:4px 0}[data-board-card-id] ul{list-style:none;padding:0;margin:0;display:flex;gap:6px;flex-wrap:wrap}
[data-board-card-id] figure{margin:0}[data-board-card-id] figcaption{position:absolute;clip:rect(0,0,0,0)}
.footer{border-top:1px solid var(--borderColor-default);margin-top:40px;padding:24px 32px;color:var(--fgColor-muted);font-size:12px}
`;
