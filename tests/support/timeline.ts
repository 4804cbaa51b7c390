import type { TimelineItem } from '../../lib/messaging/protocol-timeline';

/** The project the timeline tests draw: GitLab `acme/app`, its items in milestone 1 (“Invoicing v2”, 2 – 4 Dec). */
export const TIMELINE_PROJECT = 'gitlab:gitlab.com/acme/app';

/**
 * Issue `#n` of the timeline tests' project as the side panel gets it: open, in milestone 1 from 2 Nov to 4 Dec, 1 h
 * spent of 2 h, no risk. The core's lanes read only the fields they know (`TimelineItemInput`).
 */
export const timelineItem = (n: number, over: Partial<TimelineItem> = {}): TimelineItem => ({
  key: `${TIMELINE_PROJECT}#${n}`,
  label: `#${n}`,
  title: `Issue ${n}`,
  url: `https://gitlab.com/acme/app/-/issues/${n}`,
  containerKey: `${TIMELINE_PROJECT}#milestone:1`,
  startDay: '2026-11-02',
  dueDay: '2026-12-04',
  endDay: '2026-11-26',
  open: true,
  spentSeconds: 3600,
  estimateSeconds: 7200,
  assignees: [],
  risk: null,
  ...over,
});
