/**
 * @module
 * §6 Agent Orchestration: the agent roles, each account's pool of agents per role, and tasks that run on them
 * on the server's clock.
 *
 * Choices where the document is vague:
 * - Anyone may list agents; without a key the list shows each role's first agent as the public catalog
 *   (`available`, no task). With a key it shows the caller's own pools: `current` agents per role (one until the
 *   pool is scaled), each `busy` while it runs one of the caller's tasks (`currentTask`, `load` 1) and
 *   `available` otherwise. `offline` agents exist only while a pool scales down. Metrics count the caller's
 *   completed tasks on that agent.
 * - A task is `queued` when created; it starts one second later (the dispatch) on a free agent it may run on
 *   (see `distributed`), highest `priority` first then oldest, and otherwise waits for one. It runs `estimatedDuration`
 *   seconds, which depends on its `type` (design 300, review 120, implement 600, test 180, docs 120, anything
 *   else 240), its `progress` growing with the clock and its `output.messages` at each quarter; then it is
 *   `completed`, or `failed` when its `deadline` came first (a queued task past its deadline fails without
 *   running). `agentId` is the agent it runs on, `null` while no agent has taken it.
 * - `output.files` lists `task.input.files` when the input names files, otherwise nothing; `output.result`
 *   echoes the input back with the agent's summary.
 * - `distributed` (§6: "use cloud agent pool") says where a task may run: `false` (the default) on the role's
 *   first agent of the account (`agent_<role>_001`) only, `true` on any agent of the role's pool. So scaling a pool
 *   speeds up distributed tasks; the others keep their order on the first agent (a pool scaled to 0 runs nothing).
 * - Cancelling a queued or running task makes it `cancelled`; cancelling a cancelled task answers it again (a
 *   retried DELETE is harmless); a completed or failed task is `VALIDATION_ERROR`. A task of another account is
 *   `RESOURCE_NOT_FOUND`.
 * - `webhookUrl` (outside the documented base, method undocumented) is where a `POST {url, secret?}` subscribes a
 *   URL to that one task's `task.completed` event; see the webhooks module.
 * - Scaling sets a role's pool: `target` between `min` and `max` (else `VALIDATION_ERROR`; `min` and `target`
 *   default to the pool's, `max` to the pool's within the plan, or `target` when that is larger), and `max` within
 *   the plan's concurrency (Free 5, Pro 25, Enterprise 100 agents per pool, else `AUTH_INSUFFICIENT`). A pool never
 *   scaled has one agent, `min` 1 and `max` 10. The pool moves one agent every 10 seconds towards the target (`scaling`,
 *   `estimatedReady`), then is `ready`; new agents take queued tasks as soon as they are ready, and a pool
 *   scaled down finishes the running tasks of the agents it removes. `autoScale` moves the target one agent at a
 *   time by load, whenever the pool's tasks are read or advanced and it is not already scaling: up while its
 *   distributed tasks (running and queued) per agent exceed `scaleUpThreshold`, down while they are below
 *   `scaleDownThreshold`, within `min` and `max`.
 * - An unknown `agentRole` or `role` is `RESOURCE_NOT_FOUND`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { PageQuery, PaginationSchema, Timestamp } from "./common.ts";
import { agentExample, agentTaskExample, createAgentTaskExample, entity } from "./examples.ts";

/** An agent's state. */
export const AgentStatus = z.enum(["available", "busy", "offline"]);

/** The zod schema of {@link Agent}. */
export const AgentSchema = entity(
  z.object({
    id: z.string(),
    role: z.string(),
    model: z.string(),
    status: AgentStatus,
    capabilities: z.array(z.string()),
    currentTask: z.string().nullable(),
    /** 0 to 1. */
    load: z.number(),
    lastActivity: Timestamp.nullable(),
    metrics: z.object({
      tasksCompleted: z.number().int(),
      /** Milliseconds. */
      avgResponseTime: z.number(),
      successRate: z.number(),
    }),
  }),
  { name: "Agent", example: agentExample },
);
/** §6 List Agents: an agent of a role. */
export interface Agent extends z.output<typeof AgentSchema> {}

/** The zod schema of {@link AgentPage}. */
export const AgentPageSchema = z.object({ agents: z.array(AgentSchema), pagination: PaginationSchema });
/** A page of agents. */
export interface AgentPage extends z.output<typeof AgentPageSchema> {}

/** The zod schema of {@link AgentListQuery}. */
export const AgentListQuerySchema = z.object({
  status: AgentStatus.optional(),
  role: z.string().max(100).optional(),
  ...PageQuery,
});
/** §6 List Agents: filters and page. */
export interface AgentListQuery extends z.output<typeof AgentListQuerySchema> {}

/** A task's state; `completed`, `failed` and `cancelled` are final. */
export const TaskStatus = z.enum(["queued", "in_progress", "completed", "failed", "cancelled"]);
/** The state of an agent task. */
export type TaskStatus = z.output<typeof TaskStatus>;

/** The zod schema of {@link CreateTaskBody}. */
export const CreateTaskBodySchema = withExample(
  z.object({
    agentRole: z.string().min(1).max(100),
    task: z.object({
      name: z.string().min(1).max(200),
      description: z.string().max(10_000).optional(),
      type: z.string().min(1).max(50).optional(),
      /** @default "medium" */
      priority: z.enum(["low", "medium", "high", "critical"]).optional(),
      /** Free-form input for the agent (at most 100 KB as JSON); `files` (strings) become the output's files. */
      input: z.record(z.string(), z.unknown()).optional(),
      deadline: z.iso.datetime({ offset: true }).optional(),
    }),
    /** Use the cloud agent pool. @default false */
    distributed: z.boolean().optional(),
  }),
  createAgentTaskExample,
);
/** §6 Create Agent Task. */
export interface CreateTaskBody extends z.output<typeof CreateTaskBodySchema> {}

