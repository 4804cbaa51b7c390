import { describe, expect, it } from 'vitest';
import { LEVEL_COLOURS } from '../../../lib/overlay/shadow-host';

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

// The pages the overlay sits on: GitHub, GitLab and Jira, light (white, GitHub's canvas subtle) and dark (GitHub dark
// and dark dimmed, GitLab's dark mode, Jira's dark theme, a plain near-black).
const LIGHT = ['#ffffff', '#f6f8fa', '#fbfafd'];
const DARK = ['#0d1117', '#22272e', '#18171d', '#1d2125', '#1f1f1f'];

describe('budget and risk colours', () => {
  it('meet WCAG AA (4.5 : 1) for small text on every light and dark page background', () => {
    for (const [level, colour] of Object.entries(LEVEL_COLOURS.light)) for (const bg of LIGHT) expect(contrast(colour, bg), `${level} ${colour} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    for (const [level, colour] of Object.entries(LEVEL_COLOURS.dark)) for (const bg of DARK) expect(contrast(colour, bg), `${level} ${colour} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    // The check itself: a light colour on white fails it.
    expect(contrast(LEVEL_COLOURS.dark.watch, '#ffffff')).toBeLessThan(4.5);
  });
});
