/**
 * @module
 * §7 Tasks: the work of a shared project, claimed by one Claude instance at a time.
 *
 * Choices where the document is silent:
 * - A task carries, beside the fields §7.1 shows, `project_id`, `dependencies` (ids of tasks of the same project),
 *   `claimed_at`, `completed_at`, `completion_summary`, `files_modified` (both `null` until completed) and
 *   `updated_at`. `is_blocked` is true while some dependency is not completed; `is_claimed` while the task is
 *   assigned to an instance. A completed task stays assigned to the instance that completed it.
 * - `list` is paginated (`page`, `per_page`, default 50, at most 100), oldest first.
 * - `next-available` answers `data: null` when no task is available: the highest priority
 *   (`critical` > `high` > `medium` > `low`) pending task whose dependencies are all completed, oldest first among
 *   equals.
 * - `release` (§7.8 shows only `reason`) and `complete` (§7.9 shows only `summary` and `files_modified`) take the
 *   acting instance as an optional `instance_id`, as `claim` does. With it, only the instance holding the claim may
 *   release or complete (`TSK_003`, 403); without it the caller acts for whichever instance holds the claim, as the
 *   document's examples (and ClaudeNest's dashboard) do. Either way the task must be claimed (`TSK_003`, "Task is
 *   not claimed"). `claim`, `release` and `complete` all answer `{ task, message }`.
 * - `claim` and `complete` also take the bodies ClaudeNest's agent sends (`packages/agent/src/context/client.ts`,
 *   `claimTask` and `completeTask`): `{assigned_to}` names the claiming instance (the agent claims as its machine id),
 *   and `{completion_summary, files_modified}` is `{summary, files_modified}` for whichever instance holds the claim.
 *   The answer is the same for both; the agent reads the task's fields at its top level (`id`, `status`).
 * - Claiming a task that is not claimable answers 409 `TSK_002`: claimed by another instance, completed, or
 *   blocked by a dependency that is not completed (the message says which). Claiming again a task the same
 *   instance holds succeeds without changing anything.
 * - `next-available` only reads, so two instances may be offered the same task. The claim is atomic and exactly
 *   one of them wins; the other gets `TSK_002` and asks again. ClaudeNest's own server's `claim-next`, beyond the
 *   document, takes the next task in one step (`task-queue.ts`); `nest.tasks.work` uses it where it exists.
 * - A claim older than the project's `settings.taskTimeoutMinutes` (default 60), measured by the server clock, is
 *   released when any task endpoint of the project next reads it: activity `task_released` and `task:released`
 *   with reason `Claim timed out after N minutes`.
 * - Dependencies must be tasks of the same project, other than the task itself, and may not form a cycle
 *   (`VAL_001`). Deleting a task removes the dependency edges that point to it, which may unblock other tasks.
 * - Status changes only through `claim`, `release` and `complete`; `update` edits the other fields.
 * - `create` and `update` take an optional `instance_id` in the body and `remove` in the query: the instance
 *   that acted, recorded in the activity log and marked as seen. Every task action is logged as activity
 *   (`task_created`, `task_updated`, `task_deleted`, `task_claimed`, `task_released`, `task_completed`) whose
 *   `details` name the task with `task_id` and `task_title`, as §6.8's example does.
 *
 * Realtime (§13.3): task events go to `private-project.{projectId}`, the project's channel (the document names
 * the events but not their channel), open to the project owner's personal token and to the project machine's
 * `mn_` token. Their payloads keep §13.3's camelCase (`instanceId`) although REST bodies are snake_case: wire
 * names stay as documented. After the change is committed: `task:claimed` `{task, instanceId}`, `task:released`
 * `{task, reason}` (`reason` is `null` when none was given) and `task:completed` `{task, summary}`, `task` as
 * `get` answers it. Creating, updating and deleting tasks publish nothing (§13.3 names no such events): a
 * watcher that must see them re-reads the list. `nest.tasks.watch(projectId)` does so after every
 * (re)connection.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { eitherShape, Id, Nothing, PageQuery, Timestamp } from "./common.ts";
import { entity, taskExample } from "./examples.ts";
import { createTaskExample } from "./request-examples.ts";

/** §7.2: how urgent a task is, from `low` to `critical`. */
export const TaskPriority = z.enum(["low", "medium", "high", "critical"]);
export type TaskPriority = z.output<typeof TaskPriority>;

/**
 * A task's progress. The document never lists the statuses: server-lite answers `pending`, `in_progress`
 * (claimed) and `completed` by default; ClaudeNest's own server (`app/Models/SharedTask.php`) uses `pending`,
 * `in_progress`, `blocked`, `review` and `done` (its `done` is server-lite's `completed`). `is_completed` is true
 * for `completed` and `done` alike.
 */
export const TaskStatus = z.enum(["pending", "in_progress", "completed", "blocked", "review", "done"]);
export type TaskStatus = z.output<typeof TaskStatus>;