/** The zod schema of {@link TaskCreated}. */
export const TaskCreatedSchema = z.object({
  taskId: z.string(),
  agentId: z.string().nullable(),
  status: TaskStatus,
  /** Seconds. */
  estimatedDuration: z.number().int(),
  createdAt: Timestamp,
  webhookUrl: z.string(),
});
/** A task that was created. */
export interface TaskCreated extends z.output<typeof TaskCreatedSchema> {}

/** The zod schema of {@link TaskOutput}. */
export const TaskOutputSchema = z.object({
  files: z.array(z.string()),
  messages: z.array(z.string()),
  result: z.record(z.string(), z.unknown()).optional(),
});
/** What a task produced so far. */
export interface TaskOutput extends z.output<typeof TaskOutputSchema> {}

/** The zod schema of {@link AgentTask}. */
export const AgentTaskSchema = entity(
  z.object({
    taskId: z.string(),
    status: TaskStatus,
    /** 0 to 100. */
    progress: z.number().int(),
    agentId: z.string().nullable(),
    startedAt: Timestamp.nullable(),
    estimatedCompletion: Timestamp.nullable(),
    output: TaskOutputSchema,
    // Not in the document (server-lite answers them; optional, so the document's own answers validate too):
    name: z.string().optional(),
    agentRole: z.string().optional(),
    priority: z.string().optional(),
    distributed: z.boolean().optional(),
    createdAt: Timestamp.optional(),
    completedAt: Timestamp.nullable().optional(),
    cancelledAt: Timestamp.nullable().optional(),
    error: z.string().nullable().optional(),
  }),
  { name: "AgentTask", example: agentTaskExample },
);
/** §6 Get Task Status. */
export interface AgentTask extends z.output<typeof AgentTaskSchema> {}

/** The zod schema of {@link CancelledTask}. */
export const CancelledTaskSchema = z.object({
  taskId: z.string(),
  status: z.literal("cancelled"),
  cancelledAt: Timestamp,
});
/** §6 Cancel Task. */
export interface CancelledTask extends z.output<typeof CancelledTaskSchema> {}

const PoolSize = z.number().int().min(0).max(1000);

/** The zod schema of {@link ScalePoolBody}. */
export const ScalePoolBodySchema = z.object({
  role: z.string().min(1).max(100),
  min: PoolSize.optional(),
  max: PoolSize.optional(),
  target: PoolSize.optional(),
  autoScale: z.boolean().optional(),
  scaleUpThreshold: z.number().min(0).max(1).optional(),
  scaleDownThreshold: z.number().min(0).max(1).optional(),
});
/** §6 Agent Pool Management. */
export interface ScalePoolBody extends z.output<typeof ScalePoolBodySchema> {}

/** The zod schema of {@link PoolState}. */
export const PoolStateSchema = z.object({
  poolId: z.string(),
  current: z.number().int(),
  status: z.enum(["scaling", "ready"]),
  target: z.number().int(),
  estimatedReady: Timestamp,
  // Not in the document (server-lite answers them; optional, so the document's own answers validate too):
  role: z.string().optional(),
  min: z.number().int().optional(),
  max: z.number().int().optional(),
  autoScale: z.boolean().optional(),
  scaleUpThreshold: z.number().optional(),
  scaleDownThreshold: z.number().optional(),
});
/** A pool and how far its scaling has come. */
export interface PoolState extends z.output<typeof PoolStateSchema> {}

const TaskIdParams = z.object({ id: z.string().min(1).max(100) });

const list = endpoint({
  method: "GET",
  path: "/agents",
  section: "§6 List Agents",
  summary: "List agents: the public catalog, or with a key the caller's pools",
  auth: "optional",
  query: named<AgentListQuery, z.input<typeof AgentListQuerySchema>>(AgentListQuerySchema),
  response: named<AgentPage>(AgentPageSchema),
  paginated: true,
  items: "agents",
});

const createTask = endpoint({
  method: "POST",
  path: "/agents/tasks",
  section: "§6 Create Agent Task",
  summary: "Create a task for an agent role",
  auth: "user",
  body: named<CreateTaskBody>(CreateTaskBodySchema),
  response: named<TaskCreated>(TaskCreatedSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const getTask = endpoint({
  method: "GET",
  path: "/agents/tasks/{id}",
  section: "§6 Get Task Status",
  summary: "Get a task's status, progress and output",
  auth: "user",
  params: TaskIdParams,
  response: named<AgentTask>(AgentTaskSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const cancelTask = endpoint({
  method: "DELETE",
  path: "/agents/tasks/{id}",
  section: "§6 Cancel Task",
  summary: "Cancel a queued or running task",
  auth: "user",
  params: TaskIdParams,
  response: named<CancelledTask>(CancelledTaskSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const scalePool = endpoint({
  method: "POST",
  path: "/agents/pool/scale",
  section: "§6 Agent Pool Management",
  summary: "Scale a role's agent pool",
  auth: "user",
  body: named<ScalePoolBody>(ScalePoolBodySchema),
  response: named<PoolState>(PoolStateSchema),
  errors: ["RESOURCE_NOT_FOUND", "AUTH_INSUFFICIENT"],
});

/** The agent orchestration endpoints; `ccjk.agents.tasks.watch(id)` follows a task. */
export const agents = { list, createTask, getTask, cancelTask, scalePool };
