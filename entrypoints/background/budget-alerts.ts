import { browser } from 'wxt/browser';
import { database } from '@/lib/db/open';
import { budgetCrossings } from '@/lib/services/budgets';
import { budgetContextAt } from './budget-context';

const ICON = 'icon/128.png';

/**
 * A notification when a budget reaches its next threshold (50 / 80 / 100 % by default): once per crossing, after the
 * writes that can move it (a stopped timer, a sync that read the team's time). Checks never overlap.
 */
export function registerBudgetAlerts(now: () => number): () => Promise<void> {
  let checking: Promise<void> | null = null;
  const check = async () => {
    const crossings = await budgetCrossings(await database(), await budgetContextAt(now()));
    for (const crossing of crossings) {
      await browser.notifications.create(`stint:budget:${crossing.id}`, { type: 'basic', iconUrl: browser.runtime.getURL(`/${ICON}`), title: crossing.title, message: crossing.message });
    }
  };
  return () => {
    checking ??= check()
      .catch(() => undefined) // a failed check is tried again after the next write
      .finally(() => {
        checking = null;
      });
    return checking;
  };
}
