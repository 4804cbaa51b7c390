import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { request } from '../messaging/client';
import type { OverlayReport } from '../messaging/protocol';
import type { ProviderPage } from '../providers/types';
import { itemTimerFeature } from './features/item-timer';
import { listBadgesFeature } from './features/list-badges';
import { runOverlay } from './runtime';
import { onTimerChange } from './timer-notices';
import { mountTimerButton } from './timer-button';
import { haveOverlayWords, setOverlayWords } from './words';

/** Everything a provider's content script does: the overlay's features, wired to the background. */
export function startContentScript(ctx: ContentScriptContext, page: ProviderPage): void {
  runOverlay(ctx, page, [
    itemTimerFeature({
      report: (report) => request('overlay.report', report),
      widget: (root, _item, signal, placement) => {
        let firstAsk: { report?: OverlayReport } = { report: placement };
        mountTimerButton(root, signal, {
          getState: async () => {
            const payload = haveOverlayWords() ? firstAsk : { ...firstAsk, words: true };
            firstAsk = {};
            const state = await request('item.state', payload);
            if (state.words) setOverlayWords(state.words);
            return state;
          },
          toggle: () => request('item.toggle', {}),
          setEstimate: (estimate) => request('item.setEstimate', { estimate }),
          setPlanBudget: (hours) => request('item.setPlanBudget', { hours }),
          now: () => Date.now(),
          onTimerChange,
        });
      },
    }),
    listBadgesFeature({
      badges: async (keys, projects) => {
        const answer = await request('items.badges', { keys, ...(projects.length > 0 ? { projects } : {}), ...(haveOverlayWords() ? {} : { words: true }) });
        if (answer.words) setOverlayWords(answer.words);
        return answer;
      },
      onTimerChange,
    }),
  ]);
}
