import { buildSchema, type GraphQLSchema } from 'graphql';

/**
 * A subset of GitLab's GraphQL schema (names, nullability and defaults as in GitLab's reference), enough for any
 * query Stint or a person would write about users, projects, groups, issues, merge requests, milestones,
 * iterations and time tracking. Scalars keep GitLab's names (`Time`, `IssueID`, `BigInt`…).
 */

const PAGING = 'after: String, before: String, first: Int, last: Int';

function connection(type: string, extra = ''): string {
  return `
type ${type}Connection {
  count: Int!
  edges: [${type}Edge]
  nodes: [${type}]
  pageInfo: PageInfo!
  ${extra}
}
type ${type}Edge {
  cursor: String!
  node: ${type}
}`;
}

const ISSUE_FILTERS = `iid: String, iids: [String!], state: IssueState, labelName: [String], milestoneTitle: [String],
    assigneeUsernames: [String!], assigneeUsername: String, authorUsername: String, search: String,
    createdAfter: Time, createdBefore: Time, updatedAfter: Time, updatedBefore: Time, sort: IssueSort = created_desc`;

const MR_FILTERS = `iids: [String!], state: MergeRequestState, labels: [String!], milestoneTitle: String,
    assigneeUsername: String, authorUsername: String, draft: Boolean, createdAfter: Time, createdBefore: Time,
    updatedAfter: Time, updatedBefore: Time, mergedAfter: Time, mergedBefore: Time, sort: MergeRequestSort = created_desc`;

const TIMELOG_FILTERS = 'startDate: Time, endDate: Time, startTime: Time, endTime: Time, username: String, sort: TimelogSort = SPENT_AT_ASC';

