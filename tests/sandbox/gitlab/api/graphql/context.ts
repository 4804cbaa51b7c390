import { GraphQLError } from 'graphql';
import type { GlInstance, GlProject } from '../../../data/model.ts';
import type { SandboxState } from '../../../state.ts';
import type { Caller } from '../auth.ts';

/** What every resolver sees: the world, the instance answering, and who asks (null when anonymous). */
export interface GqlContext {
  readonly state: SandboxState;
  readonly instance: GlInstance;
  readonly caller: Caller | null;
}

/** The sandbox's projects are private: anonymous callers see none of them, as on GitLab. */
export function visibleProjects(ctx: GqlContext): GlProject[] {
  return ctx.caller ? ctx.instance.projects : [];
}

export const RESOURCE_NOT_AVAILABLE = "The resource that you are attempting to access does not exist or you don't have permission to perform this action";

/** Mutations need a signed-in caller whose token carries `api` (a `read_api` token may only query). */
export function requireWriter(ctx: GqlContext): Caller {
  if (!ctx.caller || !ctx.caller.token.scopes.includes('api')) throw new GraphQLError(RESOURCE_NOT_AVAILABLE);
  return ctx.caller;
}
