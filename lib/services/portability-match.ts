import type { IDBPDatabase } from 'idb';
import { itemKey, parseItemKey } from '../core/item-ref';
import type { MatchContext } from '../core/portability/match';
import type { StintDb } from '../db/schema';
import { matchPageUrl } from '../providers/registry';
import { selfHostedProviders } from './connections';

/**
 * How imported rows find their items: a URL through the providers' own page matchers (self-hosted hosts included),
 * a bare Jira key only in a Jira project Stint already knows (tracked, or one of its items), never by guessing a site.
 */
export async function importMatchContext(db: IDBPDatabase<StintDb>): Promise<MatchContext> {
  const selfHosted = await selfHostedProviders(db);
  const jira = new Map<string, { host: string; project: string }>();
  for (const project of await db.getAll('projects')) if (project.provider === 'jira') jira.set(`${project.host}/${project.project}`, { host: project.host, project: project.project });
  for (const key of await db.getAllKeys('items')) {
    const ref = parseItemKey(key);
    if (ref?.provider === 'jira') jira.set(`${ref.host}/${ref.project}`, { host: ref.host, project: ref.project });
  }
  return {
    itemKeyOfUrl: (url) => {
      try {
        const ref = matchPageUrl(new URL(url), selfHosted)?.item;
        return ref ? itemKey(ref) : null;
      } catch {
        return null; // not a URL after all
      }
    },
    jiraProjects: [...jira.values()],
  };
}
