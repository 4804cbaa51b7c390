import type { ProviderPage } from '../types';
import { SELECTORS } from './selectors';
import { matchJiraPage } from './url';

/** What the Jira content script needs: URL recognition and the page's anchors. */
export const jiraPage: ProviderPage = { key: 'jira', matchPage: matchJiraPage, selectors: SELECTORS };
