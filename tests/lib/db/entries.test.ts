import { describe, expect, it } from 'vitest';
import type { TimeEntry } from '../../../lib/core/entry';
import { entriesAround, entriesBetween, entriesOfItem, putEntries } from '../../../lib/db/entries';
import { database } from '../../../lib/db/open';

const H = 3_600_000;
function entry(id: string, start: number, end: number | null, extra: Partial<TimeEntry> = {}): TimeEntry {
  return { id, itemKey: 'i', start, end, note: '', billable: true, author: 'me', origin: 'local', remote: {}, sync: 'local', updatedAt: start, deletedAt: null, ...extra };
}

describe('entries repository', () => {
  it('finds the latest live entry, the one reaching into a range, and those inside it — nothing else', async () => {
    const db = await database();
    const tx = db.transaction(['entries', 'rollups', 'meta', 'items'], 'readwrite');
    await putEntries(tx, [
      entry('old', 0, 1 * H),
      entry('before', 2 * H, 5 * H),
      entry('inside', 5 * H, 6 * H),
      entry('after', 8 * H, 9 * H),
      entry('deleted-latest', 20 * H, 21 * H, { deletedAt: 22 * H }),
      entry('latest', 10 * H, null),
      entry('someone-else', 11 * H, 12 * H, { author: 'ben' }),
    ]);
    await tx.done;
    const read = db.transaction(['entries'], 'readonly');
    const found = await entriesAround(read, 'me', 4 * H, 7 * H);
    expect(found.map((e) => e.id).sort()).toEqual(['before', 'inside', 'latest']);
  });

  it('lists an item’s and a period’s live entries in time order', async () => {
    const db = await database();
    const tx = db.transaction(['entries', 'rollups', 'meta', 'items'], 'readwrite');
    await putEntries(tx, [entry('b', 2 * H, 3 * H), entry('a', 1 * H, 2 * H), entry('gone', 4 * H, 5 * H, { deletedAt: 6 * H }), entry('other', 1 * H, 2 * H, { itemKey: 'j' })]);
    await tx.done;
    expect((await entriesOfItem(db, 'i')).map((e) => e.id)).toEqual(['a', 'b']);
    expect((await entriesBetween(db, 0, 2 * H)).map((e) => e.id).sort()).toEqual(['a', 'other']);
  });
});
