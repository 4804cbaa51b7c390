/**
 * Just enough CSS for a screenshot to read as Jira at a glance: Atlassian design-token colours (`--ds-*`, light and
 * dark values from the public token set), the system font stack, the board's columns, the backlog's lists and the
 * 400px preview panel.
 */
const TOKENS = `
html{--ds-text:#172B4D;--ds-text-subtle:#44546F;--ds-link:#0C66E4;--ds-surface:#FFFFFF;--ds-surface-sunken:#F7F8F9;
--ds-surface-raised:#FFFFFF;--ds-border:#091E4224;--ds-background-neutral:#091E420F;--ds-background-brand-bold:#0C66E4;
--ds-text-inverse:#FFFFFF;--ds-background-success:#DCFFF1;--ds-text-success:#216E4E;--ds-background-information:#E9F2FF;
--ds-text-information:#0055CC;--ds-shadow-raised:0 1px 1px #091E4240,0 0 1px #091E424F;color-scheme:light}
html[data-color-mode="dark"]{--ds-text:#B6C2CF;--ds-text-subtle:#9FADBC;--ds-link:#579DFF;--ds-surface:#1D2125;
--ds-surface-sunken:#161A1D;--ds-surface-raised:#22272B;--ds-border:#A6C5E229;--ds-background-neutral:#A1BDD914;
--ds-background-brand-bold:#579DFF;--ds-text-inverse:#1D2125;--ds-background-success:#164B35;--ds-text-success:#7EE2B8;
--ds-background-information:#092957;--ds-text-information:#85B8FF;--ds-shadow-raised:0 1px 1px #03040442,0 0 1px #03040480;color-scheme:dark}
*{box-sizing:border-box}
body{margin:0;background:var(--ds-surface);color:var(--ds-text);font:14px/20px -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Noto Sans",Ubuntu,"Helvetica Neue",sans-serif}
a{color:var(--ds-link);text-decoration:none}a:hover{text-decoration:underline}
button{font:inherit;color:var(--ds-text);background:var(--ds-background-neutral);border:0;border-radius:3px;padding:4px 10px;cursor:pointer}
.lozenge{display:inline-block;padding:0 4px;border-radius:3px;font-size:11px;font-weight:700;text-transform:uppercase;line-height:16px;background:var(--ds-background-neutral);color:var(--ds-text-subtle)}
.lozenge-indeterminate{background:var(--ds-background-information);color:var(--ds-text-information)}
.lozenge-done{background:var(--ds-background-success);color:var(--ds-text-success)}
.avatar{display:inline-flex;align-items:center;justify-content:center;border-radius:50%;background:#8F7EE7;color:#fff;font-size:10px;font-weight:600;vertical-align:middle}
.avatar::before{content:attr(data-initials)}.avatar-small{width:24px;height:24px}.avatar-medium{width:32px;height:32px}.avatar-empty{background:var(--ds-background-neutral)}
.type-icon,.priority-icon{display:inline-block;width:16px;height:16px;border-radius:3px;vertical-align:middle;background:#4BADE8}
.type-story{background:#63BA3C}.type-bug{background:#E5493A}.type-epic{background:#904EE2}.type-task{background:#4BADE8}.type-sub-task{background:#4BADE8}
.priority-icon{border-radius:50%;width:10px;height:10px}.priority-highest,.priority-high{background:#E5493A}.priority-medium{background:#E97F33}.priority-low{background:#2D8738}
`;

