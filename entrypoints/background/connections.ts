import { browser } from 'wxt/browser';
import type { Connection } from '@/lib/core/connection';
import type { ConnectionDeps } from '@/lib/services/connections';
import { whoAmI } from '@/lib/services/provider-apis';

const scriptId = (connection: Connection) => `stint-${connection.provider}-${connection.host}`;
const origin = (host: string) => `https://${host}/*`;

/** The browser side of connections: host permissions and the content scripts registered for self-hosted hosts. */
export const connectionDeps: ConnectionDeps = {
  whoAmI,
  hasHostPermission: (host) => browser.permissions.contains({ origins: [origin(host)] }),
  registerContentScript: async (connection) => {
    const id = scriptId(connection);
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
    if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
    await browser.scripting.registerContentScripts([
      { id, matches: [origin(connection.host)], js: [`content-scripts/${connection.provider}.js`], runAt: 'document_end', persistAcrossSessions: true },
    ]);
  },
  unregisterContentScript: async (connection) => {
    const id = scriptId(connection);
    if ((await browser.scripting.getRegisteredContentScripts({ ids: [id] })).length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] });
  },
  removeHostPermission: async (host) => {
    // Hosts granted in the manifest (the e2e build's stand-ins) cannot be removed; that is not an error.
    await browser.permissions.remove({ origins: [origin(host)] }).catch(() => false);
  },
};
