import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { CLOUD_HOST, DC_HOST, agileClient, clientFailure, jiraSite } from './test-clients.ts';

describe('Jira Software boards and sprints (Agile 1.0), through jira.js', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(() => sandbox.close());

  const board = (host: string, projectKey: string) => {
    const found = jiraSite(sandbox, host).boards.find((b) => b.projectKey === projectKey);
    if (!found) throw new Error(`no board for ${projectKey}`);
    return found;
  };

  it('lists boards, by project and by type', async () => {
    const client = agileClient(sandbox, CLOUD_HOST);
    const all = await client.board.getAllBoards({});
    expect(all).toMatchObject({ startAt: 0, total: 2, isLast: true });
    expect(all.values?.map((b) => b.name).sort()).toEqual(['OPS board', 'PAY board']);
    const pay = await client.board.getAllBoards({ projectKeyOrId: 'PAY' });
    expect(pay.values).toEqual([expect.objectContaining({ id: board(CLOUD_HOST, 'PAY').id, type: 'scrum', location: expect.objectContaining({ projectKey: 'PAY' }) })]);
    const kanban = await client.board.getAllBoards({ type: 'kanban' });
    expect(kanban.values?.map((b) => b.name)).toEqual(['OPS board']);
    expect(await client.board.getBoard({ boardId: board(CLOUD_HOST, 'OPS').id })).toMatchObject({ name: 'OPS board', type: 'kanban' });
  });

  it('lists a scrum board\'s sprints, filtered by state, with dates only once set', async () => {
    const client = agileClient(sandbox, CLOUD_HOST);
    const boardId = board(CLOUD_HOST, 'PAY').id;
    const all = await client.board.getAllSprints({ boardId });
    expect(all.values?.map((s) => s.state)).toEqual(['closed', 'closed', 'active', 'future']);
    const [active] = (await client.board.getAllSprints({ boardId, state: 'active' })).values ?? [];
    const model = jiraSite(sandbox, CLOUD_HOST).sprints.find((s) => s.id === active?.id);
    expect(active).toMatchObject({ originBoardId: boardId, name: model?.name, goal: model?.goal });
    expect(Date.parse(active?.startDate ?? '')).toBe(model?.startDate);
    expect(Date.parse(active?.endDate ?? '')).toBe(model?.endDate);
    const [future] = (await client.board.getAllSprints({ boardId, state: 'future' })).values ?? [];
    expect(future).not.toHaveProperty('startDate');
    expect(await client.sprint.getSprint({ sprintId: active?.id ?? 0 })).toMatchObject({ id: active?.id, state: 'active' });
  });

  it('says a kanban board has no sprints', async () => {
    const failure = await clientFailure(agileClient(sandbox, CLOUD_HOST).board.getAllSprints({ boardId: board(CLOUD_HOST, 'OPS').id }));
    expect(failure).toMatchObject({ status: 400, data: { errorMessages: ['The board does not support sprints'], errors: {} } });
  });

  it('lists the issues of a sprint and of a board, narrowed by JQL', async () => {
    const client = agileClient(sandbox, CLOUD_HOST);
    const site = jiraSite(sandbox, CLOUD_HOST);
    const active = site.sprints.find((s) => s.state === 'active');
    const inSprint = site.issues.filter((i) => i.sprintIds.includes(active?.id ?? -1));
    const page = await client.sprint.getIssuesForSprint({ sprintId: active?.id ?? 0, maxResults: 100 });
    expect(page.total).toBe(inSprint.length);
    expect(page.issues.map((i) => i.key).sort()).toEqual(inSprint.map((i) => i.key).sort());
    expect(page.issues[0]?.fields).toMatchObject({ sprint: expect.objectContaining({ id: active?.id }) });

    const open = await client.board.getIssuesForBoard({ boardId: board(CLOUD_HOST, 'OPS').id, jql: 'statusCategory != Done', maxResults: 100 });
    expect(open.total).toBe(site.issues.filter((i) => i.projectKey === 'OPS' && i.status.category !== 'done').length);
  });

  it('answers for Data Center with a bearer token, and 404s an unknown board', async () => {
    const client = agileClient(sandbox, DC_HOST);
    const boards = await client.board.getAllBoards({});
    expect(boards.values?.map((b) => b.name)).toEqual(['DC board']);
    const missing = await clientFailure(client.board.getBoard({ boardId: 4242 }));
    expect(missing).toMatchObject({ status: 404, data: { errorMessages: ['Board does not exist or you do not have permission to see it.'] } });
  });
});
