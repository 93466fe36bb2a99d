/**
 * @module
 * §4 Machines.
 *
 * Choices where the document is silent:
 * - A machine is `online` while its agent has used its `mn_` token in the last 5 minutes, `connecting`
 *   after a wake signal until then, else `offline`. Pairing completes `online` (the agent is polling).
 * - `GET /machines/{id}` answers the same shape as a list item.
 * - Deletes answer `data: null` with 200, as logout does.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { machineBrowser } from "./browse.ts";
import { Id, Nothing, PageQuery, Timestamp } from "./common.ts";
import { entity, machineExample } from "./examples.ts";
import { registerMachineExample } from "./request-examples.ts";

/** §4.1: `online` while its agent is connected, `connecting` after a wake signal, else `offline`. */
export const MachineStatus = z.enum(["online", "offline", "connecting"]);

/** The zod schema of {@link Machine}. */
export const MachineSchema = entity(
  z.object({
    id: Id,
    name: z.string(),
    /** The name to show: ClaudeNest's own server sends it (its web UI reads it); elsewhere it is `name`. */
    display_name: z.string(),
    platform: z.string(),
    hostname: z.string(),
    arch: z.string().nullable(),
    status: MachineStatus,
    active_sessions_count: z.number().int(),
    max_sessions: z.number().int(),
    capabilities: z.array(z.string()),
    last_seen_at: Timestamp.nullable(),
    connected_at: Timestamp.nullable(),
    created_at: Timestamp,
  }),
  { name: "Machine", example: machineExample },
);
/** §4.1: a machine with its agent's connection state. */
export interface Machine extends z.output<typeof MachineSchema> {}

/** The zod schema of {@link Environment}. */
export const EnvironmentSchema = z.object({
  platform: z.string(),
  hostname: z.string(),
  arch: z.string().nullable(),
  node_version: z.string().nullable(),
  agent_version: z.string().nullable(),
  claude_version: z.string().nullable(),
  claude_path: z.string().nullable(),
  capabilities: z.array(z.string()),
  max_sessions: z.number().int(),
});
/** §4.7: what the machine's agent reported about its host. */
export interface Environment extends z.output<typeof EnvironmentSchema> {}

/** The zod schema of {@link MachineRegistration}. */
export const MachineRegistrationSchema = z.object({ machine: MachineSchema, token: z.string() });
/** A registered machine with its machine token (`mn_...`), which is answered only here and by `regenerateToken`. */
export interface MachineRegistration extends z.output<typeof MachineRegistrationSchema> {}

/** The zod schema of {@link WakeResult}. */
export const WakeResultSchema = z.object({ message: z.string(), machine: MachineSchema });
/** §4.8: the Wake-on-LAN signal was sent; `machine` is `connecting` until its agent connects. */
export interface WakeResult extends z.output<typeof WakeResultSchema> {}

const Capabilities = z.array(z.string().min(1).max(64)).max(64);
const MaxSessions = z.number().int().min(1).max(1000);

/** The zod schema of {@link RegisterMachineBody}. */
export const RegisterMachineBodySchema = withExample(
  z.object({
    name: z.string().min(1).max(255),
    platform: z.string().min(1).max(64),
    hostname: z.string().min(1).max(255),
    arch: z.string().max(64).optional(),
    node_version: z.string().max(64).optional(),
    agent_version: z.string().max(64).optional(),
    claude_version: z.string().max(64).optional(),
    claude_path: z.string().max(1024).optional(),
    /** @default [] */
    capabilities: Capabilities.optional(),
    /** @default 10 */
    max_sessions: MaxSessions.optional(),
  }),
  registerMachineExample,
);
/** §4.2: a machine to register. */
export interface RegisterMachineBody extends z.output<typeof RegisterMachineBodySchema> {}

/** The zod schema of {@link UpdateMachineBody}. */
export const UpdateMachineBodySchema = z.object({
  name: z.string().min(1).max(255).optional(),
  max_sessions: MaxSessions.optional(),
  capabilities: Capabilities.optional(),
});
/** §4.4: the machine fields to change. */
export interface UpdateMachineBody extends z.output<typeof UpdateMachineBodySchema> {}

/** The zod schema of {@link ListMachinesQuery}. */
export const ListMachinesQuerySchema = z.object({
  search: z.string().optional(),
  status: MachineStatus.optional(),
  ...PageQuery,
});
/** §4.1: search, status filter and page of the machine list. */
export interface ListMachinesQuery extends z.output<typeof ListMachinesQuerySchema> {}

const MachineId = z.object({ id: Id });

const list = endpoint({
  method: "GET",
  path: "/machines",
  section: "§4.1",
  summary: "List machines (15 per page by default)",
  auth: "user",
  query: named<ListMachinesQuery>(ListMachinesQuerySchema),
  response: named<Machine[]>(z.array(MachineSchema)),
  paginated: true,
});

const register = endpoint({
  method: "POST",
  path: "/machines",
  section: "§4.2",
  summary: "Register a machine; answers its machine token",
  auth: "user",
  body: named<RegisterMachineBody>(RegisterMachineBodySchema),
  response: named<MachineRegistration>(MachineRegistrationSchema),
  status: 201,
});

const get = endpoint({
  method: "GET",
  path: "/machines/{id}",
  section: "§4.3",
  summary: "Get a machine",
  auth: "agent",
  params: MachineId,
  response: named<Machine>(MachineSchema),
  errors: ["MCH_001"],
});

const update = endpoint({
  method: "PATCH",
  path: "/machines/{id}",
  section: "§4.4",
  summary: "Update a machine",
  auth: "user",
  params: MachineId,
  body: named<UpdateMachineBody>(UpdateMachineBodySchema),
  response: named<Machine>(MachineSchema),
  errors: ["MCH_001"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/machines/{id}",
  section: "§4.5",
  summary: "Delete a machine and everything on it",
  auth: "user",
  params: MachineId,
  response: named<null>(Nothing),
  errors: ["MCH_001"],
});

const regenerateToken = endpoint({
  method: "POST",
  path: "/machines/{id}/regenerate-token",
  section: "§4.6",
  summary: "Replace the machine token (the old one stops working)",
  auth: "user",
  params: MachineId,
  response: named<{ token: string }>(z.object({ token: z.string() })),
  errors: ["MCH_001"],
});

const environment = endpoint({
  method: "GET",
  path: "/machines/{id}/environment",
  section: "§4.7",
  summary: "The machine's environment",
  auth: "agent",
  params: MachineId,
  response: named<Environment>(EnvironmentSchema),
  errors: ["MCH_001"],
});

const wake = endpoint({
  method: "POST",
  path: "/machines/{id}/wake",
  section: "§4.8",
  summary: "Send a Wake-on-LAN signal",
  auth: "user",
  params: MachineId,
  response: named<WakeResult>(WakeResultSchema),
  errors: ["MCH_001", "MCH_003", "MCH_004"],
});

/** The machines endpoints. */
export const machines = { list, register, get, update, remove, regenerateToken, environment, wake, ...machineBrowser };
