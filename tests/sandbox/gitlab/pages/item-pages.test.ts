import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SELECTORS } from '../../../../lib/providers/gitlab/selectors.ts';
import type { GlIssuable, GlProject } from '../../data/model.ts';
import { startSandbox, type Sandbox } from '../../server.ts';
import { closePages, countMatches, fetchPage, matchingSelectors } from './page-dom.ts';

const BILLING = 'acme/platform/billing-service';
const MARKUP_TITLE = '<img src=x onerror="alert(1)"> <script>alert(2)</script> Pay & <b>bold</b>';

describe('GitLab item page fixtures', () => {
  let sandbox: Sandbox;
  const origin = (host = 'gitlab.com') => `https://${host}:${sandbox.port}`;
  const billing = (): GlProject => {
    const project = sandbox.data.gitlab[0]?.projects.find((p) => p.pathWithNamespace === BILLING);
    if (!project) throw new Error('seeded billing-service project missing');
    return project;
  };
  const issue = (iid: number): GlIssuable => {
    const found = billing().issues.find((i) => i.iid === iid);
    if (!found) throw new Error(`seeded issue ${iid} missing`);
    return found;
  };

  beforeAll(async () => {
    sandbox = await startSandbox({ now: Date.UTC(2026, 10, 26, 12) });
  });
  afterEach(async () => {
    sandbox.reset();
    await closePages();
  });
  afterAll(() => sandbox.close());

  describe('issue page, work-items view (current)', () => {
    it('puts the seeded title in the newest itemTitle selector and in no other generation', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/issues/3`);
      expect(page.status).toBe(200);
      expect(matchingSelectors(page.document, SELECTORS.itemTitle)).toEqual([0]);
      expect(page.document.querySelector(SELECTORS.itemTitle[0] ?? '')?.textContent?.trim()).toBe(issue(3).title);
      expect(page.document.querySelector('[data-testid="work-item-detail"] section.work-item-view')).not.toBeNull();
      for (const list of [SELECTORS.listRow, SELECTORS.boardCard]) expect(matchingSelectors(page.document, list)).toEqual([]);
    });

    it('serves the same view at the work_items URL and on the self-managed host', async () => {
      const workItem = await fetchPage(`${origin()}/${BILLING}/-/work_items/3`);
      expect(workItem.document.querySelector('h1[data-testid="work-item-title"]')?.textContent?.trim()).toBe(issue(3).title);
      const runner = sandbox.data.gitlab.find((i) => i.host === 'gitlab.example.test')?.projects[0];
      const selfManaged = await fetchPage(`${origin('gitlab.example.test')}/tools/ci-runner/-/issues/1`);
      expect(selfManaged.status).toBe(200);
      expect(selfManaged.document.querySelector(SELECTORS.itemTitle[0] ?? '')?.textContent?.trim()).toBe(runner?.issues[0]?.title);
    });

    it('renders the seeded facts: state, assignees, labels, milestone, time tracking', async () => {
      const item = issue(3);
      const page = await fetchPage(`${origin()}/${BILLING}/-/issues/3`);
      const text = (selector: string) => page.document.querySelector(selector)?.textContent ?? '';
      expect(text('[data-testid="work-item-state-badge"]')).toBe(item.state === 'opened' ? 'Open' : 'Closed');
      expect(page.document.querySelectorAll('[data-testid="work-item-labels"] [data-testid="label"]').length).toBe(item.labels.length);
      const milestone = billing().milestones.find((m) => m.id === item.milestoneId);
      expect(text('[data-testid="work-item-milestone"]')).toContain(milestone?.title ?? 'None');
      const assignees = [...page.document.querySelectorAll('[data-testid="work-item-assignees"] [data-testid="assignee-link"]')];
      expect(assignees.map((a) => a.getAttribute('data-username'))).toEqual(item.assignees);
    });
  });

  describe('issue page, legacy view (?ui=legacy)', () => {
    it('matches the legacy-generation selectors, not the work-items one', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/issues/3?ui=legacy`);
      expect(matchingSelectors(page.document, SELECTORS.itemTitle)).toEqual([2, 4]);
      expect(page.document.querySelector(SELECTORS.itemTitle[2] ?? '')?.textContent).toBe(issue(3).title);
      expect(page.document.querySelector('.issue-details.issuable-details .detail-page-description #js-issuable-app')).not.toBeNull();
      expect(page.document.querySelector('.work-item-view')).toBeNull();
    });

    it('renders the right-to-left seeded title with dir="auto", as title.vue does', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/issues/5?ui=legacy`);
      const title = page.document.querySelector('h1[data-testid="issue-title"]');
      expect(title?.getAttribute('dir')).toBe('auto');
      expect(title?.textContent).toBe(issue(5).title);
      expect(issue(5).title).toMatch(/[\u0600-\u06ff]/);
    });
  });

  describe('merge request page', () => {
    it('matches the MR title selectors on the Overview tab', async () => {
      const mr = billing().mergeRequests[1];
      const page = await fetchPage(`${origin()}/${BILLING}/-/merge_requests/2`);
      expect(matchingSelectors(page.document, SELECTORS.itemTitle)).toEqual([3, 4]);
      expect(page.document.querySelector(SELECTORS.itemTitle[3] ?? '')?.textContent).toContain(mr?.title);
      expect(page.document.querySelector('.merge-request .merge-request-details.issuable-details')).not.toBeNull();
      expect(page.document.querySelector('#notes')?.hasAttribute('hidden')).toBe(false);
      expect(page.document.querySelector('#js-diffs-app')?.hasAttribute('hidden')).toBe(true);
    });

    it.each(['commits', 'pipelines'])('serves the %s tab with the same title', async (tab) => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/merge_requests/2/${tab}`);
      expect(page.status).toBe(200);
      expect(matchingSelectors(page.document, SELECTORS.itemTitle)).toEqual([3, 4]);
      expect(page.document.querySelector(`#${tab}`)?.hasAttribute('hidden')).toBe(false);
    });

    it('serves the Changes tab at /diffs with the same title', async () => {
      const page = await fetchPage(`${origin()}/${BILLING}/-/merge_requests/2/diffs`);
      expect(page.status).toBe(200);
      expect(page.document.body.getAttribute('data-page')).toBe('projects:merge_requests:diffs');
      expect(matchingSelectors(page.document, SELECTORS.itemTitle)).toEqual([3, 4]);
      expect(page.document.querySelector('#js-diffs-app')?.hasAttribute('hidden')).toBe(false);
    });
  });

  it('shows seeded markup in titles as text on every item page', async () => {
    issue(3).title = MARKUP_TITLE;
    const mr = billing().mergeRequests[0];
    if (mr) mr.title = MARKUP_TITLE;
    for (const [path, selector] of [
      [`/-/issues/3`, 'h1[data-testid="work-item-title"]'],
      [`/-/issues/3?ui=legacy`, 'h1[data-testid="issue-title"]'],
      [`/-/merge_requests/1`, 'h1[data-testid="title-content"]'],
    ] as const) {
      const page = await fetchPage(`${origin()}/${BILLING}${path}`);
      const title = page.document.querySelector(selector);
      expect(title?.textContent, path).toContain(MARKUP_TITLE);
      expect(title?.querySelectorAll('img, script, b').length, path).toBe(0);
      expect(countMatches(page.document, 'img'), path).toBe(0);
      expect(countMatches(page.document, 'script'), path).toBe(1);
    }
  });

  describe('every page', () => {
    const paths = [`/${BILLING}/-/issues/3`, `/${BILLING}/-/issues/3?ui=legacy`, `/${BILLING}/-/merge_requests/2`, `/${BILLING}/-/merge_requests/2/diffs`];

    it('names the generation it mirrors, in a top comment and meta[name="stint-fixture"]', async () => {
      for (const path of paths) {
        const page = await fetchPage(`${origin()}${path}`);
        expect(page.html.slice(0, 200), path).toMatch(/^<!DOCTYPE html>\s*<!-- Stint sandbox fixture: GitLab /);
        expect(page.document.querySelector('meta[name="stint-fixture"]')?.getAttribute('content'), path).toMatch(/^gitlab .+ — .+/);
      }
    });

    it('follows ?theme=dark with GitLab\'s gl-dark class on <html>', async () => {
      for (const path of paths) {
        const light = await fetchPage(`${origin()}${path}`);
        expect(light.document.documentElement.classList.contains('gl-dark'), path).toBe(false);
        const dark = await fetchPage(`${origin()}${path}${path.includes('?') ? '&' : '?'}theme=dark`);
        expect(dark.document.documentElement.classList.contains('gl-dark'), path).toBe(true);
      }
    });

    it('carries one inline script, no external script, no token and no API call', async () => {
      for (const path of paths) {
        const page = await fetchPage(`${origin()}${path}`);
        const scripts = [...page.document.querySelectorAll('script')];
        expect(scripts.length, path).toBe(1);
        expect(scripts[0]?.hasAttribute('src'), path).toBe(false);
        expect(page.html, path).not.toMatch(/glpat-|\/api\/(v4|graphql)/);
      }
    });
  });

  describe('not found', () => {
    it.each([
      `/${BILLING}/-/issues/9999`,
      `/${BILLING}/-/merge_requests/0`,
      `/acme/no-such-project/-/issues/1`,
      '/acme',
      '/tools/ci-runner/-/wikis/home',
    ])('%s answers GitLab\'s 404 page, where no selector matches', async (path) => {
      const page = await fetchPage(`${origin()}${path}`);
      expect(page.status).toBe(404);
      expect(page.document.querySelector('meta[name="stint-fixture"]')?.getAttribute('content')).toContain('404');
      for (const list of [SELECTORS.itemTitle, SELECTORS.listRow, SELECTORS.listRowLink, SELECTORS.boardCard, SELECTORS.boardCardLink]) expect(matchingSelectors(page.document, list)).toEqual([]);
    });

    it('leaves /api/ to the API: no page route answers there', async () => {
      const before = sandbox.log.length;
      await fetch(`${origin()}/api/v4/acme/platform/billing-service/-/issues/3`);
      const logged = sandbox.state.requestsSince(before);
      expect(logged.map((r) => r.route ?? '')).not.toContainEqual(expect.stringMatching(/^gitlab\.pages/));
    });
  });
});
