import { database } from '@/lib/db/open';
import type { Handlers } from '@/lib/messaging/server';
import { applyImport, exportBackup, exportEntriesCsv, previewImport, type ImportContext } from '@/lib/services/portability';
import { importMatchContext } from '@/lib/services/portability-match';
import type { Clock } from '@/lib/services/timer';

type DataHandlers = Pick<Handlers, 'data.exportCsv' | 'data.exportBackup' | 'data.importPreview' | 'data.importApply'>;

/** Export and import. After an apply, views redraw and any queued writes are sent. */
export function createDataHandlers({ clock, afterImport }: { readonly clock: Clock; readonly afterImport: () => Promise<void> }): DataHandlers {
  const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
  const context = async (): Promise<ImportContext> => ({ now: clock.now(), timeZone: timeZone(), match: await importMatchContext(await database()) });
  return {
    'data.exportCsv': async ({ from, to }) => exportEntriesCsv(await database(), from, to, timeZone()),
    'data.exportBackup': async () => {
      const backup = await exportBackup(await database(), clock.now());
      return { json: JSON.stringify(backup), entries: backup.entries.length };
    },
    'data.importPreview': async (request) => previewImport(await database(), request, await context()),
    'data.importApply': async (request) => {
      const result = await applyImport(await database(), request, await context());
      await afterImport();
      return result;
    },
  };
}
