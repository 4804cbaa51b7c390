import { browser } from 'wxt/browser';
import { dataLossWords, takeDataLoss } from '@/lib/services/data-loss';
import { database } from '@/lib/db/open';

const ICON = 'icon/128.png';

/**
 * Tell the person, once, that the browser reset Stint's database: what the rescue copy put back, which connections
 * need their token again, and where the rest comes back from.
 */
export async function tellAboutDataLoss(): Promise<void> {
  const loss = await takeDataLoss(await database());
  if (!loss) return;
  await browser.notifications.create('stint:data-loss', {
    type: 'basic',
    iconUrl: browser.runtime.getURL(`/${ICON}`),
    ...dataLossWords(loss),
    requireInteraction: true,
  });
}
