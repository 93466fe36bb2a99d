/**
 * @module
 * §6 Projects: a shared project on a machine, where Claude instances coordinate through tasks, locks and context.
 *
 * Choices where the document is silent:
 * - A project path is unique per machine (`PRJ_002`, 409); the same path on two machines is two projects.
 * - Token figures are estimates (4 characters a token) of the project's context: its text fields and its live
 *   context chunks; `max_tokens` is `settings.maxContextTokens` (default 100000).
 * - An instance is known from the first thing it does (claim a task, lock a file, add a chunk) and is active while
 *   it acted in the last 10 minutes; `busy` while it holds a claimed task. `uptime` is seconds since first seen.
 * - `context_usage` of an instance is the share of `max_tokens` its own live chunks take, in percent.
 * - `broadcast` records an activity and a `broadcast` context chunk, and publishes `project:broadcast` on
 *   `private-project.{id}`; it answers the recipients: active instances (`target: "all"`) or the one named.
 * - `broadcast` also takes the body ClaudeNest's agent sends (`packages/agent/src/context/client.ts` `broadcast`):
 *   `{message, instance_id}` is a message of type `info` (ClaudeNest's own server's default type) to `all`, sent by
 *   that instance: it is marked as seen, recorded as the chunk's and the activity's instance, and is not among the
 *   recipients (it is the sender). The answer is the same; the agent reads nothing of it but success.
 * - `activity` answers the newest first; `limit` defaults to 50 (at most 500).
 * - `update` also takes the body ClaudeNest's agent sends (`packages/agent/src/context/client.ts`
 *   `updateProjectContext`, the camelCase keys of its `ProjectContext`): `currentFocus` and `recentChanges` are
 *   `current_focus` and `recent_changes`, `maxTokens` is `settings.maxContextTokens`, and `totalTokens` is read but
 *   not stored (the server counts tokens). ClaudeNest's own server drops these keys unread; server-lite stores them,
 *   and the document's body refuses them (`VAL_001`) rather than dropping a misspelt value.
 * - `settings` keeps §6.2's camelCase keys (`maxContextTokens`, `taskTimeoutMinutes`) inside snake_case bodies,
 *   as documented; other keys are kept as given.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { eitherShape, Id, Nothing, Timestamp } from "./common.ts";
import { entity, projectExample } from "./examples.ts";
import { projectScan } from "./project-scan.ts";
import { createProjectExample } from "./request-examples.ts";

/** The zod schema of {@link ProjectSettings}. */
export const ProjectSettingsSchema = z.looseObject({
  /** @default 100000 */
  maxContextTokens: z.number().int().min(1000).max(10_000_000).optional(),
  /** Minutes after which a claimed task is released if not completed. @default 60 */
  taskTimeoutMinutes: z
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .optional(),
});
/** §6.2: a project's settings (camelCase keys, as documented). */
export interface ProjectSettings extends z.output<typeof ProjectSettingsSchema> {}

/** The zod schema of {@link Project}. */
export const ProjectSchema = entity(
  z.object({
    id: Id,
    machine_id: Id,
    name: z.string(),
    project_path: z.string(),
    summary: z.string().nullable(),
    token_usage_percent: z.number(),
    active_instances_count: z.number().int(),
    pending_tasks_count: z.number().int(),
    created_at: Timestamp,
  }),
  { name: "Project", example: projectExample },
);
/** §6.1: a shared project as listed. */
export interface Project extends z.output<typeof ProjectSchema> {}

/** The zod schema of {@link ProjectDetail}. */
export const ProjectDetailSchema = ProjectSchema.extend({
  architecture: z.string().nullable(),
  conventions: z.string().nullable(),
  current_focus: z.string().nullable(),
  recent_changes: z.string().nullable(),
  settings: ProjectSettingsSchema,
  updated_at: Timestamp,
});
/** §6.3: a shared project with its context sections and settings. */
export interface ProjectDetail extends z.output<typeof ProjectDetailSchema> {}

const Text = z.string().max(100_000);

/** The zod schema of {@link CreateProjectBody}. */
export const CreateProjectBodySchema = withExample(
  z.object({
    name: z.string().min(1).max(255),
    project_path: z.string().min(1).max(4096),
    summary: Text.optional(),
    architecture: Text.optional(),
    conventions: Text.optional(),
    settings: ProjectSettingsSchema.optional(),
  }),
  createProjectExample,
);
/** §6.2: a shared project to create on a machine. */
export interface CreateProjectBody extends z.output<typeof CreateProjectBodySchema> {}

