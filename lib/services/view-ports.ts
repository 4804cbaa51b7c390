import type { Browser } from 'wxt/browser';
import type { TimerState } from './timer';

export const VIEW_PORT = 'stint:views';

type Port = Browser.runtime.Port;

/**
 * Stint's open pages (popup, side panel, options) hold a port; every timer change is pushed to them. Only ports from
 * the extension's own origin are kept: a content script cannot listen in.
 */
export class ViewPorts {
  private readonly ports = new Set<Port>();

  constructor(private readonly extensionOrigin: string) {}

  accept(port: Port): boolean {
    if (port.name !== VIEW_PORT || !port.sender?.url?.startsWith(this.extensionOrigin)) return false;
    this.ports.add(port);
    port.onDisconnect.addListener(() => this.ports.delete(port));
    return true;
  }

  broadcast(state: TimerState): void {
    for (const port of this.ports) {
      try {
        port.postMessage({ type: 'timer.state', state });
      } catch {
        this.ports.delete(port); // closed between the disconnect event and now
      }
    }
  }
}
