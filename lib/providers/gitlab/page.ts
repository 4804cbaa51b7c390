import type { ProviderPage } from '../types';
import { SELECTORS } from './selectors';
import { matchGitlabPage } from './url';

/** What the Gitlab content script needs: URL recognition and the page's anchors. */
export const gitlabPage: ProviderPage = { key: 'gitlab', matchPage: matchGitlabPage, selectors: SELECTORS };
