/**
 * @module
 * §Agent Endpoints: the AI agents tasks are assigned to, and their figures.
 *
 * Choices where the document is vague:
 * - Agents belong to the organization: every member sees them; only their creator or an administrator changes,
 *   enables or disables one (otherwise 403 `AUTHORIZATION_ERROR`).
 * - `status` is computed: `offline` while disabled, `busy` at `maxConcurrentTasks` pending or active tasks,
 *   else `available` (`error` is never reached: server-lite runs no agent). `available=true` lists the
 *   `available` ones; `capabilities` matches agents having every capability named.
 * - PUT changes the fields it names (the document shows no body; PUT here is a partial update of the creation
 *   fields). `disable` takes an optional `reason`, kept as `disabledReason` and in the agent's logs.
 * - Figures are computed from the task history: `currentTasks` (pending or active tasks assigned),
 *   `totalTasksCompleted`, `successRate` (completed ÷ completed-or-failed, `null` before any),
 *   `averageResponseTime` (mean seconds from assignment to the task leaving `pending`, `null` before any).
 *   In `metrics`, `averageCompletionTime` is the mean hours from assignment to completion; the period runs from
 *   the agent's creation to now; `activeHours` sums the hours its tasks were active; `peakHours` are the two
 *   UTC hours in which most of its tasks were completed. The document's `qualityScore`, `customerSatisfaction`
 *   and `codeQualityScore` are `null`: nothing in server-lite grades work.
 * - `include` on `get` takes `tasks, metrics, logs`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { CommaList, Id, PageQuery, QueryBoolean, Timestamp } from "./common.ts";
import { agentExample, createAgentExample, entity } from "./examples.ts";
import { type Task, TaskSchema, TaskStatusSchema } from "./tasks.ts";

/** The zod schema of {@link AgentType}. */
export const AgentTypeSchema = z.enum(["coding", "analysis", "review", "qa", "documentation"]);
/** What an agent does. */
export type AgentType = z.output<typeof AgentTypeSchema>;
/** The zod schema of {@link AgentStatus}. */
export const AgentStatusSchema = z.enum(["available", "busy", "offline", "error"]);
/** Whether an agent can take work. */
export type AgentStatus = z.output<typeof AgentStatusSchema>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "Use HH:MM" });
/** The zod schema of {@link WorkingHours}. */
export const WorkingHoursSchema = z.object({
  timezone: z.string().min(1).max(100),
  start: Clock,
  end: Clock,
  days: z
    .array(z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]))
    .max(7)
    .optional(),
});
/** When an agent works. */
export interface WorkingHours extends z.output<typeof WorkingHoursSchema> {}

/** The zod schema of {@link AgentLog}. */
export const AgentLogSchema = z.object({ timestamp: Timestamp, level: z.string(), message: z.string() });
/** One line of an agent's log. */
export interface AgentLog extends z.output<typeof AgentLogSchema> {}

/** The zod schema of {@link AgentMetrics}. */
export const AgentMetricsSchema = z.object({
  agentId: Id,
  period: z.object({ start: Timestamp, end: Timestamp }),
  taskMetrics: z.object({
    totalTasks: z.number().int(),
    completedTasks: z.number().int(),
    failedTasks: z.number().int(),
    cancelledTasks: z.number().int(),
    successRate: z.number().nullable(),
    averageCompletionTime: z.number().nullable(),
  }),
  performanceMetrics: z.object({
    averageResponseTime: z.number().nullable(),
    qualityScore: z.number().nullable(),
    customerSatisfaction: z.number().nullable(),
    codeQualityScore: z.number().nullable(),
  }),
  utilizationMetrics: z.object({
    totalHours: z.number(),
    activeHours: z.number(),
    utilizationRate: z.number(),
    peakHours: z.array(z.string()),
  }),
});
/** An agent's performance figures. */
export interface AgentMetrics extends z.output<typeof AgentMetricsSchema> {}

/** The zod schema of {@link Agent}. */
export const AgentSchema = entity(
  z.object({
    id: Id,
    name: z.string(),
    type: AgentTypeSchema,
    status: AgentStatusSchema,
    enabled: z.boolean(),
    disabledReason: z.string().nullable(),
    model: z.string().nullable(),
    provider: z.string().nullable(),
    capabilities: z.array(z.string()),
    specializations: z.array(z.string()),
    maxConcurrentTasks: z.number().int(),
    currentTasks: z.number().int(),
    averageResponseTime: z.number().nullable(),
    successRate: z.number().nullable(),
    totalTasksCompleted: z.number().int(),
    createdAt: Timestamp,
    lastActiveAt: Timestamp.nullable(),
    workingHours: WorkingHoursSchema.nullable(),
    configuration: z.record(z.string(), z.unknown()),
    createdBy: z.string(),
    tasks: z.array(TaskSchema).optional(),
    metrics: AgentMetricsSchema.optional(),
    logs: z.array(AgentLogSchema).optional(),
  }),
  { name: "Agent", example: agentExample },
);
/** An agent; `tasks`, `metrics` and `logs` only when asked for with `include`. */
export interface Agent extends z.output<typeof AgentSchema> {}

