import type { JiraSite } from '../../data/model.ts';
import { html, type SafeHtml } from '../../http/html.ts';
import type { Reply } from '../../http/router.ts';
import type { ErrorStyle } from '../../state.ts';
import { cloudFrame } from './cloud-chrome.ts';
import { dcFrame } from './dc-chrome.ts';
import { htmlReply, renderDocument, type ColorMode } from './document.ts';

/**
 * Jira's error pages. None carries a work item title, a list row or a card, so no Stint selector may match on them.
 * "Oops, you've found a dead link." is Jira's long-standing 404 wording; the work item "can't find" state, the
 * unknown-site text and the server-error text are written from memory of the real pages, not from a source, and so is
 * the markup around them.
 */

const CLOUD_404 = 'jira 404 — Jira Cloud page-not-found, 2025–2026';
const DC_404 = 'jira 404 — Jira Data Center error page, Jira 9–10';
const DEAD_LINK = "Oops, you've found a dead link.";

const deadLink = html`<div class="error-page" role="alert"><h1>${DEAD_LINK}</h1><p>Use the links below to find what you're looking for.</p><p><a href="/">Go to your Jira homepage</a></p></div>`;

export function cloudNotFoundPage(site: JiraSite, colorMode: ColorMode): string {
  return renderDocument({ flavour: 'cloud', fixture: CLOUD_404, title: 'Page not found - Jira', colorMode, body: cloudFrame(site, null, 'search', deadLink) });
}

export function cloudIssueNotFoundPage(site: JiraSite, key: string, colorMode: ColorMode): string {
  return renderDocument({
    flavour: 'cloud',
    fixture: 'jira 404 — Jira Cloud work item view, work item not found, 2025–2026',
    title: 'Jira',
    colorMode,
    body: cloudFrame(site, null, 'issue', html`<div class="error-page" role="alert"><h1>We can't find this work item</h1><p>${key} may have been deleted, or you may not have permission to view it.</p><p><a href="/issues/">Search for work items</a></p></div>`),
  });
}

export function dcNotFoundPage(site: JiraSite, colorMode: ColorMode, message = DEAD_LINK): string {
  return renderDocument({
    flavour: 'dc',
    fixture: DC_404,
    title: `Error - ${site.serverTitle}`,
    colorMode,
    bodyAttributes: dcErrorBody,
    body: dcFrame(site, null, html`<div class="error-page aui-message aui-message-error" role="alert"><h1>${message}</h1><p><a href="/secure/MyJiraHome.jspa">Go to Jira home</a></p></div>`),
  });
}

const dcErrorBody = html`id="jira" class="aui-layout aui-theme-default error-page-body"`;

/** An `*.atlassian.net` name with no site behind it: Atlassian's own page, not Jira's (no Jira frame). */
export function unknownSitePage(colorMode: ColorMode): string {
  return renderDocument({
    flavour: 'cloud',
    fixture: 'atlassian site-not-found — unknown *.atlassian.net site, 2025–2026',
    title: 'Atlassian Cloud',
    colorMode,
    body: html`<div class="error-page" role="alert"><h1>Your Atlassian Cloud site is currently unavailable.</h1><p>Check the address, or go to <a href="https://start.atlassian.com/">start.atlassian.com</a> to find your sites.</p></div>`,
  });
}

/**
 * How Jira's pages (not its REST APIs) answer unmatched paths and injected faults: HTML, Jira's wording, and a
 * `Retry-After` on 429. The error style knows neither the site nor the query, so these pages are frameless and light.
 */
export function jiraPageErrorStyle(flavour: 'cloud' | 'dc'): ErrorStyle {
  const page = (status: number) =>
    renderDocument({
      flavour,
      fixture: status === 404 ? (flavour === 'cloud' ? CLOUD_404 : DC_404) : `jira ${status} — Jira ${flavour === 'cloud' ? 'Cloud' : 'Data Center'} error page`,
      title: flavour === 'cloud' ? 'Jira' : 'Error - Jira',
      colorMode: 'light',
      bodyAttributes: flavour === 'dc' ? dcErrorBody : undefined,
      body:
        status === 404
          ? deadLink
          : status === 429
            ? errorBlock('Too many requests', 'You have made too many requests. Try again later.')
            : errorBlock("Something's gone wrong", 'Our team has been notified. Try again in a few minutes.'),
    });
  return {
    error: (status) => htmlReply(status, page(status)),
    rateLimited: (retryAfter, status) => withRetryAfter(htmlReply(status, page(status)), retryAfter),
  };
}

export function unknownSiteErrorStyle(): ErrorStyle {
  return {
    error: (status) => htmlReply(status, unknownSitePage('light')),
    rateLimited: (retryAfter, status) => withRetryAfter(htmlReply(status, unknownSitePage('light')), retryAfter),
  };
}

function withRetryAfter(reply: Reply, seconds: number): Reply {
  return { ...reply, headers: { ...reply.headers, 'retry-after': String(seconds) } };
}

function errorBlock(heading: string, text: string): SafeHtml {
  return html`<div class="error-page" role="alert"><h1>${heading}</h1><p>${text}</p></div>`;
}
