import type { ProviderPage } from '../types';
import { SELECTORS } from './selectors';
import { matchGithubPage } from './url';

/** What the Github content script needs: URL recognition and the page's anchors. */
export const githubPage: ProviderPage = { key: 'github', matchPage: matchGithubPage, selectors: SELECTORS };
