/**
 * @module
 * §Task Endpoints: tasks, their comments, files, history and assignment.
 *
 * Choices where the document is vague:
 * - Statuses are `pending, active, completed, failed, cancelled`; priorities `low, medium, high`. `progress` is a
 *   fraction from 0 to 1 (the bash monitor's "%" is wrong). Completing a task without a `progress` sets it to 1
 *   and records `completedAt`.
 * - A task is seen by its creator, by the members of its project and by administrators; anybody else gets 404.
 * - `list` filters combine with AND; `tags` matches tasks having every tag named; `search` matches title and
 *   description, case-insensitively; the default order is `createdAt desc`; `priority` sorts by rank
 *   (`high` > `medium` > `low`); `dueDate` sorts tasks without one last. Pages answer `pagination` with
 *   `hasNext`/`hasPrev` and `links` (`first`, `last`, `next`, `prev`) beside `data`.
 * - `GET /api/tasks` (the Authentication section's unversioned example) is the same list.
 * - `include` takes `comments, files, history, metrics`; unknown names are a `VALIDATION_ERROR`. History is
 *   recorded by every change: `created`, `updated` (with the fields changed), `status_changed` (`from`, `to`),
 *   `assigned`, `commented`, `file_uploaded`; a `reason` given to PUT or PATCH is kept on its entries.
 *   `metrics`: `timeSpent` is `actualHours`, `completionRate` is `progress`, `changeRequests` counts the updates
 *   after the task was first completed, and `qualityScore` is `null` (server-lite does not grade work).
 * - PUT replaces the editable fields: `title` is required, and an optional field left out returns to its default
 *   (`description` "", `tags` [], `dueDate` null, ...); `status`, `progress` and `actualHours` are kept unless
 *   given. PATCH changes only what it names.
 * - DELETE answers 204; its `reason` is logged (system logs).
 * - `assign` needs an enabled agent with room (`currentTasks < maxConcurrentTasks`) and a task that is not
 *   completed, failed or cancelled; otherwise 409 `CONFLICT_ERROR`. `priority` and `dueDate` are optional.
 * - Comment `mentions` are user ids of the organization (others are a `VALIDATION_ERROR`); each mentioned user
 *   gets a notification. `author` is the commenting user's id.
 * - Files: one `file` field (at most 512 KiB, of the types in `TASK_FILE_TYPES`) and an optional `description`;
 *   a larger or other file is a `VALIDATION_ERROR` on `file`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { CommaList, Id, Nothing, PageQuery, RefSchema, Timestamp } from "./common.ts";
import { createTaskExample, entity, taskExample } from "./examples.ts";

/** Task statuses. */
export const TASK_STATUSES = ["pending", "active", "completed", "failed", "cancelled"] as const;
/** The zod schema of {@link TaskStatus}. */
export const TaskStatusSchema = z.enum(TASK_STATUSES);
/** Where a task is. */
export type TaskStatus = z.output<typeof TaskStatusSchema>;

/** The zod schema of {@link Priority}. */
export const PrioritySchema = z.enum(["low", "medium", "high"]);
/** How urgent a task (or project) is. */
export type Priority = z.output<typeof PrioritySchema>;

/** Largest task file, in bytes. */
export const TASK_FILE_MAX_BYTES = 512 * 1024;
/** Media types a task file may have (`text/*` is accepted too). */
export const TASK_FILE_TYPES = [
  "application/json",
  "application/pdf",
  "application/zip",
  "application/octet-stream",
  "image/png",
  "image/jpeg",
  "image/gif",
  "image/webp",
  "image/svg+xml",
] as const;

/** The zod schema of {@link AssignedAgent}. */
export const AssignedAgentSchema = RefSchema.extend({ type: z.string() });
/** The agent a task is assigned to, as a list shows it. */
export interface AssignedAgent extends z.output<typeof AssignedAgentSchema> {}

/** The zod schema of {@link Comment}. */
export const CommentSchema = z.object({
  id: Id,
  content: z.string(),
  /** The id of the user who wrote it. */
  author: z.string(),
  mentions: z.array(z.string()),
  createdAt: Timestamp,
});
/** A comment on a task. */
export interface Comment extends z.output<typeof CommentSchema> {}

/** The zod schema of {@link TaskFile}. */
export const TaskFileSchema = z.object({
  id: Id,
  name: z.string(),
  size: z.number().int(),
  mimeType: z.string(),
  description: z.string().nullable(),
  uploadedBy: z.string(),
  uploadedAt: Timestamp,
});
/** A file attached to a task. */
export interface TaskFile extends z.output<typeof TaskFileSchema> {}

