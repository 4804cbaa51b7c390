import type { Person, Token } from './model.ts';

/** Acme Payments' delivery team: a project manager, four developers and a tester, in three time zones. */
export const PEOPLE: readonly Person[] = [
  person(0, 'ana', 'Ana Ruiz', 'Europe/Madrid', 'ana-ruiz', 'aruiz', '5b10a2844c20165700ede21a'),
  person(1, 'ben', 'Ben Okafor', 'Europe/London', 'bokafor', 'ben.okafor', '5b10ac8d82e05b22cc7d4ef5'),
  person(2, 'chen', 'Chen Wei', 'Asia/Singapore', 'chenwei-dev', 'cwei', '5d53f3cbc6b9320d9ea5bdc2'),
  person(3, 'dana', 'Dana Kowalski', 'Europe/Warsaw', 'dkowalski', 'dana.k', '60e5a86a471e61006a4c51f4'),
  person(4, 'eli', 'Eli Haddad', 'America/New_York', 'eli-qa', 'ehaddad', '6116b0ebbfbbd8006b3d1c2a'),
  person(5, 'fatima', 'Fatima Zahra', 'Africa/Casablanca', 'fzahra', 'fatima.zahra', '62a0c2f5e1d4c9006f7b3e11'),
];

function person(index: number, id: string, name: string, timeZone: string, login: string, username: string, accountId: string): Person {
  return {
    id,
    name,
    email: `${id}@acme-payments.example`,
    timeZone,
    github: { login, id: 583231 + index * 7919 },
    gitlab: { username, id: 1234 + index * 17 },
    jira: { accountId, key: `JIRAUSER${10100 + index}` },
  };
}
export function personById(id: string): Person {
  const found = PEOPLE.find((p) => p.id === id);
  if (!found) throw new Error(`unknown sandbox person ${id}`);
  return found;
}

/**
 * The credentials the sandbox accepts. Readable on purpose (they only open the sandbox): the demo and the tests
 * use them, and a person trying Stint against the sandbox can paste them into the options page.
 */
export function githubTokens(host: string): Token[] {
  const prefix = host === 'github.com' ? 'ghp' : 'ghe';
  return [
    ...PEOPLE.map((p) => ({ value: padToken(`${prefix}_sandbox_${p.id}`, 40), personId: p.id, scopes: ['repo', 'read:org'] })),
    // Lacks `repo`: reading private repositories and writing comments must fail with a 403 that names the scope.
    { value: padToken(`${prefix}_sandbox_readonly`, 40), personId: 'ana', scopes: ['read:user'] },
  ];
}

export function gitlabTokens(): Token[] {
  return [
    ...PEOPLE.map((p) => ({ value: padToken(`glpat-sandbox-${p.id}`, 26), personId: p.id, scopes: ['api'] })),
    { value: padToken('glpat-sandbox-readonly', 26), personId: 'ana', scopes: ['read_api'] },
  ];
}

/** Cloud tokens are API tokens used with the person's email (basic auth); Data Center tokens are bearer PATs. */
export function jiraTokens(deployment: 'Cloud' | 'Server'): Token[] {
  const prefix = deployment === 'Cloud' ? 'ATATT3x-sandbox' : 'NjE2-sandbox';
  return PEOPLE.map((p) => ({ value: padToken(`${prefix}-${p.id}`, 32), personId: p.id, scopes: ['read:jira-work', 'write:jira-work'] }));
}

function padToken(prefix: string, length: number): string {
  let out = `${prefix}_`;
  for (let i = 0; out.length < length; i++) out += 'abcdefghijklmnopqrstuvwxyz0123456789'[(i * 7 + prefix.length) % 36];
  return out;
}
