import { routeProviderHostsToSandbox } from '../sandbox/node-dns.ts';
import { getMessageFrom, loadMessages } from './messages.ts';

// Node-side tests call the real provider host names; they resolve to the local sandbox.
routeProviderHostsToSandbox();

// Services word their refusals with t() (browser.i18n in the background); here it answers from the real English
// messages. Only i18n exists: nothing else may take Node for an extension.
(globalThis as { chrome?: unknown }).chrome = { i18n: { getMessage: getMessageFrom(await loadMessages('en')) } };