/** The zod schema of {@link Task}. */
export const TaskSchema = entity(
  z.object({
    id: Id,
    project_id: Id,
    title: z.string(),
    description: z.string().nullable(),
    priority: TaskPriority,
    status: TaskStatus,
    assigned_to: z.string().nullable(),
    is_claimed: z.boolean(),
    /** `status` is `completed` (or ClaudeNest's own `done`). */
    is_completed: z.boolean(),
    is_blocked: z.boolean(),
    /** Why the task was released or blocked, on ClaudeNest's own server; `null` elsewhere. */
    blocked_by: z.string().nullable(),
    files: z.array(z.string()),
    dependencies: z.array(Id),
    estimated_tokens: z.number().int().nullable(),
    claimed_at: Timestamp.nullable(),
    completed_at: Timestamp.nullable(),
    completion_summary: z.string().nullable(),
    files_modified: z.array(z.string()).nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  }),
  { name: "Task", example: taskExample },
);
/** §7.1: a task of a shared project. */
export interface Task extends z.output<typeof TaskSchema> {}

/** The instance acting on a task: any name the instance chooses, stable for its lifetime. */
const InstanceId = z.string().min(1).max(255);
const Files = z.array(z.string().min(1).max(4096)).max(1000);
const Dependencies = z.array(Id).max(100);
const Description = z.string().max(100_000);
const EstimatedTokens = z.number().int().min(0).max(100_000_000);

/** The zod schema of {@link CreateTaskBody}. */
export const CreateTaskBodySchema = withExample(
  z.object({
    title: z.string().min(1).max(255),
    description: Description.optional(),
    /** @default "medium" */
    priority: TaskPriority.optional(),
    /** @default [] */
    files: Files.optional(),
    /** Ids of tasks of the same project that must be completed first. @default [] */
    dependencies: Dependencies.optional(),
    estimated_tokens: EstimatedTokens.optional(),
    /** The instance creating the task, for the activity log. */
    instance_id: InstanceId.optional(),
  }),
  createTaskExample,
);
/** §7.2: a task to create in a project. */
export interface CreateTaskBody extends z.output<typeof CreateTaskBodySchema> {}

/** The zod schema of {@link UpdateTaskBody}. */
export const UpdateTaskBodySchema = z.object({
  title: z.string().min(1).max(255).optional(),
  description: Description.nullable().optional(),
  priority: TaskPriority.optional(),
  files: Files.optional(),
  /** Replaces the task's dependencies. */
  dependencies: Dependencies.optional(),
  estimated_tokens: EstimatedTokens.nullable().optional(),
  /** The instance editing the task, for the activity log. */
  instance_id: InstanceId.optional(),
});
/** §7.5: the task fields to change (its status changes only by claim, release and complete). */
export interface UpdateTaskBody extends z.output<typeof UpdateTaskBodySchema> {}

/** The zod schema of {@link ListTasksQuery}. */
export const ListTasksQuerySchema = z.object({
  status: TaskStatus.optional(),
  priority: TaskPriority.optional(),
  ...PageQuery,
});
/** §7.1: filters and page of the task list. */
export interface ListTasksQuery extends z.output<typeof ListTasksQuerySchema> {}

/** The document's claim body, `{instance_id}` (also what `claim-next` takes). */
export const InstanceClaimSchema = z.object({ instance_id: InstanceId });
/** The zod schema of {@link AgentClaimBody}. */
export const AgentClaimBodySchema = z.strictObject({ assigned_to: InstanceId });
/** §7.7 as ClaudeNest's agent claims: the claiming instance in `assigned_to`. */
export interface AgentClaimBody extends z.output<typeof AgentClaimBodySchema> {}

/** The zod schema of {@link ClaimTaskBody}: the document's body, or the agent's read into it. */
export const ClaimTaskBodySchema = z.union(
  [InstanceClaimSchema, AgentClaimBodySchema.transform(({ assigned_to }) => ({ instance_id: assigned_to }))],
  eitherShape("{instance_id}", "{assigned_to}"),
);
/** §7.7: the instance claiming the task. */
export interface ClaimTaskBody extends z.output<typeof InstanceClaimSchema> {}
/** §7.7: the instance claiming the task, as the document or ClaudeNest's agent names it. */
export type ClaimTaskInput = ClaimTaskBody | AgentClaimBody;

/** The zod schema of {@link ReleaseTaskBody}. */
export const ReleaseTaskBodySchema = z.object({
  /** The instance releasing its claim; without it the task is released whoever holds it. */
  instance_id: InstanceId.optional(),
  reason: z.string().max(1000).optional(),
});
/** §7.8: why the task is released, and by which instance. */
export interface ReleaseTaskBody extends z.output<typeof ReleaseTaskBodySchema> {}

const Summary = z.string().min(1).max(100_000);
const DocumentedCompletion = z.object({
  /** The instance completing its claimed task; without it the task is completed for whoever holds it. */
  instance_id: InstanceId.optional(),
  summary: Summary,
  /** @default [] */
  files_modified: Files.optional(),
});
/** The zod schema of {@link AgentCompleteBody}. */
export const AgentCompleteBodySchema = z.strictObject({
  completion_summary: Summary,
  /** @default [] */
  files_modified: Files.optional(),
});
/** §7.9 as ClaudeNest's agent completes: `completion_summary` for `summary`, for whoever holds the claim. */
export interface AgentCompleteBody extends z.output<typeof AgentCompleteBodySchema> {}

