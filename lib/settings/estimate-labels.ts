import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { DEFAULT_ESTIMATE_LABELS, type EstimateLabelConvention } from '../core/estimate-labels';

const prefix = z.string().min(1).max(40);

/** How estimates are read from labels where the provider has none (GitHub). */
export const EstimateLabels = z.object({
  prefixes: z.array(prefix).max(20),
  sizePrefixes: z.array(prefix).max(20),
  sizeHours: z.record(z.string().regex(/^[A-Z0-9]{1,10}$/), z.number().positive().max(10_000)).refine((sizes) => Object.keys(sizes).length <= 30, 'at most 30 sizes'),
}) satisfies z.ZodType<EstimateLabelConvention>;

export const estimateLabelsSetting = storage.defineItem<EstimateLabelConvention>('local:settings.estimateLabels', {
  fallback: DEFAULT_ESTIMATE_LABELS,
  version: 1,
});

/** The stored convention, or the defaults when what is stored is unreadable. */
export async function readEstimateLabels(): Promise<EstimateLabelConvention> {
  const parsed = EstimateLabels.safeParse(await estimateLabelsSetting.getValue());
  return parsed.success ? parsed.data : DEFAULT_ESTIMATE_LABELS;
}
