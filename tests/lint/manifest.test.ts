import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The permissions audit, on the production build's manifest (`npx wxt build`, built here once): Stint asks for what
 * RELIABILITY.md lists, reads only the three public providers' hosts, gets a self-hosted host only when the user adds
 * it, and lets no remote or eval'd script run. A change here must change RELIABILITY.md's table too.
 */
const OUT = resolve('.output/chrome-mv3');

/** Each required permission, as documented in RELIABILITY.md (“Permissions audit”). */
const DOCUMENTED_PERMISSIONS = ['alarms', 'idle', 'notifications', 'scripting', 'sidePanel', 'storage'];
const PUBLIC_PROVIDER_HOSTS = ['https://github.com/*', 'https://api.github.com/*', 'https://gitlab.com/*', 'https://*.atlassian.net/*'];
const BROAD = ['<all_urls>', '*://*/*', 'http://*/*', 'https://*/*', 'file:///*'];

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[] }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  web_accessible_resources?: unknown[];
  externally_connectable?: unknown;
  background?: { service_worker?: string };
}

/** The script sources of a CSP (`script-src`, falling back to `default-src`). */
function scriptSources(csp: string): string[] {
  const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name!, values]));
  return directives.get('script-src') ?? directives.get('default-src') ?? [];
}

describe('manifest permissions audit (production build)', () => {
  let manifest: Manifest;

  beforeAll(() => {
    execFileSync('npx', ['wxt', 'build'], { stdio: 'pipe' });
    manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as Manifest;
  }, 180_000);

  it('is Manifest V3 and requires exactly the documented permissions', () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(DOCUMENTED_PERMISSIONS);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('reads only the three public providers’ hosts, and never every site', () => {
    expect([...(manifest.host_permissions ?? [])].sort()).toEqual([...PUBLIC_PROVIDER_HOSTS].sort());
    for (const pattern of [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])]) expect(BROAD).not.toContain(pattern);
    // The content scripts run on those hosts only (self-hosted ones are registered at runtime, once granted).
    for (const script of manifest.content_scripts ?? []) for (const match of script.matches) expect(PUBLIC_PROVIDER_HOSTS).toContain(match);
  });

  it('gets a self-hosted host only as an optional permission, asked for when the user adds that connection', () => {
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
    // Optional, so nothing is granted at install: the broad pattern only bounds what may be asked for (https only).
    for (const pattern of manifest.optional_host_permissions ?? []) expect(pattern.startsWith('https://')).toBe(true);
  });

  it('runs no remote or eval’d script: the CSP (or MV3’s default when none is set) allows only the extension’s own', () => {
    const csp = manifest.content_security_policy?.extension_pages;
    // Without one, MV3 applies `script-src 'self'; object-src 'self'` and refuses looser policies outright.
    const sources = csp ? scriptSources(csp) : ["'self'"];
    for (const source of sources) {
      expect(source).not.toMatch(/^(https?:|\*|data:|blob:)/);
      expect(source).not.toMatch(/unsafe-eval|unsafe-inline|wasm-unsafe-eval/);
    }
    expect(manifest.content_security_policy?.sandbox ?? '').not.toMatch(/https?:/);
  });

  it('exposes nothing to web pages or other extensions', () => {
    expect(manifest.web_accessible_resources ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
  });

  it('ships no code that evaluates strings or loads scripts from the network', () => {
    const files = [manifest.background?.service_worker, ...(manifest.content_scripts ?? []).flatMap((s) => s.js ?? [])].filter((f): f is string => !!f);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const file of files) {
      const code = readFileSync(join(OUT, file), 'utf8');
      expect(code, file).not.toMatch(/\beval\(|new Function\(|importScripts\(\s*['"]https?:/);
    }
  });
});
