import { browser } from 'wxt/browser';
import { database } from '@/lib/db/open';
import type { Handlers } from '@/lib/messaging/server';
import type { timelineMessages } from '@/lib/messaging/protocol-timeline';
import { selfHostedProviders } from '@/lib/services/connections';
import { getTabHealth } from '@/lib/services/tab-health';
import { projectOfUrl, projectTimeline, teamLoadView, timelineProjects } from '@/lib/services/timeline';
import type { Clock } from '@/lib/services/timer';
import { budgetContextAt } from './budget-context';

/** The side panel's messages: a tab's project, the projects to choose from, a project's timeline, the team's load. */
export function timelineHandlers(clock: Pick<Clock, 'now'>): Pick<Handlers, keyof typeof timelineMessages> {
  const context = () => budgetContextAt(clock.now()); // the person's risk thresholds too, as everywhere
  return {
    'timeline.tabProject': async ({ tabId }) => {
      // The tab's URL is visible for provider hosts (host permissions); the overlay's report covers the rest.
      const url = (await browser.tabs.get(tabId).catch(() => undefined))?.url ?? (await getTabHealth(tabId))?.url;
      if (!url || !URL.canParse(url)) return { projectKey: null };
      const db = await database();
      return { projectKey: projectOfUrl(new URL(url), await db.getAll('projects'), await selfHostedProviders(db)) };
    },
    'timeline.projects': async () => timelineProjects(await database()),
    'timeline.project': async ({ projectKey }) => projectTimeline(await database(), projectKey, await context()),
    'timeline.team': async ({ projectKey }) => teamLoadView(await database(), await context(), projectKey),
  };
}
