import { routeProviderHostsToSandbox } from '../sandbox/node-dns.ts';

// Node-side tests call the real provider host names; they resolve to the local sandbox.
routeProviderHostsToSandbox();