export const CLOUD_STYLE = `${TOKENS}
[data-testid="page-layout.root"]{display:grid;grid-template-columns:240px minmax(0,1fr) auto;grid-template-rows:56px minmax(0,1fr);min-height:100vh}
.top-nav{grid-column:1/-1;display:flex;align-items:center;gap:12px;padding:0 12px;border-bottom:1px solid var(--ds-border)}
.top-nav .product{font-weight:600;color:var(--ds-text)}.top-nav [role="search"]{flex:1;max-width:780px;margin:0 auto}
.top-nav input{width:100%;padding:6px 8px;border:1px solid var(--ds-border);border-radius:3px;background:var(--ds-surface);color:var(--ds-text)}
.top-nav .create{background:var(--ds-background-brand-bold);color:var(--ds-text-inverse)}
.sidebar{grid-row:2;grid-column:1;border-right:1px solid var(--ds-border);padding:12px 8px;background:var(--ds-surface)}
.sidebar h2{font-size:11px;text-transform:uppercase;color:var(--ds-text-subtle);margin:12px 8px 4px}
.sidebar a{display:block;padding:6px 8px;border-radius:3px;color:var(--ds-text)}.sidebar a[aria-current="page"]{background:var(--ds-background-information);color:var(--ds-link)}
.sidebar .nested a{padding-left:24px}
main{grid-row:2;grid-column:2;min-width:0;padding:16px 24px;overflow:auto}
.breadcrumbs ol{display:flex;flex-wrap:wrap;gap:4px;list-style:none;margin:0;padding:0;color:var(--ds-text-subtle)}
.breadcrumbs li+li::before{content:"/";margin-right:4px}.breadcrumbs li>div{display:inline}
.issue-layout{display:grid;grid-template-columns:minmax(0,1fr) 360px;gap:32px}
.issue-layout.compact{grid-template-columns:minmax(0,1fr);gap:16px}
.issue-header{display:flex;justify-content:space-between;align-items:center;gap:8px}
h1[data-testid="issue.views.issue-base.foundation.summary.heading"]{font-size:24px;line-height:28px;font-weight:500;margin:12px 0;white-space:pre-wrap;overflow-wrap:anywhere}
.issue-section h2{font-size:16px;margin:24px 0 8px}.ak-renderer-document h2{font-size:16px}
.field{display:grid;grid-template-columns:140px minmax(0,1fr);gap:8px;padding:6px 0;align-items:center}
.field-heading{color:var(--ds-text-subtle);font-weight:600}
.details{border:1px solid var(--ds-border);border-radius:3px;padding:8px 12px}
.progress{height:6px;border-radius:3px;background:var(--ds-background-neutral);overflow:hidden}.progress>span{display:block;height:100%;background:var(--ds-background-brand-bold)}
.worklog{padding:8px 0;border-top:1px solid var(--ds-border)}
.board-header h1{font-size:24px;font-weight:500;margin:8px 0}
.board-scroll{display:flex;gap:8px;align-items:flex-start;overflow-x:auto;padding-bottom:16px}
.column{flex:0 0 270px;background:var(--ds-surface-sunken);border-radius:6px;padding:8px}
.column-header{display:flex;gap:8px;align-items:center;padding:4px 4px 8px;color:var(--ds-text-subtle);font-size:12px;font-weight:600;text-transform:uppercase}
.column-header h2{font-size:12px;margin:0}
.card{position:relative;margin-bottom:8px;background:var(--ds-surface-raised);border-radius:6px;box-shadow:var(--ds-shadow-raised);cursor:pointer}
.card [data-testid="platform-card.ui.card.focus-container"]{display:block;padding:8px 12px;outline-offset:2px}
.card-summary{display:block;overflow-wrap:anywhere}
.card-footer{display:flex;align-items:center;gap:6px;margin-top:8px;font-size:12px}
.card-footer .spacer{flex:1}.badge{padding:0 4px;border-radius:8px;font-size:11px;background:var(--ds-background-neutral);color:var(--ds-text-subtle)}.epic-lozenge{display:inline-block;margin-top:6px;padding:0 4px;border-radius:3px;font-size:11px;background:#DFD8FD;color:#5E4DB2}
.backlog-scroll{display:flex;flex-direction:column;gap:12px}
.backlog-section{background:var(--ds-surface-sunken);border-radius:6px;padding:8px}
.section-header{display:flex;align-items:center;gap:8px;padding:4px 4px 8px}
.section-header [role="button"]{flex:1;display:flex;align-items:baseline;gap:8px;cursor:pointer}
.section-header h2{font-size:14px;margin:0}.section-meta{font-size:12px;color:var(--ds-text-subtle)}
.card-list{border:1px solid var(--ds-border);border-radius:3px;overflow:hidden}
.backlog-card{position:relative;display:flex;align-items:center;gap:8px;padding:6px 8px;background:var(--ds-surface-raised);border-bottom:1px solid var(--ds-border);cursor:pointer}
.backlog-card .interaction-layer{position:absolute;inset:0}.backlog-card>:not(.interaction-layer){position:relative}
.backlog-key{display:flex;align-items:center;gap:4px;font-size:12px;white-space:nowrap}
.backlog-summary{flex:1;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.backlog-card .more{padding:0 6px;background:none}.inline-create{margin-top:6px;background:none;color:var(--ds-text-subtle)}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
section[data-testid="preview-panels.preview-panel"]{grid-row:2;grid-column:3;width:400px;border-left:1px solid var(--ds-border);background:var(--ds-surface);overflow:auto}
[data-testid="platform-issue-preview-panel.preview-panel-header"]{display:flex;align-items:center;gap:8px;padding:12px 16px;border-bottom:1px solid var(--ds-border)}
[data-testid="platform-issue-preview-panel.preview-panel-header"] .title{flex:1;font-weight:600}
.preview-body{padding:12px 16px}
table[data-vc="issue-table"]{width:100%;border-collapse:collapse}
table[data-vc="issue-table"] th{text-align:left;font-size:12px;color:var(--ds-text-subtle);border-bottom:2px solid var(--ds-border);padding:6px 8px}
table[data-vc="issue-table"] td{border-bottom:1px solid var(--ds-border);padding:6px 8px;max-width:480px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.pagination{display:flex;gap:8px;align-items:center;justify-content:center;padding:12px}
.error-page{max-width:560px;margin:96px auto;text-align:center}
`;

