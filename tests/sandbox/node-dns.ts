import dns, { type LookupAddress, type LookupOptions } from 'node:dns';

/** The host names the sandbox answers for, as Node tests use them (`https://api.github.com:<port>/…`). */
export function isSandboxHost(host: string): boolean {
  return /^(github\.com|api\.github\.com|gitlab\.com|[a-z0-9-]+\.atlassian\.net|[a-z0-9.-]+\.example\.test)$/i.test(host);
}

let installed = false;

/**
 * Point the real provider host names at 127.0.0.1 inside this Node process (a hosts file for the tests), so the real
 * client libraries call `https://api.github.com:<sandbox port>` and speak real HTTPS to the sandbox. Nothing else
 * resolves differently; the machine has no route to the real services anyway.
 */
export function routeProviderHostsToSandbox(): void {
  if (installed) return;
  installed = true;
  const original = dns.lookup;
  const patched = function lookup(hostname: string, options: unknown, callback?: unknown): void {
    const cb = (typeof options === 'function' ? options : callback) as (...args: unknown[]) => void;
    const opts = (typeof options === 'object' && options !== null ? options : {}) as LookupOptions;
    if (!isSandboxHost(hostname)) {
      (original as (...args: unknown[]) => void)(hostname, options, callback);
      return;
    }
    const address: LookupAddress = { address: '127.0.0.1', family: 4 };
    if (opts.all) process.nextTick(cb, null, [address]);
    else process.nextTick(cb, null, address.address, address.family);
  };
  dns.lookup = patched as typeof dns.lookup;
}
