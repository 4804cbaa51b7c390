import { itemKey } from '../../core/item-ref';
import type { RepoRef } from './map';

// GitHub's closing keywords (docs: "Linking a pull request to an issue using a keyword"), each followed by `#12`,
// `owner/repo#12`, or the URL on the same host.
const KEYWORDS = 'close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved';
const NAME = '[A-Za-z0-9_.-]+';

/**
 * The keys of the issues a pull request says it closes, read from its description. Only issues on the same host;
 * at most 20 (a description is the author's text, not a list Stint must follow to the end).
 */
export function closingReferences(body: string | null | undefined, repo: RepoRef): string[] {
  if (!body) return [];
  const host = repo.host.replace(/\./g, '\\.');
  const pattern = new RegExp(`\\b(?:${KEYWORDS}):?\\s+(?:(${NAME})/(${NAME}))?#(\\d+)\\b|\\b(?:${KEYWORDS}):?\\s+https://${host}/(${NAME})/(${NAME})/issues/(\\d+)\\b`, 'gi');
  const keys = new Set<string>();
  for (const m of body.slice(0, 65_536).matchAll(pattern)) {
    const owner = m[1] ?? m[4] ?? repo.owner;
    const name = m[2] ?? m[5] ?? repo.name;
    const number = m[3] ?? m[6];
    if (!number || number.startsWith('0')) continue;
    keys.add(itemKey({ provider: 'github', host: repo.host, project: `${owner}/${name}`, id: number, kind: 'issue' }));
    if (keys.size === 20) break;
  }
  return [...keys];
}