export const DC_STYLE = `${TOKENS}
.aui-header{display:flex;align-items:center;gap:16px;height:40px;padding:0 10px;background:#0052CC;color:#fff}
html[data-color-mode="dark"] .aui-header{background:#1D2125;border-bottom:1px solid var(--ds-border)}
.aui-header-primary{display:flex;align-items:center;gap:16px}.aui-header-logo{font-weight:700}.aui-header a{color:#fff}.aui-header .aui-nav{display:flex;gap:12px;list-style:none;margin:0;padding:0}
#content{display:flex}.aui-sidebar{width:200px;flex:none;padding:12px;border-right:1px solid var(--ds-border)}
.aui-page-panel{flex:1;min-width:0;padding:16px 20px}
.aui-nav-breadcrumbs{display:flex;gap:4px;list-style:none;margin:0;padding:0}.aui-nav-breadcrumbs li+li::before{content:"/";margin-right:4px}
#summary-val{font-size:20px;line-height:28px;margin:4px 0 12px;overflow-wrap:anywhere}
.aui-page-header-inner{display:flex;gap:12px}.aui-toolbar2-primary{display:flex;gap:4px}
.issue-body{display:flex;gap:24px}.issue-main-column{flex:1;min-width:0}.issue-side-column{width:320px}
.mod-header h4{margin:16px 0 8px;font-size:14px}.property-list{list-style:none;padding:0;display:grid;grid-template-columns:1fr 1fr;gap:4px 24px}
.property-list .name{color:var(--ds-text-subtle);display:inline-block;width:110px}
#issuetable{width:100%;border-collapse:collapse}#issuetable th,#issuetable td{padding:5px 7px;border-bottom:1px solid var(--ds-border);text-align:left}
#ghx-work{display:flex;gap:12px}#ghx-pool-column{flex:1;min-width:0}
.ghx-columns,.ghx-column-headers{display:flex;gap:8px;list-style:none;margin:0;padding:0}
.ghx-column{flex:1;min-width:0;background:var(--ds-surface-sunken);padding:6px;border-radius:3px}.ghx-column-title{font-size:12px;text-transform:uppercase;margin:0}
.ghx-issue{background:var(--ds-surface-raised);box-shadow:var(--ds-shadow-raised);border-radius:3px;margin-bottom:6px;padding:6px 8px;cursor:pointer}
.ghx-summary{overflow-wrap:anywhere}.ghx-card-footer{display:flex;gap:6px;align-items:center;margin-top:4px}.ghx-avatar-img{display:inline-flex;width:20px;height:20px;border-radius:50%;align-items:center;justify-content:center;background:#8F7EE7;color:#fff;font-size:10px}
#ghx-detail-view .property-list{grid-template-columns:1fr}#ghx-detail-view{width:400px;flex:none;border-left:1px solid var(--ds-border);padding:0 12px}
.error-page{max-width:560px;margin:96px auto;text-align:center}
`;
