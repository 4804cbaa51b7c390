import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BurnUp } from '../../components/timeline/BurnUp';
import { TeamLoad } from '../../components/timeline/TeamLoad';
import { Timeline } from '../../components/timeline/Timeline';
import { ZoomButtons } from '../../components/timeline/ZoomButtons';
import { PX_PER_DAY } from '../../lib/core/timeline';
import type { BurnUpView, ProjectTimeline, TimelineItem } from '../../lib/messaging/protocol-timeline';
import { TIMELINE_PROJECT, timelineItem } from '../support/timeline';

const P = TIMELINE_PROJECT;
const item = timelineItem;
const data = (items: TimelineItem[]): ProjectTimeline => ({
  projectKey: P,
  name: 'acme/app',
  tracked: true,
  today: '2026-11-26',
  containers: [{ key: `${P}#milestone:1`, kind: 'milestone', title: 'Invoicing v2', startDay: '2026-11-02', dueDay: '2026-12-04' }],
  items,
  omitted: 0,
  loggedByDay: [{ day: '2026-11-25', seconds: 3 * 3600 }],
  burnUps: [],
});
const links = () => within(screen.getByRole('list', { name: 'Items of acme/app by milestone or sprint' })).getAllByRole('link');

describe('side panel timeline', () => {
  afterEach(cleanup);

  it('renders lanes as headings and items as links with their dates, time and risk in words', () => {
    const items = [item(1), item(2, { containerKey: null, dueDay: null, risk: { rule: 'overdue', severity: 'critical', reason: '#2 was due on 2026-11-20 and is still open.' } })];
    render(<Timeline data={data(items)} zoom="month" onOpen={vi.fn()} />);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Invoicing v2 2026-11-02 – 2026-12-04 · 1 item', 'No milestone or sprint · 1 item']);
    const [first, second] = links();
    expect(first!.getAttribute('href')).toBe('https://gitlab.com/acme/app/-/issues/1');
    expect(first!.textContent).toBe('#1 Issue 1, 2026-11-02 – 2026-12-04, 1h spent of 2h');
    expect(second!.textContent).toContain('(no due date)');
    expect(second!.textContent).toContain('#2 was due on 2026-11-20 and is still open.');
    expect(second!.getAttribute('data-risk')).toBe('critical');
    expect(screen.getByRole('img', { name: /^Time logged per day: 3h logged over 1 day, most on 2026-11-25/ })).toBeTruthy();
  });

  it('zooming changes the scale: the axis width, the bars’ places and the ticks', () => {
    const { rerender } = render(<Timeline data={data([item(1)])} zoom="month" onOpen={vi.fn()} />);
    const canvas = () => screen.getByTestId('timeline').firstElementChild as HTMLElement;
    const bar = () => links()[0]!;
    const monthWidth = Number.parseFloat(canvas().style.width);
    const monthLeft = Number.parseFloat(bar().style.left);
    expect(screen.getByText('Dec')).toBeTruthy();
    rerender(<Timeline data={data([item(1)])} zoom="week" onOpen={vi.fn()} />);
    expect(Number.parseFloat(canvas().style.width) / monthWidth).toBeCloseTo(PX_PER_DAY.week / PX_PER_DAY.month, 1);
    expect(Number.parseFloat(bar().style.left) / monthLeft).toBeCloseTo(PX_PER_DAY.week / PX_PER_DAY.month);
    expect(screen.getByText('Nov 23')).toBeTruthy(); // Mondays at the week zoom
    expect(screen.queryByText('Dec')).toBeNull();
  });

  it('is one tab stop; arrow keys, Home and End move between items; a click opens the item through the panel', () => {
    const onOpen = vi.fn();
    render(<Timeline data={data([item(1), item(2), item(3)])} zoom="month" onOpen={onOpen} />);
    const list = screen.getByRole('list', { name: 'Items of acme/app by milestone or sprint' });
    expect(links().map((l) => l.tabIndex)).toEqual([0, -1, -1]);
    links()[0]!.focus();
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(links()[1]);
    expect(links().map((l) => l.tabIndex)).toEqual([-1, 0, -1]);
    fireEvent.keyDown(list, { key: 'End' });
    expect(document.activeElement).toBe(links()[2]);
    fireEvent.keyDown(list, { key: 'Home' });
    expect(document.activeElement).toBe(links()[0]);
    fireEvent.keyDown(list, { key: 'ArrowUp' }); // stays on the first
    expect(document.activeElement).toBe(links()[0]);
    const click = fireEvent.click(links()[1]!);
    expect(click).toBe(false); // the panel opens it in the current tab, not the link in the panel
    expect(onOpen).toHaveBeenCalledWith(expect.objectContaining({ key: `${P}#2` }));
    fireEvent.click(links()[2]!, { ctrlKey: true }); // a new tab, as links do
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('renders only the rows in view of a thousand items, and still reaches the last by keyboard', () => {
    const many = Array.from({ length: 1000 }, (_, i) => item(i + 1, { startDay: `2026-${String((i % 12) + 1).padStart(2, '0')}-01` }));
    render(<Timeline data={data(many)} zoom="quarter" onOpen={vi.fn()} />);
    expect(links().length).toBeLessThan(40);
    const list = screen.getByRole('list', { name: 'Items of acme/app by milestone or sprint' });
    links()[0]!.focus();
    fireEvent.keyDown(list, { key: 'End' });
    // The last bar: the latest start (December), then the highest number.
    expect((document.activeElement as HTMLElement).closest('li')!.getAttribute('data-item')).toBe(`${P}#996`);
    expect(links().length).toBeLessThan(41);
  });
});

describe('zoom buttons, burn-up figures and team load', () => {
  afterEach(cleanup);

  it('zoom buttons say which is on and ask for another', () => {
    const onZoom = vi.fn();
    render(<ZoomButtons zoom="month" onZoom={onZoom} />);
    const group = screen.getByRole('group', { name: 'Zoom' });
    expect(within(group).getByRole('button', { name: 'Month' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(group).getByRole('button', { name: 'Quarter' }));
    expect(onZoom).toHaveBeenCalledWith('quarter');
  });

  it('the burn-up says its figures in words, as the popup does', () => {
    const view: BurnUpView = {
      scopeKey: `${P}#milestone:1`,
      kind: 'container',
      name: 'Invoicing v2',
      days: ['2026-11-25', '2026-11-26'],
      spent: [0, 36 * 3600],
      projected: [null, 36 * 3600],
      budgetSeconds: 40 * 3600,
      spentSeconds: 36 * 3600,
      dueDay: '2026-12-04',
      burnPerDay: 9257,
      overrunSeconds: 41_000,
      budget: { id: 'b', percent: 90, level: 'warn', spentMoney: '€3,060.00', risk: { rule: 'forecast-overrun', severity: 'warning', reason: 'Invoicing v2: over by its due date.' } },
    };
    render(<BurnUp view={view} />);
    expect(screen.getByTestId('burnup-figures').textContent).toBe('Invoicing v2 90 % · €3,060.00 — nearly spent');
    expect(screen.getByTestId('burnup-spent').textContent).toBe('36h spent of 40h, due 2026-12-04; 2h 34m a working day lately.');
    expect(screen.getByRole('figure', { name: /Invoicing v2: over by its due date\./ })).toBeTruthy();
  });

  it('team load marks who is over-allocated, in words', () => {
    render(
      <TeamLoad
        people={[
          { person: 'ben', weekSeconds: 3600, remainingSeconds: 60 * 3600, capacitySeconds: 48 * 3600, until: '2026-12-04', overAllocated: true, reason: 'ben has 60h of work left and 48h of working time until 2026-12-04.' },
          { person: 'dana', weekSeconds: 0, remainingSeconds: 3600, capacitySeconds: 48 * 3600, until: '2026-12-04', overAllocated: false, reason: null },
        ]}
      />,
    );
    const rows = screen.getAllByTestId('team-load-row');
    expect(rows.map((r) => r.textContent)).toEqual(['ben1h60h48h to 2026-12-04 ⚠ over-allocated', 'dana0m1h48h to 2026-12-04']);
    expect(within(rows[0]!).getByTitle(/ben has 60h of work left/)).toBeTruthy();
  });
});
