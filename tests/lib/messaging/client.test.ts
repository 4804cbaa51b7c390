import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { request } from '../../../lib/messaging/client';
import { getMessageFrom, loadMessages } from '../../setup/messages';

describe('request', () => {
  afterEach(async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('en'));
  });

  it('says in the person’s language when the background gave no answer', async () => {
    fakeBrowser.i18n.getMessage = getMessageFrom(await loadMessages('de'));
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    await expect(request('timer.state', {})).rejects.toThrow('Stint erreicht seinen Hintergrunddienst nicht. Lade die Seite neu.');
  });
});
