import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EstimateLabelsForm, parseSizeMap } from '../../components/EstimateLabelsForm';
import { DEFAULT_ESTIMATE_LABELS } from '../../lib/core/estimate-labels';

const week = { hoursPerDay: 8, daysPerWeek: 5 };

describe('estimate label settings', () => {
  afterEach(cleanup);

  it('reads size maps people type, and refuses what is not NAME=hours', () => {
    expect(parseSizeMap('xs=1, S = 2h, M=4.5')).toEqual({ XS: 1, S: 2, M: 4.5 });
    expect(parseSizeMap('')).toEqual({});
    expect(parseSizeMap('S=2, huge')).toBeNull();
    expect(parseSizeMap('S=-2')).toBeNull();
  });

  it('tries a label against the convention being edited, and saves it', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<EstimateLabelsForm value={DEFAULT_ESTIMATE_LABELS} week={week} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText(/Try a label/), { target: { value: 'points: 5' } });
    expect(screen.getByText('No estimate read from this label.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/prefixes before a size/), { target: { value: 'size, points:' } });
    fireEvent.change(screen.getByLabelText(/Sizes in hours/), { target: { value: 'S=2, 5=10' } });
    expect(screen.getByText('Estimate: 10h')).toBeTruthy();
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledWith({ prefixes: ['estimate', 'est'], sizePrefixes: ['size', 'points:'], sizeHours: { S: 2, '5': 10 } }));
    expect(await screen.findByText(/Saved\./)).toBeTruthy();
  });

  it('keeps a broken size map from being saved, with a message that says what is expected', async () => {
    const onSave = vi.fn(() => Promise.resolve());
    render(<EstimateLabelsForm value={DEFAULT_ESTIMATE_LABELS} week={week} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText(/Sizes in hours/), { target: { value: 'S=2, large' } });
    expect(screen.getByLabelText(/Sizes in hours/).getAttribute('aria-invalid')).toBe('true');
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/NAME=hours pairs/);
    expect(onSave).not.toHaveBeenCalled();
  });
});
