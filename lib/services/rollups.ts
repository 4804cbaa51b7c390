import type { IDBPDatabase } from 'idb';
import { ensureRollups } from '../db/rollups';
import type { StintDb } from '../db/schema';

/**
 * Keep the rollups built for the person's time zone (days are local days): built on first use after an upgrade, and
 * rebuilt when the zone changes. Returns whether it rebuilt.
 */
export function keepRollupsCurrent(db: IDBPDatabase<StintDb>, timeZone: string): Promise<boolean> {
  return ensureRollups(db, timeZone);
}