/** The zod schema of {@link ListAgentsQuery}. */
export const ListAgentsQuerySchema = z.object({
  ...PageQuery,
  type: AgentTypeSchema.optional(),
  status: AgentStatusSchema.optional(),
  capabilities: CommaList.optional(),
  available: QueryBoolean.optional(),
});
/** Filters and page of an agent list, as the server reads them. */
export interface ListAgentsQuery extends z.output<typeof ListAgentsQuerySchema> {}
/** Filters and page of an agent list, as a caller gives them (`available: true`). */
export interface ListAgentsQueryInput extends z.input<typeof ListAgentsQuerySchema> {}

const Words = z.array(z.string().min(1).max(100)).max(50);

/** The zod schema of {@link CreateAgentBody}. */
export const CreateAgentBodySchema = withExample(
  z.object({
    name: z.string().trim().min(1).max(200),
    type: AgentTypeSchema,
    model: z.string().min(1).max(200).optional(),
    provider: z.string().min(1).max(200).optional(),
    capabilities: Words.optional(),
    specializations: Words.optional(),
    maxConcurrentTasks: z.number().int().min(1).max(100).optional(),
    workingHours: WorkingHoursSchema.optional(),
    configuration: z.record(z.string().max(100), z.unknown()).optional(),
  }),
  createAgentExample,
);
/** An agent to create. */
export interface CreateAgentBody extends z.output<typeof CreateAgentBodySchema> {}

/** The zod schema of {@link UpdateAgentBody}. */
export const UpdateAgentBodySchema = CreateAgentBodySchema.partial();
/** The agent fields to change. */
export interface UpdateAgentBody extends z.output<typeof UpdateAgentBodySchema> {}

const AgentParam = z.object({ agentId: Id });
const Item = named<Agent>(AgentSchema);

/** The agent endpoints. */
export const agents = {
  list: endpoint({
    method: "GET",
    path: "/api/v1/agents",
    section: "Agent Endpoints",
    summary: "Retrieve list of agents",
    auth: "agents:read",
    query: named<ListAgentsQuery, ListAgentsQueryInput>(ListAgentsQuerySchema),
    response: named<Agent[]>(z.array(AgentSchema)),
    paginated: true,
  }),
  create: endpoint({
    method: "POST",
    path: "/api/v1/agents",
    section: "Agent Endpoints",
    summary: "Create a new agent",
    auth: "agents:write",
    body: named<CreateAgentBody>(CreateAgentBodySchema),
    response: Item,
    status: 201,
  }),
  get: endpoint({
    method: "GET",
    path: "/api/v1/agents/{agentId}",
    section: "Agent Endpoints",
    summary: "Get agent details",
    auth: "agents:read",
    params: AgentParam,
    query: z.object({
      include: z
        .string()
        .max(100)
        .regex(/^(tasks|metrics|logs)(,(tasks|metrics|logs))*$/, {
          message: "include must list tasks, metrics or logs",
        })
        .optional(),
    }),
    response: Item,
    errors: ["NOT_FOUND"],
  }),
  update: endpoint({
    method: "PUT",
    path: "/api/v1/agents/{agentId}",
    section: "Agent Endpoints",
    summary: "Update agent configuration",
    auth: "agents:write",
    params: AgentParam,
    body: named<UpdateAgentBody>(UpdateAgentBodySchema),
    response: Item,
    errors: ["NOT_FOUND", "AUTHORIZATION_ERROR"],
  }),
  enable: endpoint({
    method: "POST",
    path: "/api/v1/agents/{agentId}/enable",
    section: "Agent Endpoints",
    summary: "Enable an agent",
    auth: "agents:write",
    params: AgentParam,
    response: Item,
    errors: ["NOT_FOUND", "AUTHORIZATION_ERROR"],
  }),
  disable: endpoint({
    method: "POST",
    path: "/api/v1/agents/{agentId}/disable",
    section: "Agent Endpoints",
    summary: "Disable an agent",
    auth: "agents:write",
    params: AgentParam,
    body: z.object({ reason: z.string().max(2000).optional() }),
    response: Item,
    errors: ["NOT_FOUND", "AUTHORIZATION_ERROR"],
  }),
  tasks: endpoint({
    method: "GET",
    path: "/api/v1/agents/{agentId}/tasks",
    section: "Agent Endpoints",
    summary: "Get tasks assigned to agent",
    auth: "agents:read",
    params: AgentParam,
    query: z.object({ ...PageQuery, status: TaskStatusSchema.optional() }),
    response: named<Task[]>(z.array(TaskSchema)),
    paginated: true,
    errors: ["NOT_FOUND"],
  }),
  metrics: endpoint({
    method: "GET",
    path: "/api/v1/agents/{agentId}/metrics",
    section: "Agent Endpoints",
    summary: "Get agent performance metrics",
    auth: "agents:read",
    params: AgentParam,
    response: named<AgentMetrics>(AgentMetricsSchema),
    errors: ["NOT_FOUND"],
  }),
};
