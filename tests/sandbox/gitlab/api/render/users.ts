import { createHash } from 'node:crypto';
import type { GlInstance, Person } from '../../../data/model.ts';
import { iso } from './time.ts';

/** GitLab's `UserBasic` (authors, assignees, reviewers): no `created_at`, as `MappedOmit<SimpleUserSchema, 'created_at'>`. */
export function userBasic(instance: GlInstance, person: Person | undefined, username: string): Record<string, unknown> {
  return {
    id: person?.gitlab.id ?? 1,
    username: person?.gitlab.username ?? username,
    public_email: null,
    name: person?.name ?? username,
    state: 'active',
    locked: false,
    avatar_url: avatarUrl(person?.email ?? username),
    web_url: `https://${instance.host}/${person?.gitlab.username ?? username}`,
  };
}

export function avatarUrl(email: string): string {
  return `https://secure.gravatar.com/avatar/${createHash('md5').update(email.toLowerCase()).digest('hex')}?s=80&d=identicon`;
}

/** `GET /user`: the token owner's own view (`ExpandedUserSchema`), with e-mail and sign-in facts. */
export function currentUser(instance: GlInstance, person: Person, seedNow: number): Record<string, unknown> {
  const joined = iso(seedNow - 700 * 86_400_000);
  return {
    ...userBasic(instance, person, person.gitlab.username),
    created_at: joined,
    bio: '',
    location: '',
    public_email: null,
    skype: '',
    linkedin: '',
    twitter: '',
    discord: '',
    website_url: '',
    organization: 'Acme Payments',
    job_title: '',
    pronouns: null,
    bot: false,
    work_information: null,
    local_time: null,
    last_sign_in_at: iso(seedNow - 86_400_000),
    confirmed_at: joined,
    last_activity_on: iso(seedNow).slice(0, 10),
    email: person.email,
    theme_id: 3,
    color_scheme_id: 1,
    projects_limit: 100_000,
    current_sign_in_at: iso(seedNow - 3_600_000),
    identities: [],
    can_create_group: true,
    can_create_project: true,
    two_factor_enabled: true,
    external: false,
    private_profile: false,
    commit_email: person.email,
    preferred_language: 'en',
  };
}
