import { describe, expect, it } from 'vitest';
import { convertNullable, loadContract } from './openapi.ts';

const github = loadContract('tests/contract/specs/github-rest-subset.json');
const jira = loadContract('tests/contract/specs/jira-cloud-v3-subset.json');

describe('the contract checker itself', () => {
  it('rewrites OpenAPI nullable into JSON Schema unions', () => {
    expect(convertNullable({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(convertNullable({ $ref: '#/x', nullable: true })).toEqual({ anyOf: [{ $ref: '#/x' }, { type: 'null' }] });
  });

  it('picks the most specific operation for a concrete path', () => {
    expect(github.check('GET', '/repos/acme/app/issues/comments/5', 200, {}).verdict).toBe('invalid');
    const result = github.check('GET', '/repos/acme/app/issues/comments/5', 200, {});
    expect(result.verdict === 'invalid' && result.operation).toBe('GET /repos/{owner}/{repo}/issues/comments/{comment_id} 200');
  });

  it('rejects a deliberately wrong body and names what is wrong', () => {
    const wrong = github.check('GET', '/user', 200, { login: 42, id: 'not-a-number' });
    expect(wrong.verdict).toBe('invalid');
    expect(wrong.verdict === 'invalid' ? wrong.errors.join('\n') : '').toMatch(/login|id|required/);
    const wrongJira = jira.check('GET', '/rest/api/3/myself', 200, { accountId: 7, active: 'yes' });
    expect(wrongJira.verdict).toBe('invalid');
  });

  it('says when the spec describes nothing to check', () => {
    expect(github.check('GET', '/nowhere', 200, {}).verdict).toBe('undescribed');
  });
});
