import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/** The names the sandbox answers for; a browser maps them to it with `--host-resolver-rules`. */
export const SANDBOX_HOSTS = [
  'github.com',
  'api.github.com',
  'gitlab.com',
  '*.atlassian.net',
  // Stand-ins for self-hosted instances: GitHub Enterprise, self-managed GitLab, Jira Data Center.
  'github.example.test',
  'gitlab.example.test',
  'jira.example.test',
  'localhost',
] as const;

export interface Pem {
  readonly key: string;
  readonly cert: string;
}

const CA_KEY = 'sandbox-ca.key';
const CA_CERT = 'sandbox-ca.crt';

/**
 * A certificate authority made at run time (no private key is ever committed). With `dir`, it is kept there so that
 * Node processes started later can trust it through `NODE_EXTRA_CA_CERTS` (see tests/setup/global-setup.ts).
 */
export async function sandboxCa(dir?: string): Promise<Pem> {
  if (dir && existsSync(join(dir, CA_KEY)) && existsSync(join(dir, CA_CERT))) {
    return { key: readFileSync(join(dir, CA_KEY), 'utf8'), cert: readFileSync(join(dir, CA_CERT), 'utf8') };
  }
  const notAfter = new Date(Date.now() + 30 * 86_400_000);
  const made = await generate([{ name: 'commonName', value: 'Stint sandbox CA' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const ca = { key: made.private, cert: made.cert };
  if (dir) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, CA_KEY), ca.key, { mode: 0o600 });
    writeFileSync(join(dir, CA_CERT), ca.cert);
  }
  return ca;
}

/** The server certificate for every sandbox host, signed by the sandbox CA. */
export async function sandboxServerCertificate(ca: Pem): Promise<Pem> {
  const made = await generate([{ name: 'commonName', value: 'github.com' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 30 * 86_400_000),
    ca: { key: ca.key, cert: ca.cert },
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [...SANDBOX_HOSTS.map((value) => ({ type: 2 as const, value })), { type: 7 as const, ip: '127.0.0.1' }] },
    ],
  });
  return { key: made.private, cert: made.cert };
}
