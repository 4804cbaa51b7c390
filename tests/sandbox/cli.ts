/**
 * `npm run sandbox`: the sandbox on its own, for trying Stint by hand in your own Chromium. Prints the flags that point
 * the browser at it and the seeded credentials. Ctrl-C stops it.
 */
import { startSandbox } from './server.ts';

const port = Number(process.env.PORT ?? 0);
const sandbox = await startSandbox({ port });
const gh = sandbox.data.github[0]?.tokens[0]?.value;
const gl = sandbox.data.gitlab[0]?.tokens[0]?.value;
const jira = sandbox.data.jira[0]?.tokens[0]?.value;
console.log(`Stint sandbox on https://localhost:${sandbox.port}/
Start Chromium with:
  --host-resolver-rules="${sandbox.hostResolverRules}" --ignore-certificate-errors
Credentials (sandbox only): GitHub ${gh} · GitLab ${gl} · Jira ana@acme-payments.example / ${jira}
Ctrl-C to stop.`);
const stop = () => void sandbox.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
