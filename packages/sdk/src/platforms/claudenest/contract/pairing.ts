/**
 * @module
 * §3 Pairing: an agent gets a short code, the user confirms it, the agent receives its machine token.
 *
 * Choices where the document is silent or contradicts itself:
 * - The poll sends the temporary token as a bearer (§3.2 shows it although it says "no authentication"):
 *   it is required, and a wrong one answers 401 `AUTH_002`.
 * - A code lives 10 minutes. Once completed, every poll within that window returns the machine token;
 *   afterwards the code is gone (`PAR_002` while the expired row is kept, then `PAR_001`).
 * - Codes are three letters and three digits (`ABC-123`); lookups ignore case.
 * - `agent_info` fields become the machine's (`platform`, `hostname`, `arch`, `node_version`, `agent_version`)
 *   and are bounded like `POST /machines`; other fields an agent sends are accepted and not kept.
 *
 * The ClaudeNest agent pairs another way (its `src/index.ts` and the server's `PairingController`), and both work.
 * The agent picks its own code (three letters or digits, a dash, three more) and sends it with `agent_info`; a code that is
 * already pending answers `PAR_003` (409) and the agent draws another. It then polls without any token: the code
 * is the secret, as in ClaudeNest. For such a code the poll answers 202 while pending (with `seconds_remaining`),
 * 200 once completed (with the agent's `token` and `machine_id` beside the document's `machine`), 410 `PAR_002`
 * once expired. Answers about an agent's code carry the agent's fields (`expires_in_seconds`, `seconds_remaining`,
 * `token`, `machine_id`) beside the document's; the temporary token also polls an agent's code.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Timestamp } from "./common.ts";

/**
 * What the agent tells of its machine; these fields become the machine's, with a machine's limits. Agents may
 * send more fields; server-lite accepts them and keeps only these.
 */
export const AgentInfoSchema = z.looseObject({
  platform: z.string().min(1).max(64),
  hostname: z.string().min(1).max(255),
  arch: z.string().max(64).optional(),
  node_version: z.string().max(64).optional(),
  agent_version: z.string().max(64).optional(),
});
/** §3.1: what an agent tells about its host when it starts pairing. */
export interface AgentInfo extends z.output<typeof AgentInfoSchema> {}

/** The zod schema of {@link PairingTicket}. */
export const PairingTicketSchema = z.object({
  code: z.string(),
  token: z.string(),
  expires_at: Timestamp,
  /** How long the code lives (ClaudeNest's agent reads it). */
  expires_in_seconds: z.number().int().optional(),
});
/** §3.1: the code to show the user, and the temporary token that polls for completion. */
export interface PairingTicket extends z.output<typeof PairingTicketSchema> {}

/** The zod schema of {@link PairingStatus}. */
export const PairingStatusSchema = z.discriminatedUnion("status", [
  z.object({
    status: z.literal("pending"),
    expires_at: Timestamp,
    /** Seconds until the code expires (ClaudeNest's agent reads it). */
    seconds_remaining: z.number().int().optional(),
  }),
  z.object({
    status: z.literal("completed"),
    machine: z.object({ id: Id, token: z.string() }),
    /** The machine token again, where ClaudeNest's agent reads it. */
    token: z.string().optional(),
    /** The machine's id again, where ClaudeNest's agent reads it. */
    machine_id: Id.optional(),
  }),
]);
/** §3.2: a pairing still `pending`, or `completed` with the new machine's token. */
export type PairingStatus = z.output<typeof PairingStatusSchema>;

/** The zod schema of {@link PairingCompletion}. */
export const PairingCompletionSchema = z.object({
  machine: z.object({
    id: Id,
    name: z.string(),
    platform: z.string(),
    hostname: z.string(),
    status: z.string(),
  }),
  pairing: z.object({ code: z.string(), completed_at: Timestamp }),
});
/** §3.3: the machine created by confirming a pairing code. */
export interface PairingCompletion extends z.output<typeof PairingCompletionSchema> {}

const initiate = endpoint({
  method: "POST",
  path: "/pairing/initiate",
  section: "§3.1",
  summary: "An agent starts pairing and gets a short code and a temporary token",
  auth: "none",
  body: named<{ agent_info: AgentInfo; code?: string | undefined }>(
    z.object({
      agent_info: AgentInfoSchema,
      /** The agent's own code, as ClaudeNest's agent sends it; without one the server picks the code. */
      code: z
        .string()
        .regex(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/, "A code is three letters or digits, a dash and three more (ABC-123).")
        .optional(),
    }),
  ),
  response: named<PairingTicket>(PairingTicketSchema),
  status: 201,
  errors: ["PAR_003"],
  rateLimit: "pairing",
});

const status = endpoint({
  method: "GET",
  path: "/pairing/{code}",
  section: "§3.2",
  summary: "The agent polls the pairing with its temporary token (or, for a code it chose, with none)",
  auth: "pairing",
  params: z.object({ code: z.string().min(1) }),
  response: named<PairingStatus>(PairingStatusSchema),
  errors: ["PAR_001", "PAR_002"],
  rateLimit: "pairing",
});

const complete = endpoint({
  method: "POST",
  path: "/pairing/{code}/complete",
  section: "§3.3",
  summary: "The user confirms the code; the machine is created",
  auth: "user",
  params: z.object({ code: z.string().min(1) }),
  body: named<{ name?: string | undefined }>(z.object({ name: z.string().min(1).max(255).optional() })),
  response: named<PairingCompletion>(PairingCompletionSchema),
  errors: ["PAR_001", "PAR_002", "PAR_003"],
});

/** The pairing endpoints. */
export const pairing = { initiate, status, complete };
