import { browser } from 'wxt/browser';
import { takeDataLoss } from '@/lib/services/data-loss';
import { database } from '@/lib/db/open';
import { t } from '@/lib/i18n';

const ICON = 'icon/128.png';

/** Tell the person, once, that the browser reset Stint's database, and where their time comes back from. */
export async function tellAboutDataLoss(): Promise<void> {
  const loss = await takeDataLoss(await database());
  if (!loss) return;
  await browser.notifications.create('stint:data-loss', {
    type: 'basic',
    iconUrl: browser.runtime.getURL(`/${ICON}`),
    title: t('notice.dataLossTitle'),
    message: t('notice.dataLossMessage'),
    requireInteraction: true,
  });
}