const DocumentedUpdate = z.object({
  name: z.string().min(1).max(255).optional(),
  summary: Text.nullable().optional(),
  architecture: Text.nullable().optional(),
  conventions: Text.nullable().optional(),
  current_focus: Text.nullable().optional(),
  recent_changes: Text.nullable().optional(),
  settings: ProjectSettingsSchema.optional(),
});
/** §6.4: the project fields to change; `null` clears a text field. */
export interface UpdateProjectBody extends z.output<typeof DocumentedUpdate> {}

/** The zod schema of {@link AgentProjectUpdate}. */
export const AgentProjectUpdateSchema = z.strictObject({
  summary: Text.nullable().optional(),
  architecture: Text.nullable().optional(),
  conventions: Text.nullable().optional(),
  currentFocus: Text.nullable().optional(),
  recentChanges: Text.nullable().optional(),
  /** The project's token count: the server counts it, so what is sent is not stored. */
  totalTokens: z.number().int().nonnegative().optional(),
  /** `settings.maxContextTokens`. */
  maxTokens: ProjectSettingsSchema.shape.maxContextTokens,
});
/**
 * §6.4 as ClaudeNest's agent updates a project's context (`packages/agent/src/context/client.ts`,
 * `updateProjectContext`): the camelCase keys of its `ProjectContext`.
 */
export interface AgentProjectUpdate extends z.output<typeof AgentProjectUpdateSchema> {}

/** The keys only the agent's body has: the document's body refuses them rather than dropping them unread. */
const agentOnly = {
  currentFocus: z.never().optional(),
  recentChanges: z.never().optional(),
  totalTokens: z.never().optional(),
  maxTokens: z.never().optional(),
};

/** The zod schema of {@link UpdateProjectBody}: the agent's body read into the document's, or the document's. */
export const UpdateProjectBodySchema = z.union(
  [
    AgentProjectUpdateSchema.transform(({ currentFocus, recentChanges, totalTokens: _, maxTokens, ...same }) => ({
      ...same,
      ...(currentFocus !== undefined ? { current_focus: currentFocus } : {}),
      ...(recentChanges !== undefined ? { recent_changes: recentChanges } : {}),
      ...(maxTokens !== undefined ? { settings: { maxContextTokens: maxTokens } } : {}),
    })),
    DocumentedUpdate.extend(agentOnly),
  ],
  eitherShape(
    "{name, summary, current_focus, recent_changes, settings}",
    "{summary, currentFocus, recentChanges, maxTokens}",
  ),
);
/** §6.4: the project fields to change, as the document or ClaudeNest's agent names them. */
export type UpdateProjectInput = z.input<typeof DocumentedUpdate> | AgentProjectUpdate;

/** The zod schema of {@link ProjectStats}. */
export const ProjectStatsSchema = z.object({
  total_tokens: z.number().int(),
  max_tokens: z.number().int(),
  token_usage_percent: z.number(),
  active_instances: z.number().int(),
  total_tasks: z.number().int(),
  completed_tasks: z.number().int(),
  pending_tasks: z.number().int(),
  in_progress_tasks: z.number().int(),
  active_locks: z.number().int(),
});
/** §6.6: a project's token usage, task counts, active instances and locks. */
export interface ProjectStats extends z.output<typeof ProjectStatsSchema> {}

/** The zod schema of {@link Instance}. */
export const InstanceSchema = z.object({
  id: z.string(),
  status: z.enum(["idle", "busy"]),
  context_usage: z.number(),
  /** `context_usage` under the name ClaudeNest's own server and web UI use. */
  context_usage_percent: z.number(),
  tasks_completed: z.number().int(),
  current_task_id: Id.nullable(),
  uptime: z.number().int(),
});
/** §6.7: a Claude instance working on a project. */
export interface Instance extends z.output<typeof InstanceSchema> {}

/** The zod schema of {@link Activity}. */
export const ActivitySchema = z.object({
  id: Id,
  instance_id: z.string().nullable(),
  type: z.string(),
  details: z.record(z.string(), z.unknown()),
  created_at: Timestamp,
});
/** §6.8: one entry of a project's activity log. */
export interface Activity extends z.output<typeof ActivitySchema> {}

const BroadcastContent = z.string().min(1).max(10_000);
const DocumentedBroadcast = z.object({
  type: z.string().min(1).max(64),
  content: BroadcastContent,
  /** `all`, or one instance id. @default "all" */
  target: z.string().min(1).max(255).optional(),
});
/** The zod schema of {@link AgentBroadcastBody}. */
export const AgentBroadcastBodySchema = z.strictObject({
  message: BroadcastContent,
  /** The sending instance. */
  instance_id: z.string().min(1).max(255).optional(),
});
/** §6.9 as ClaudeNest's agent broadcasts: the text in `message`, from the instance `instance_id`. */
export interface AgentBroadcastBody extends z.output<typeof AgentBroadcastBodySchema> {}