/** The zod schema of {@link HistoryEntry}. */
export const HistoryEntrySchema = z.object({
  id: Id,
  action: z.string(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  /** The user (or, for agents' API keys, the key owner) who made the change. */
  user: z.string(),
  reason: z.string().nullable(),
  timestamp: Timestamp,
});
/** One recorded change of a task. */
export interface HistoryEntry extends z.output<typeof HistoryEntrySchema> {}

/** The zod schema of {@link TaskMetrics}. */
export const TaskMetricsSchema = z.object({
  timeSpent: z.number(),
  completionRate: z.number(),
  qualityScore: z.number().nullable(),
  changeRequests: z.number().int(),
});
/** Figures of one task. */
export interface TaskMetrics extends z.output<typeof TaskMetricsSchema> {}

/** The zod schema of {@link Task}. */
export const TaskSchema = entity(
  z.object({
    id: Id,
    title: z.string(),
    description: z.string(),
    status: TaskStatusSchema,
    priority: PrioritySchema,
    projectId: z.string().nullable(),
    agentId: z.string().nullable(),
    tags: z.array(z.string()),
    estimatedHours: z.number().nullable(),
    actualHours: z.number(),
    progress: z.number(),
    dueDate: Timestamp.nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    completedAt: Timestamp.nullable(),
    createdBy: z.string(),
    requirements: z.array(z.string()),
    acceptanceCriteria: z.array(z.string()),
    assignedAgent: AssignedAgentSchema.nullable(),
    project: RefSchema.nullable(),
    comments: z.array(CommentSchema).optional(),
    files: z.array(TaskFileSchema).optional(),
    history: z.array(HistoryEntrySchema).optional(),
    metrics: TaskMetricsSchema.optional(),
  }),
  { name: "Task", example: taskExample },
);
/** A task; `comments`, `files`, `history` and `metrics` only when asked for with `include`. */
export interface Task extends z.output<typeof TaskSchema> {}

const SORT_FIELDS = ["createdAt", "updatedAt", "priority", "dueDate"] as const;

/** The zod schema of {@link ListTasksQuery}. */
export const ListTasksQuerySchema = z.object({
  ...PageQuery,
  status: TaskStatusSchema.optional(),
  priority: PrioritySchema.optional(),
  projectId: Id.optional(),
  agentId: Id.optional(),
  search: z.string().max(500).optional(),
  tags: CommaList.optional(),
  createdAfter: z.iso.datetime({ offset: true }).optional(),
  createdBefore: z.iso.datetime({ offset: true }).optional(),
  sortBy: z.enum(SORT_FIELDS).optional(),
  sortOrder: z.enum(["asc", "desc"]).optional(),
});
/** Filters, order and page of a task list. */
export interface ListTasksQuery extends z.output<typeof ListTasksQuerySchema> {}

const Title = z.string().trim().min(1, "Title is required").max(500);
const Text = z.string().max(50_000);
const Tags = z.array(z.string().min(1).max(100)).max(50);
const Lines = z.array(z.string().min(1).max(2000)).max(100);
const Hours = z.number().min(0).max(100_000);
const DueDate = z.iso.datetime({ offset: true });

/** The zod schema of {@link CreateTaskBody}. */
export const CreateTaskBodySchema = withExample(
  z.object({
    title: Title,
    description: Text.optional(),
    priority: PrioritySchema.optional(),
    projectId: Id.optional(),
    agentId: Id.optional(),
    tags: Tags.optional(),
    estimatedHours: Hours.optional(),
    dueDate: DueDate.optional(),
    requirements: Lines.optional(),
    acceptanceCriteria: Lines.optional(),
  }),
  createTaskExample,
);
/** A task to create. */
export interface CreateTaskBody extends z.output<typeof CreateTaskBodySchema> {}

/** The zod schema of {@link ReplaceTaskBody}. */
export const ReplaceTaskBodySchema = z.object({
  title: Title,
  description: Text.optional(),
  priority: PrioritySchema.optional(),
  status: TaskStatusSchema.optional(),
  dueDate: DueDate.nullable().optional(),
  tags: Tags.optional(),
  estimatedHours: Hours.nullable().optional(),
  actualHours: Hours.optional(),
  progress: z.number().min(0).max(1).optional(),
  requirements: Lines.optional(),
  acceptanceCriteria: Lines.optional(),
  /** Why, kept in the task's history. */
  reason: z.string().max(2000).optional(),
});
/** PUT: the task's editable fields, replaced. */
export interface ReplaceTaskBody extends z.output<typeof ReplaceTaskBodySchema> {}

/** The zod schema of {@link PatchTaskBody}. */
export const PatchTaskBodySchema = ReplaceTaskBodySchema.partial();
/** PATCH: only the fields named change. */
export interface PatchTaskBody extends z.output<typeof PatchTaskBodySchema> {}

/** The zod schema of {@link GetTaskQuery}. */
export const GetTaskQuerySchema = z.object({
  /** Comma-separated: `comments,files,history,metrics`. */
  include: z
    .string()
    .max(200)
    .regex(/^(comments|files|history|metrics)(,(comments|files|history|metrics))*$/, {
      message: "include must list comments, files, history or metrics",
    })
    .optional(),
});
/** What a task read includes. */
export interface GetTaskQuery extends z.output<typeof GetTaskQuerySchema> {}

/** The zod schema of {@link AssignTaskBody}. */
export const AssignTaskBodySchema = z.object({
  agentId: Id,
  priority: PrioritySchema.optional(),
  dueDate: DueDate.optional(),
});
/** Which agent takes a task. */
export interface AssignTaskBody extends z.output<typeof AssignTaskBodySchema> {}

/** The zod schema of {@link AddCommentBody}. */
export const AddCommentBodySchema = z.object({
  content: z.string().trim().min(1).max(20_000),
  mentions: z.array(Id).max(50).optional(),
});
/** A comment to add. */
export interface AddCommentBody extends z.output<typeof AddCommentBodySchema> {}

/** The zod schema of {@link UploadTaskFileBody}. */
export const UploadTaskFileBodySchema = z.object({
  file: z.instanceof(Blob),
  description: z.string().max(2000).optional(),
});
/** A file to attach (multipart/form-data). */
export interface UploadTaskFileBody {
  file: Blob;
  description?: string | undefined;
}

const TaskParam = z.object({ taskId: Id });
const Item = named<Task>(TaskSchema);
const List = named<Task[]>(z.array(TaskSchema));

/** The task endpoints. */
export const tasks = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/tasks",
    section: "Task Endpoints",
    summary: "Retrieve list of tasks with optional filtering",
    auth: "tasks:read",
    query: named<ListTasksQuery>(ListTasksQuerySchema),
    response: List,
    paginated: true,
  }),
  listExample: endpoint({
    method: "GET",
    path: "/api/tasks",
    section: "Authentication › JWT Bearer Token",
    summary: "List tasks (the Authentication section's unversioned example)",
    auth: "tasks:read",
    query: named<ListTasksQuery>(ListTasksQuerySchema),
    response: List,
    paginated: true,
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/tasks",
    section: "Task Endpoints",
    summary: "Create a new task",
    auth: "tasks:write",
    body: named<CreateTaskBody>(CreateTaskBodySchema),
    response: Item,
    status: 201,
    errors: ["NOT_FOUND"],
  }),
  get: endpoint({
    method: "GET",
    path: "/api/v1/tasks/{taskId}",
    section: "Task Endpoints",
    summary: "Retrieve specific task details",
    auth: "tasks:read",
    params: TaskParam,
    query: named<GetTaskQuery>(GetTaskQuerySchema),
    response: Item,
    errors: ["NOT_FOUND"],
  }),
  update: endpoint({
    method: "PUT",
    path: "/api/v1/tasks/{taskId}",
    section: "Task Endpoints",
    summary: "Update task details",
    auth: "tasks:write",
    params: TaskParam,
    body: named<ReplaceTaskBody>(ReplaceTaskBodySchema),
    response: Item,
    errors: ["NOT_FOUND"],
  }),
  patch: endpoint({
    method: "PATCH",
    path: "/api/v1/tasks/{taskId}",
    section: "Task Endpoints",
    summary: "Partially update task (only specified fields)",
    auth: "tasks:write",
    params: TaskParam,
    body: named<PatchTaskBody>(PatchTaskBodySchema),
    response: Item,
    errors: ["NOT_FOUND"],
  }),
  delete: endpoint({
    method: "DELETE",
    path: "/api/v1/tasks/{taskId}",
    section: "Task Endpoints",
    summary: "Delete a task",
    auth: "tasks:write",
    params: TaskParam,
    query: z.object({ reason: z.string().max(2000).optional() }),
    response: Nothing,
    status: 204,
    errors: ["NOT_FOUND"],
  }),
  assign: endpoint({
    method: "POST",
    path: "/api/v1/tasks/{taskId}/assign",
    section: "Task Endpoints",
    summary: "Assign task to an agent",
    auth: "tasks:write",
    params: TaskParam,
    body: named<AssignTaskBody>(AssignTaskBodySchema),
    response: Item,
    errors: ["NOT_FOUND", "CONFLICT_ERROR"],
  }),
  addComment: endpoint({
    method: "POST",
    path: "/api/v1/tasks/{taskId}/comments",
    section: "Task Endpoints",
    summary: "Add comment to task",
    auth: "tasks:write",
    params: TaskParam,
    body: named<AddCommentBody>(AddCommentBodySchema),
    response: named<Comment>(CommentSchema),
    status: 201,
    errors: ["NOT_FOUND"],
  }),
  uploadFile: endpoint({
    method: "POST",
    path: "/api/v1/tasks/{taskId}/files",
    section: "Task Endpoints",
    summary: "Upload file to task",
    auth: "tasks:write",
    contentType: "multipart",
    params: TaskParam,
    body: named<UploadTaskFileBody>(UploadTaskFileBodySchema),
    response: named<TaskFile>(TaskFileSchema),
    status: 201,
    errors: ["NOT_FOUND"],
  }),
};
