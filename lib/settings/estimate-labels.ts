import { storage } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { DEFAULT_ESTIMATE_LABELS, type EstimateLabelConvention } from '../core/estimate-labels';

const prefix = z.string().check(z.minLength(1), z.maxLength(40));

/** How estimates are read from labels where the provider has none (GitHub). */
export const EstimateLabels = z.object({
  prefixes: z.array(prefix).check(z.maxLength(20)),
  sizePrefixes: z.array(prefix).check(z.maxLength(20)),
  sizeHours: z.record(z.string().check(z.regex(/^[A-Z0-9]{1,10}$/)), z.number().check(z.positive(), z.lte(10_000))).check(z.refine((sizes) => Object.keys(sizes).length <= 30, 'at most 30 sizes')),
}) satisfies z.ZodMiniType<EstimateLabelConvention>;

export const estimateLabelsSetting = storage.defineItem<EstimateLabelConvention>('local:settings.estimateLabels', {
  fallback: DEFAULT_ESTIMATE_LABELS,
  version: 1,
});

/** The stored convention, or the defaults when what is stored is unreadable. */
export async function readEstimateLabels(): Promise<EstimateLabelConvention> {
  const parsed = EstimateLabels.safeParse(await estimateLabelsSetting.getValue());
  return parsed.success ? parsed.data : DEFAULT_ESTIMATE_LABELS;
}
