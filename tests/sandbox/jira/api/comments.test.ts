import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../server.ts';
import { CLOUD_HOST, DC_HOST, cloudClient, dcClient, jiraFetch, jiraSite } from './test-clients.ts';

/** Jira's issue comments through jira.js (an independent real client): Cloud v3 in ADF, Data Center v2 in text. */
describe('Jira issue comments', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  beforeEach(() => sandbox.reset());
  afterAll(() => sandbox.close());
  const issueOf = (host: string, project: string) => jiraSite(sandbox, host).issues.find((i) => i.projectKey === project)!.key;

  it('Cloud v3: adds an ADF comment with a property (201), lists it with `expand=properties` and pages by startAt, deletes it (204)', async () => {
    const api = cloudClient(sandbox);
    const key = issueOf(CLOUD_HOST, 'PAY');
    const doc = { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Status: fine' }] }] };
    const created = await api.issueComments.addComment({ issueIdOrKey: key, comment: doc, properties: [{ key: 'stint.report', value: { id: 'r1' } }] });
    expect(created).toMatchObject({ id: expect.any(String), body: doc, author: { displayName: expect.any(String) }, jsdPublic: true });
    expect(created).not.toHaveProperty('properties');
    await api.issueComments.addComment({ issueIdOrKey: key, comment: 'second' });
    const listed = await api.issueComments.getComments({ issueIdOrKey: key, expand: 'properties', maxResults: 1 });
    expect(listed).toMatchObject({ startAt: 0, maxResults: 1, total: 2, comments: [{ id: created.id, properties: [{ key: 'stint.report', value: { id: 'r1' } }] }] });
    const rest = await api.issueComments.getComments({ issueIdOrKey: key, startAt: 1 });
    expect(rest.comments?.map((c) => c.id)).not.toContain(created.id);
    await api.issueComments.deleteComment({ issueIdOrKey: key, id: created.id! });
    expect((await api.issueComments.getComments({ issueIdOrKey: key })).total).toBe(1);
  });

  it('Data Center v2: a string body; an empty body is 400 and a missing comment 404', async () => {
    const api = dcClient(sandbox);
    const key = issueOf(DC_HOST, 'DC');
    const created = await api.issueComments.addComment({ issueIdOrKey: key, comment: 'h2. Status\n* fine' });
    expect(created).toMatchObject({ body: 'h2. Status\n* fine' });
    const v2 = `/rest/api/2/issue/${key}/comment`;
    expect(await jiraFetch(sandbox, DC_HOST, v2, { method: 'POST', body: { body: '' } })).toMatchObject({ status: 400 });
    expect(await jiraFetch(sandbox, DC_HOST, `${v2}/999999`, { method: 'DELETE' })).toMatchObject({ status: 404 });
    // v3 takes no plain string body.
    expect(await jiraFetch(sandbox, CLOUD_HOST, `/rest/api/3/issue/${issueOf(CLOUD_HOST, 'PAY')}/comment`, { method: 'POST', body: { body: 'plain' } })).toMatchObject({ status: 400 });
  });
});
