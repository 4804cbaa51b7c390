import { z } from 'zod';

/** The parts of GitHub's payloads Stint reads, validated at the boundary (extra fields are ignored). */
export const GithubUser = z.object({ login: z.string().min(1).max(100), id: z.number().int() });
export type GithubUser = z.infer<typeof GithubUser>;