/** The zod schema of {@link BroadcastBody}: the document's body, or the agent's read into it. */
export const BroadcastBodySchema = z.union(
  [
    DocumentedBroadcast,
    AgentBroadcastBodySchema.transform(({ message, instance_id }) => ({
      type: "info",
      content: message,
      target: "all",
      instance_id,
    })),
  ],
  eitherShape("{type, content}", "{message}"),
);
/** §6.9: a message for a project's instances, and (from the agent's body) the instance sending it. */
export interface BroadcastBody extends z.output<typeof DocumentedBroadcast> {
  instance_id?: string;
}
/** §6.9: a message for a project's instances, as the document or ClaudeNest's agent sends it. */
export type BroadcastInput = z.input<typeof DocumentedBroadcast> | AgentBroadcastBody;

/** The zod schema of {@link Broadcast}. */
export const BroadcastSchema = z.object({
  id: Id,
  type: z.string(),
  content: z.string(),
  target: z.string(),
  recipients: z.array(z.string()),
  created_at: Timestamp,
});
/** §6.9: a message broadcast to a project's instances, with the instances it reached. */
export interface Broadcast extends z.output<typeof BroadcastSchema> {}

const MachineParam = z.object({ machine: Id });
const ProjectParam = z.object({ id: Id });

const list = endpoint({
  method: "GET",
  path: "/machines/{machine}/projects",
  section: "§6.1",
  summary: "List the shared projects of a machine",
  auth: "agent",
  params: MachineParam,
  response: named<Project[]>(z.array(ProjectSchema)),
  errors: ["MCH_001"],
});

const create = endpoint({
  method: "POST",
  path: "/machines/{machine}/projects",
  section: "§6.2",
  summary: "Create a shared project on a machine",
  auth: "agent",
  params: MachineParam,
  body: named<CreateProjectBody>(CreateProjectBodySchema),
  response: named<ProjectDetail>(ProjectDetailSchema),
  status: 201,
  errors: ["MCH_001", "PRJ_002"],
});

const get = endpoint({
  method: "GET",
  path: "/projects/{id}",
  section: "§6.3",
  summary: "Get a project",
  auth: "agent",
  params: ProjectParam,
  response: named<ProjectDetail>(ProjectDetailSchema),
  errors: ["PRJ_001"],
});

const update = endpoint({
  method: "PATCH",
  path: "/projects/{id}",
  section: "§6.4",
  summary: "Update a project",
  auth: "agent",
  params: ProjectParam,
  body: named<UpdateProjectBody, UpdateProjectInput>(UpdateProjectBodySchema),
  response: named<ProjectDetail>(ProjectDetailSchema),
  errors: ["PRJ_001"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/projects/{id}",
  section: "§6.5",
  summary: "Delete a project with its tasks, locks, context and activity",
  auth: "user",
  params: ProjectParam,
  response: named<null>(Nothing),
  errors: ["PRJ_001"],
});

const stats = endpoint({
  method: "GET",
  path: "/projects/{id}/stats",
  section: "§6.6",
  summary: "Token usage, task counts, active instances and locks",
  auth: "agent",
  params: ProjectParam,
  response: named<ProjectStats>(ProjectStatsSchema),
  errors: ["PRJ_001"],
});

const instances = endpoint({
  method: "GET",
  path: "/projects/{id}/instances",
  section: "§6.7",
  summary: "The Claude instances working on the project",
  auth: "agent",
  params: ProjectParam,
  response: named<Instance[]>(z.array(InstanceSchema)),
  errors: ["PRJ_001"],
});

const activity = endpoint({
  method: "GET",
  path: "/projects/{id}/activity",
  section: "§6.8",
  summary: "The project's activity log, newest first",
  auth: "agent",
  params: ProjectParam,
  query: named<{ limit?: number | undefined }>(
    z.object({ limit: z.coerce.number<number>().int().min(1).max(500).optional() }),
  ),
  response: named<Activity[]>(z.array(ActivitySchema)),
  errors: ["PRJ_001"],
});

const broadcast = endpoint({
  method: "POST",
  path: "/projects/{id}/broadcast",
  section: "§6.9",
  summary: "Broadcast a message to the project's instances",
  auth: "agent",
  params: ProjectParam,
  body: named<BroadcastBody, BroadcastInput>(BroadcastBodySchema),
  response: named<Broadcast>(BroadcastSchema),
  status: 201,
  errors: ["PRJ_001"],
});

/** The projects endpoints. */
export const projects = { list, create, get, update, remove, stats, instances, activity, broadcast, ...projectScan };
