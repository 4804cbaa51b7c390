import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { SandboxData } from './data/model.ts';
import type { SeedOptions } from './data/seed.ts';
import type { Faults } from './faults.ts';
import { registerControl } from './control.ts';
import { registerGithub } from './github/index.ts';
import { registerGitlab } from './gitlab/index.ts';
import { registerJira } from './jira/index.ts';
import { Router, type Reply, type RequestContext } from './http/router.ts';
import { SandboxState, type LoggedRequest } from './state.ts';
import { sandboxCa, sandboxServerCertificate } from './tls.ts';

export interface SandboxOptions extends SeedOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Where the CA is kept so other processes can trust it; default: a CA made in memory for this run. */
  readonly caDir?: string;
}

export interface Sandbox {
  readonly port: number;
  readonly state: SandboxState;
  readonly faults: Faults;
  /** The live world (replaced by `reset()`). */
  readonly data: SandboxData;
  readonly log: readonly LoggedRequest[];
  /** PEM of the CA that signed the server certificate. */
  readonly caCert: string;
  /** Chromium's `--host-resolver-rules` value mapping every sandbox host to this server. */
  readonly hostResolverRules: string;
  reset(): void;
  close(): Promise<void>;
}

const MAX_BODY = 5 * 1024 * 1024;

/**
 * Start the local stand-in for GitHub, GitLab and Jira: one HTTPS server that answers for every sandbox host name
 * (the client's `Host` header decides who answers), with pages at the real URLs and the providers' REST/GraphQL APIs.
 */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = new SandboxState(options);
  const router = new Router();
  registerGithub(router, state);
  registerGitlab(router, state);
  registerJira(router, state);
  registerControl(router, state);

  const ca = await sandboxCa(options.caDir ?? process.env.STINT_SANDBOX_CA_DIR);
  const certificate = await sandboxServerCertificate(ca);
  const sockets = new Set<Socket>();
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    handle(router, state, req, res).catch((error: unknown) => {
      console.error('[sandbox] unhandled', error);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  server.on('secureConnection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  // Swallow client resets: a dropped connection is something tests provoke on purpose.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const target = `127.0.0.1:${port}`;

  return {
    port,
    state,
    faults: state.faults,
    get data() {
      return state.data;
    },
    log: state.log,
    caCert: ca.cert,
    hostResolverRules: ['github.com', 'api.github.com', 'gitlab.com', '*.atlassian.net', '*.example.test'].map((h) => `MAP ${h} ${target}`).join(','),
    reset: () => state.reset(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

async function handle(router: Router, state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = (req.method ?? 'GET').toUpperCase();
  const hostHeader = (req.headers.host ?? 'localhost').toLowerCase();
  const host = hostHeader.replace(/:\d+$/, '');
  const url = new URL(req.url ?? '/', `https://${hostHeader}`);
  const rawBody = await readBody(req);
  const match = router.match(method, host, url.pathname);
  const routeName = match?.route.name ?? null;
  const { latency, fault } = state.faults.take(host, method, url.pathname, routeName);
  const credential = req.headers.authorization ?? req.headers['private-token'];
  const credentialOf = typeof credential === 'string' ? state.credentialOwner(credential) : null;
  const logLine = (status: LoggedRequest['status']) =>
    state.log.push({
      at: Date.now(),
      host,
      method,
      path: url.pathname,
      query: url.search,
      route: routeName,
      status,
      fault: fault?.kind ?? (latency > 0 ? 'latency' : null),
      authorized: credentialOf !== null,
      credentialOf,
      ifNoneMatch: typeof req.headers['if-none-match'] === 'string',
    });

  if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
  const style = state.errorStyleFor(host, url.pathname);

  if (fault?.kind === 'drop') {
    logLine('dropped');
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'timeout') {
    logLine('timeout');
    const timer = setTimeout(() => req.socket.destroy(), fault.ms ?? 60_000);
    req.socket.once('close', () => clearTimeout(timer));
    return;
  }
  let reply: Reply;
  if (fault?.kind === 'status') reply = style.error(fault.status, statusMessage(fault.status), url.pathname);
  else if (fault?.kind === 'rateLimit') reply = style.rateLimited(fault.retryAfter, fault.status ?? 429, url.pathname);
  else if (!match) reply = style.error(404, 'Not Found', url.pathname);
  else {
    let body: unknown;
    if (rawBody.length > 0) {
      try {
        body = JSON.parse(rawBody);
      } catch {
        body = rawBody;
      }
    }
    const ctx: RequestContext = { req, method, host, url, params: match.params, body, rawBody, sandbox: state };
    try {
      reply = await match.handler(ctx);
    } catch (error) {
      console.error(`[sandbox] ${method} ${host}${url.pathname} failed`, error);
      reply = style.error(500, 'Internal Server Error', url.pathname);
    }
  }
  if (fault?.kind === 'dropAfterCommit') {
    logLine('dropped');
    req.socket.destroy();
    return;
  }
  logLine(reply.status);
  for (const observe of state.responseObservers) observe({ host, method, path: url.pathname, route: routeName, status: reply.status, body: reply.body });
  send(res, method, reply);
}

function send(res: ServerResponse, method: string, reply: Reply): void {
  const headers: Record<string, string | string[]> = { ...reply.headers };
  const hasBody = reply.body !== undefined && reply.status !== 204 && reply.status !== 304;
  let payload: string | undefined;
  if (hasBody) {
    if (typeof reply.body === 'string') {
      payload = reply.body;
      headers['content-type'] ??= 'text/html; charset=utf-8';
    } else {
      payload = JSON.stringify(reply.body);
      headers['content-type'] ??= 'application/json; charset=utf-8';
    }
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  res.writeHead(reply.status, headers);
  res.end(method === 'HEAD' ? undefined : payload);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function statusMessage(status: number): string {
  return { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' }[status] ?? 'Server Error';
}