export const SDL = /* GraphQL */ `
"""ISO 8601 time, e.g. 2026-11-26T12:00:00Z."""
scalar Time
"""ISO 8601 date, e.g. 2026-11-26."""
scalar ISO8601Date
"""A 64-bit integer, sent as a string."""
scalar BigInt
scalar IssuableID
scalar IssueID
scalar MergeRequestID
scalar TimelogID
scalar ProjectID
scalar GroupID
scalar UserID
scalar MilestoneID
scalar IterationID
scalar LabelID
scalar NoteID

type Query {
  currentUser: CurrentUser
  user(id: UserID, username: String): UserCore
  project(fullPath: ID!): Project
  group(fullPath: ID!): Group
  issue(id: IssueID!): Issue
  mergeRequest(id: MergeRequestID!): MergeRequest
  timelogs(${TIMELOG_FILTERS}, projectId: ProjectID, groupId: GroupID, ${PAGING}): TimelogConnection
  metadata: Metadata
}

type Mutation {
  timelogCreate(input: TimelogCreateInput!): TimelogCreatePayload
  timelogDelete(input: TimelogDeleteInput!): TimelogDeletePayload
  updateIssue(input: UpdateIssueInput!): UpdateIssuePayload
  mergeRequestUpdate(input: MergeRequestUpdateInput!): MergeRequestUpdatePayload
}

type Metadata {
  version: String!
  revision: String!
  enterprise: Boolean!
}

type PageInfo {
  endCursor: String
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
  startCursor: String
}

enum UserState { active blocked deactivated banned ldap_blocked blocked_pending_approval }

interface User {
  id: UserID!
  username: String!
  name: String!
  state: UserState!
  webUrl: String!
  webPath: String!
  avatarUrl: String
  publicEmail: String
  bot: Boolean!
}

type UserCore implements User {
  id: UserID!
  username: String!
  name: String!
  state: UserState!
  webUrl: String!
  webPath: String!
  avatarUrl: String
  publicEmail: String
  bot: Boolean!
}

type CurrentUser implements User {
  id: UserID!
  username: String!
  name: String!
  state: UserState!
  webUrl: String!
  webPath: String!
  avatarUrl: String
  publicEmail: String
  bot: Boolean!
}
${connection('UserCore')}

type Project {
  id: ID!
  fullPath: ID!
  name: String!
  nameWithNamespace: String!
  path: String!
  description: String
  webUrl: String
  visibility: String
  archived: Boolean
  createdAt: Time
  lastActivityAt: Time
  group: Group
  issue(iid: String): Issue
  issues(${ISSUE_FILTERS}, ${PAGING}): IssueConnection
  mergeRequest(iid: String!): MergeRequest
  mergeRequests(${MR_FILTERS}, ${PAGING}): MergeRequestConnection
  milestones(state: MilestoneStateEnum, title: String, searchTitle: String, iids: [ID!], includeAncestors: Boolean, ${PAGING}): MilestoneConnection
  iterations(state: IterationState, ${PAGING}): IterationConnection
  labels(searchTerm: String, ${PAGING}): LabelConnection
  timelogs(${TIMELOG_FILTERS}, ${PAGING}): TimelogConnection!
}
${connection('Project')}

type Group {
  id: ID!
  fullPath: ID!
  fullName: String!
  name: String!
  path: String!
  webUrl: String!
  parent: Group
  projects(includeSubgroups: Boolean = false, search: String, ${PAGING}): ProjectConnection!
  issues(includeSubgroups: Boolean = false, ${ISSUE_FILTERS}, ${PAGING}): IssueConnection
  mergeRequests(includeSubgroups: Boolean = false, ${MR_FILTERS}, ${PAGING}): MergeRequestConnection
  milestones(includeDescendants: Boolean, state: MilestoneStateEnum, title: String, searchTitle: String, ${PAGING}): MilestoneConnection
  iterations(state: IterationState, includeAncestors: Boolean, ${PAGING}): IterationConnection
  timelogs(${TIMELOG_FILTERS}, ${PAGING}): TimelogConnection!
}

enum IssueState { opened closed locked all }
enum IssueType { ISSUE INCIDENT TEST_CASE REQUIREMENT TASK TICKET OBJECTIVE KEY_RESULT EPIC }
enum IssueSort {
  created_desc created_asc updated_desc updated_asc
  CREATED_DESC CREATED_ASC UPDATED_DESC UPDATED_ASC DUE_DATE_ASC DUE_DATE_DESC TITLE_ASC TITLE_DESC
}

type TaskCompletionStatus {
  count: Int!
  completedCount: Int!
}

type Issue {
  id: IssueID!
  iid: String!
  title: String!
  description: String
  state: IssueState!
  type: IssueType
  webUrl: String!
  webPath: String!
  reference(full: Boolean = false): String!
  createdAt: Time!
  updatedAt: Time!
  closedAt: Time
  dueDate: Time
  confidential: Boolean!
  projectId: Int!
  author: UserCore!
  assignees(${PAGING}): UserCoreConnection
  labels(${PAGING}): LabelConnection
  milestone: Milestone
  iteration: Iteration
  timeEstimate: Int!
  totalTimeSpent: Int!
  humanTimeEstimate: String
  humanTotalTimeSpent: String
  timelogs(${PAGING}): TimelogConnection!
  userNotesCount: Int!
  taskCompletionStatus: TaskCompletionStatus!
}
${connection('Issue', 'weight: Int!')}

enum MergeRequestState { opened closed locked all merged }
enum MergeRequestSort {
  created_desc created_asc updated_desc updated_asc
  CREATED_DESC CREATED_ASC UPDATED_DESC UPDATED_ASC MERGED_AT_ASC MERGED_AT_DESC TITLE_ASC TITLE_DESC
}

type MergeRequest {
  id: MergeRequestID!
  iid: String!
  title: String!
  description: String
  state: MergeRequestState!
  draft: Boolean!
  webUrl: String
  webPath: String!
  reference(full: Boolean = false): String!
  createdAt: Time!
  updatedAt: Time!
  closedAt: Time
  mergedAt: Time
  sourceBranch: String!
  targetBranch: String!
  projectId: Int!
  author: UserCore
  assignees(${PAGING}): UserCoreConnection
  reviewers(${PAGING}): UserCoreConnection
  labels(${PAGING}): LabelConnection
  milestone: Milestone
  timeEstimate: Int!
  totalTimeSpent: Int!
  humanTimeEstimate: String
  humanTotalTimeSpent: String
  timelogs(${PAGING}): TimelogConnection!
  userNotesCount: Int
}
${connection('MergeRequest', 'totalTimeToMerge: Float')}

enum MilestoneStateEnum { active closed }

type MilestoneStats {
  totalIssuesCount: Int
  closedIssuesCount: Int
}

type Milestone {
  id: MilestoneID!
  iid: ID!
  title: String!
  description: String
  state: MilestoneStateEnum!
  startDate: Time
  dueDate: Time
  createdAt: Time!
  updatedAt: Time!
  webPath: String!
  expired: Boolean!
  upcoming: Boolean!
  projectMilestone: Boolean!
  groupMilestone: Boolean!
  subgroupMilestone: Boolean!
  stats: MilestoneStats
}
${connection('Milestone')}

enum IterationState { upcoming current opened closed all }

type Iteration {
  id: IterationID!
  iid: ID!
  sequence: Int!
  title: String
  description: String
  state: IterationState!
  startDate: Time
  dueDate: Time
  createdAt: Time!
  updatedAt: Time!
  webUrl: String!
  webPath: String!
}
${connection('Iteration')}

type Label {
  id: LabelID!
  title: String!
  color: String!
  textColor: String!
  description: String
}
${connection('Label')}

type Note {
  id: NoteID!
  body: String!
  author: UserCore
  createdAt: Time!
  system: Boolean!
}

enum TimelogSort { SPENT_AT_ASC SPENT_AT_DESC TIME_SPENT_ASC TIME_SPENT_DESC }

type Timelog {
  id: TimelogID!
  spentAt: Time
  timeSpent: Int!
  summary: String
  user: UserCore!
  issue: Issue
  mergeRequest: MergeRequest
  note: Note
  project: Project!
}
${connection('Timelog', 'totalSpentTime: BigInt!')}

input TimelogCreateInput {
  clientMutationId: String
  timeSpent: String!
  spentAt: Time
  summary: String!
  issuableId: IssuableID!
}

type TimelogCreatePayload {
  clientMutationId: String
  errors: [String!]!
  timelog: Timelog
}

input TimelogDeleteInput {
  clientMutationId: String
  id: TimelogID!
}

type TimelogDeletePayload {
  clientMutationId: String
  errors: [String!]!
  timelog: Timelog
}

enum IssueStateEvent { CLOSE REOPEN }

input UpdateIssueInput {
  clientMutationId: String
  projectPath: ID!
  iid: String!
  title: String
  description: String
  dueDate: ISO8601Date
  timeEstimate: String
  stateEvent: IssueStateEvent
  milestoneId: MilestoneID
  confidential: Boolean
}

type UpdateIssuePayload {
  clientMutationId: String
  errors: [String!]!
  issue: Issue
}

enum MergeRequestNewState { OPEN CLOSED }

input MergeRequestUpdateInput {
  clientMutationId: String
  projectPath: ID!
  iid: String!
  title: String
  description: String
  targetBranch: String
  state: MergeRequestNewState
  timeEstimate: String
}

type MergeRequestUpdatePayload {
  clientMutationId: String
  errors: [String!]!
  mergeRequest: MergeRequest
}
`;

let built: GraphQLSchema | undefined;

/** Built once per process: the SDL is fixed. */
export function gitlabSchema(): GraphQLSchema {
  built ??= buildSchema(SDL);
  return built;
}