/** The zod schema of {@link CompleteTaskBody}: the document's body, or the agent's read into it. */
export const CompleteTaskBodySchema = z.union(
  [
    DocumentedCompletion,
    AgentCompleteBodySchema.transform(({ completion_summary, files_modified }) => ({
      summary: completion_summary,
      files_modified,
    })),
  ],
  eitherShape("{summary, files_modified}", "{completion_summary, files_modified}"),
);
/** §7.9: what was done, and by which instance. */
export interface CompleteTaskBody extends z.output<typeof DocumentedCompletion> {}
/** §7.9: what was done, as the document or ClaudeNest's agent says it. */
export type CompleteTaskInput = CompleteTaskBody | AgentCompleteBody;

/** The zod schema of {@link TaskAction}. */
export const TaskActionSchema = z.object({ task: TaskSchema, message: z.string() });
/** §7.7: the task after a claim, release or completion, and what happened. */
export interface TaskAction extends z.output<typeof TaskActionSchema> {}

const ProjectParam = z.object({ project: Id });
const TaskParam = z.object({ id: Id });

const list = endpoint({
  method: "GET",
  path: "/projects/{project}/tasks",
  section: "§7.1",
  summary: "List a project's tasks, oldest first",
  auth: "agent",
  params: ProjectParam,
  query: named<ListTasksQuery>(ListTasksQuerySchema),
  response: named<Task[]>(z.array(TaskSchema)),
  paginated: true,
  errors: ["PRJ_001"],
});

const create = endpoint({
  method: "POST",
  path: "/projects/{project}/tasks",
  section: "§7.2",
  summary: "Create a task",
  auth: "agent",
  params: ProjectParam,
  body: named<CreateTaskBody>(CreateTaskBodySchema),
  response: named<Task>(TaskSchema),
  status: 201,
  errors: ["PRJ_001"],
});

const nextAvailable = endpoint({
  method: "GET",
  path: "/projects/{project}/tasks/next-available",
  section: "§7.3",
  summary: "The highest priority unclaimed task whose dependencies are completed, or null",
  auth: "agent",
  params: ProjectParam,
  response: named<Task | null>(TaskSchema.nullable()),
  errors: ["PRJ_001"],
});

const get = endpoint({
  method: "GET",
  path: "/tasks/{id}",
  section: "§7.4",
  summary: "Get a task",
  auth: "agent",
  params: TaskParam,
  response: named<Task>(TaskSchema),
  errors: ["TSK_001"],
});

const update = endpoint({
  method: "PATCH",
  path: "/tasks/{id}",
  section: "§7.5",
  summary: "Update a task's title, description, priority, files, dependencies or estimate",
  auth: "agent",
  params: TaskParam,
  body: named<UpdateTaskBody>(UpdateTaskBodySchema),
  response: named<Task>(TaskSchema),
  errors: ["TSK_001"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/tasks/{id}",
  section: "§7.6",
  summary: "Delete a task and the dependency edges that point to it",
  auth: "agent",
  params: TaskParam,
  query: named<{ instance_id?: string | undefined }>(z.object({ instance_id: InstanceId.optional() })),
  response: named<null>(Nothing),
  errors: ["TSK_001"],
});

const claim = endpoint({
  method: "POST",
  path: "/tasks/{id}/claim",
  section: "§7.7",
  summary: "Claim a task for an instance",
  auth: "agent",
  params: TaskParam,
  body: named<ClaimTaskBody, ClaimTaskInput>(ClaimTaskBodySchema),
  response: named<TaskAction>(TaskActionSchema),
  errors: ["TSK_001", "TSK_002"],
});

const release = endpoint({
  method: "POST",
  path: "/tasks/{id}/release",
  section: "§7.8",
  summary: "Release a task the instance claimed",
  auth: "agent",
  params: TaskParam,
  body: named<ReleaseTaskBody>(ReleaseTaskBodySchema),
  response: named<TaskAction>(TaskActionSchema),
  errors: ["TSK_001", "TSK_003"],
  note: "The document shows only `reason`; an optional `instance_id` makes it holder-only.",
});

const complete = endpoint({
  method: "POST",
  path: "/tasks/{id}/complete",
  section: "§7.9",
  summary: "Complete a task the instance claimed",
  auth: "agent",
  params: TaskParam,
  body: named<CompleteTaskBody, CompleteTaskInput>(CompleteTaskBodySchema),
  response: named<TaskAction>(TaskActionSchema),
  errors: ["TSK_001", "TSK_003"],
  note: "The document shows only `summary` and `files_modified`; an optional `instance_id` makes it holder-only.",
});

/** The tasks endpoints. */
export const tasks = { list, create, nextAvailable, get, update, remove, claim, release, complete };
