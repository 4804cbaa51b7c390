import type { Browser } from 'wxt/browser';
import { VIEW_PORT, type ViewPortMessage } from '../messaging/protocol';
import type { TimerState } from './timer';

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
        port.postMessage({ type: 'timer.state', state } satisfies ViewPortMessage);
      } catch {
        this.ports.delete(port); // closed between the disconnect event and now
      }
    }
  }
}
