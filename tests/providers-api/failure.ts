import type { ProviderError } from '../../lib/providers/errors';

/** The ProviderError a call ends with; a call that succeeds fails the test. */
export async function failureOf(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    return error as ProviderError;
  }
  throw new Error('expected a failure');
}
