import { describe, expect, it, vi } from 'vitest';
import { protocol, type MessageType } from '../../../lib/messaging/protocol';
import { dispatch, type Caller, type Handlers } from '../../../lib/messaging/server';

const content: Caller = { kind: 'content', tabId: 4, url: new URL('https://github.com/acme/app/issues/1') };
const extension: Caller = { kind: 'extension', url: new URL('chrome-extension://stint-id/options.html') };
const handlers = () => Object.fromEntries(Object.keys(protocol).map((type) => [type, vi.fn((): unknown => ({}))])) as unknown as Handlers & Record<MessageType, ReturnType<typeof vi.fn>>;

describe('data messages', () => {
  it('come only from Stint’s own pages: a provider page can neither read the backup nor import', async () => {
    for (const [type, payload] of [
      ['data.exportBackup', {}],
      ['data.exportCsv', { from: 0, to: 1 }],
      ['data.importPreview', { text: '', writeBack: false }],
      ['data.importApply', { text: '', writeBack: false, token: 't' }],
    ] as const) {
      const h = handlers();
      expect(await dispatch(h, { type, payload }, content)).toEqual({ ok: false, error: `Refused: “${type}” cannot be sent from a web page.` });
      expect(h[type]).not.toHaveBeenCalled();
    }
  });

  it('refuse a file over 32 million characters with a clear message, before any handler runs', async () => {
    const h = handlers();
    const reply = await dispatch(h, { type: 'data.importPreview', payload: { text: 'x'.repeat(32_000_001), writeBack: false } }, extension);
    expect(reply).toEqual({ ok: false, error: 'Invalid “data.importPreview” request: text — The file is larger than 32 MB: Stint imports backups up to 32 MB and CSV files up to 8 MB.' });
    expect(h['data.importPreview']).not.toHaveBeenCalled();
  });

  it('refuse an export range that ends before it starts', async () => {
    const reply = await dispatch(handlers(), { type: 'data.exportCsv', payload: { from: 10, to: 5 } }, extension);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/the range must end after it starts/) });
  });
});
