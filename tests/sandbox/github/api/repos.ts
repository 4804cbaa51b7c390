import { PEOPLE } from '../../data/people.ts';
import { pagedReply } from './paging.ts';
import { addRepoRoute, type ApiScope } from './pipeline.ts';
import { simpleUser } from './render.ts';
import { renderFullRepository } from './render-repo.ts';

/** The repository itself and who can be assigned in it. */
export function registerRepos(scope: ApiScope): void {
  addRepoRoute(scope, 'GET', '', { name: 'github.repos.get', docs: 'repos/repos#get-a-repository' }, (gh) => ({
    status: 200,
    body: renderFullRepository(gh.links, gh.repo),
    lastModified: gh.repo.updatedAt,
  }));

  addRepoRoute(scope, 'GET', '/assignees', { name: 'github.assignees.list', docs: 'issues/assignees#list-assignees' }, (gh) =>
    pagedReply(gh, PEOPLE, (p) => simpleUser(gh.links, p.github.login), gh.listUrl),
  );
}
