import { html } from './http/html.ts';
import type { Router } from './http/router.ts';
import type { FaultRule } from './faults.ts';
import type { SandboxState } from './state.ts';

const CONTROL_HOSTS = (host: string) => host === 'localhost' || host === '127.0.0.1';

/**
 * The sandbox's own endpoints, on `https://localhost:<port>`: an index of demo pages, and control for tests running
 * in another process (request log, faults, reset). In-process tests use the `Sandbox` object directly.
 */
export function registerControl(router: Router, state: SandboxState): void {
  const r = router.scope(CONTROL_HOSTS);
  r.get('/', 'sandbox.index', () => ({ status: 200, body: indexPage(state).value }));
  r.get('/__sandbox/log', 'sandbox.log', () => ({ status: 200, body: state.log }));
  r.post('/__sandbox/reset', 'sandbox.reset', () => {
    state.reset();
    return { status: 204 };
  });
  r.post('/__sandbox/faults', 'sandbox.faults.add', (ctx) => {
    const rule = ctx.body as FaultRule | undefined;
    if (!rule || typeof rule !== 'object' || typeof (rule as { kind?: unknown }).kind !== 'string') {
      return { status: 400, body: { message: 'body must be a fault rule, e.g. {"kind":"status","status":500,"path":"/repos"}' } };
    }
    return { status: 201, body: { id: state.faults.add(rule) } };
  });
  r.delete('/__sandbox/faults', 'sandbox.faults.clear', () => {
    state.faults.clear();
    return { status: 204 };
  });
}

function indexPage(state: SandboxState) {
  const gh = state.data.github[0]?.repos[0];
  const gl = state.data.gitlab[0]?.projects[0];
  const jira = state.data.jira[0];
  const links: [string, string][] = [];
  if (gh) links.push([`https://github.com/${gh.owner.login}/${gh.name}/issues/1`, 'GitHub issue'], [`https://github.com/${gh.owner.login}/${gh.name}/issues`, 'GitHub issues list']);
  if (gl) links.push([`https://gitlab.com/${gl.pathWithNamespace}/-/issues/1`, 'GitLab issue'], [`https://gitlab.com/${gl.pathWithNamespace}/-/merge_requests/1`, 'GitLab merge request']);
  if (jira) links.push([`https://${jira.host}/browse/${jira.issues[5]?.key ?? 'PAY-1'}`, 'Jira issue']);
  return html`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stint sandbox</title></head>
<body><h1>Stint sandbox</h1><p>Local stand-ins for GitHub, GitLab and Jira, seeded with Acme Payments' work.</p>
<ul>${links.map(([href, label]) => html`<li><a href="${href}">${label}</a> — ${href}</li>`)}</ul></body></html>`;
}
