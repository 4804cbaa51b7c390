import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sandboxCa } from '../sandbox/tls.ts';

/**
 * Runs once before any test worker starts: makes the sandbox CA for this run and tells Node to trust it, so the
 * real client libraries verify the sandbox's certificate like any other (workers inherit the environment).
 */
export default async function setup(): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'stint-ca-'));
  await sandboxCa(dir);
  process.env.STINT_SANDBOX_CA_DIR = dir;
  process.env.NODE_EXTRA_CA_CERTS = join(dir, 'sandbox-ca.crt');
  return () => rmSync(dir, { recursive: true, force: true });
}
