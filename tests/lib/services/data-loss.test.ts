import { describe, expect, it } from 'vitest';
import { dataLossWords } from '../../../lib/services/data-loss';

/** The one notification after a reset: what the rescue copy put back, and what the person must do now. */
describe('the data-loss notification', () => {
  it('names what was restored, the hosts that need their token again, and what did not fit', () => {
    const words = dataLossWords({ at: 0, detail: '', restored: { entries: 3007, writeBacks: 6, timer: true, projects: 1, reconnect: ['gitlab.com', 'acme.atlassian.net'], cut: 12 } });
    expect(words.title).toBe('Stint put back your unsynced time after the browser reset its data');
    expect(words.message).toContain('3007 entries not yet at a provider, 6 waiting write-backs, 1 tracked projects');
    expect(words.message).toContain('Your running timer runs on from its start.');
    expect(words.message).toContain('add the connection for gitlab.com, acme.atlassian.net again');
    expect(words.message).toContain('12 older entries that were only in Stint did not fit the copy');
  });

  it('says nothing of a timer, connections or a cut when there were none', () => {
    const words = dataLossWords({ at: 0, detail: '', restored: { entries: 1, writeBacks: 0, timer: false, projects: 0, reconnect: [], cut: 0 } });
    expect(words.message).not.toMatch(/timer|connection|did not fit/);
  });

  it('without a rescue copy, points to the next sync and the last backup', () => {
    expect(dataLossWords({ at: 0, detail: 'checksum mismatch' })).toEqual({
      title: 'Stint’s saved data was reset by the browser',
      message: expect.stringContaining('restore the rest from your last backup'),
    });
  });
});
