/**
 * @module
 * §5 Sessions: terminal sessions on a machine, their logs, and the token that opens their live stream.
 *
 * Choices where the document is silent:
 * - Statuses are ClaudeNest's own: `created`, `starting`, `running`, `waiting_input` are active (they count
 *   towards the machine's `max_sessions` and its `active_sessions_count`); `completed`, `error` and
 *   `terminated` are final. A session whose process ends, or that is deleted, becomes `terminated`, with the
 *   process's `exit_code` when it exited by itself (`null` when it was stopped by request).
 * - `status_message` says why a session is in its status, e.g. that the server runs no commands and only
 *   records the session and its input (server-lite started without a command allow-list).
 * - `duration` is whole seconds from `started_at` to `completed_at` (or now); both duration fields are
 *   `null` while the session has not started. `formatted_duration` reads `42s`, `5m 3s` or `1h 0m`.
 * - Creating a session needs the machine `online` (`MCH_002` otherwise) and fewer active sessions than its
 *   `max_sessions`: a full machine answers `VAL_001` with an error on the `machine` field.
 * - `mode` defaults to `interactive`; `oneshot` needs `initial_prompt`. `pty_size` defaults to 120×40 and
 *   is bounded like ClaudeNest's server (cols 20–500, rows 10–200).
 * - The list is newest first, 20 per page by default.
 * - `DELETE` terminates the session and answers it (status `terminated`); the session and its logs stay
 *   readable. Deleting, sending input to or resizing a terminated session answers `SES_002`, and so does
 *   attaching to one.
 * - `logs` answers the most recent `limit` entries (default 1000, at most 10000) in the order they were
 *   written. A session keeps its latest 10000 log entries.
 * - `websocket_token` (`ws_...`) authorizes subscribing to `private-session.{id}`, for that session only;
 *   it is valid 24 hours. `POST /sessions/{id}/attach` issues a fresh one each time; its SDK method is
 *   `attachToken`, because `nest.sessions.attach(id)` is the live terminal stream built on it.
 * - `input` answers `data: null`; `resize` answers the session with its new `pty_size`.
 * - A machine token (`mn_`) may act on its own machine's sessions only.
 *
 * Realtime (§13, Pusher protocol, app key `claudenest` on server-lite): `private-session.{id}` is open to the
 * session's `ws_` token (sent inline as `auth: {token}` or `auth: {headers: {Authorization: "Bearer ws_..."}}`),
 * to its owner's personal token and to its machine's token (those two also through `POST /broadcasting/auth`).
 * - Server events: `session:output` `{data, id}`, and `session:terminated` `{}` once the session has ended
 *   (its process exited, or it was terminated). `id` is not in the document: it is the id of the `output`
 *   log entry the chunk was stored as, so that a client that replays `logs` and then follows the live stream
 *   (or catches up after a reconnection) can tell which chunks it has already shown.
 * - Client events: `client-session:input` `{data}`, `client-session:resize` `{cols, rows}` and
 *   `client-session:terminate` `{}`, validated and acted on like `input`, `resize` and `DELETE`; a bad payload
 *   or an ended session is answered with a `pusher:error` that says why, and the event is not relayed.
 *   The §13.3 table calls them `session:input`, `session:resize` and `session:terminate`, but the Pusher protocol
 *   only takes events from clients with the `client-` prefix, which is what §13.4's example sends; the bare names
 *   are refused.
 * - Channel and event names are the document's (`private-session.{id}`, `session:output`), not those ClaudeNest's
 *   own server uses (`private-sessions.{id}`, `.session.output`): clients are written against the document.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing, PageQuery, Timestamp } from "./common.ts";
import { entity, sessionExample, sessionLogExample } from "./examples.ts";
import { createSessionExample } from "./request-examples.ts";

/** §5.2: how a session runs: `interactive`, `headless` or `oneshot`. */
export const SessionMode = z.enum(["interactive", "headless", "oneshot"]);
export type SessionMode = z.output<typeof SessionMode>;

/** Where a session is in its life; the first four are active. */
export const SessionStatus = z.enum([
  "created",
  "starting",
  "running",
  "waiting_input",
  "completed",
  "error",
  "terminated",
]);
export type SessionStatus = z.output<typeof SessionStatus>;

/** §5.5: what a log entry holds: `input`, `output` or `error`. */
export const SessionLogType = z.enum(["input", "output", "error"]);
export type SessionLogType = z.output<typeof SessionLogType>;

/** The zod schema of {@link PtySize}. */
export const PtySizeSchema = z.object({
  cols: z.number().int().min(20).max(500),
  rows: z.number().int().min(10).max(200),
});
/** §5.8: a terminal's size in columns and rows. */
export interface PtySize extends z.output<typeof PtySizeSchema> {}

/** The zod schema of {@link RecentLog}. */
export const RecentLogSchema = z.object({
  type: SessionLogType,
  data: z.string(),
  created_at: Timestamp,
});
/** One of the latest log entries ClaudeNest's own server sends with a session, oldest first. */
export interface RecentLog extends z.output<typeof RecentLogSchema> {}

/** The zod schema of {@link Session}. */
export const SessionSchema = entity(
  z.object({
    id: Id,
    machine_id: Id,
    mode: SessionMode,
    project_path: z.string().nullable(),
    initial_prompt: z.string().nullable(),
    status: SessionStatus,
    /** `running` or `waiting_input`, as ClaudeNest's own server computes it. */
    is_running: z.boolean(),
    /** `completed`, `error` or `terminated`. */
    is_completed: z.boolean(),
    status_message: z.string().nullable(),
    pid: z.number().int().nullable(),
    exit_code: z.number().int().nullable(),
    pty_size: PtySizeSchema,
    total_tokens: z.number().int(),
    total_cost: z.number(),
    started_at: Timestamp.nullable(),
    completed_at: Timestamp.nullable(),
    duration: z.number().int().nullable(),
    formatted_duration: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
    /** The latest output, input and errors (at most 100), with `get` only: what a terminal replays on opening. */
    recent_logs: z.array(RecentLogSchema).optional(),
  }),
  { name: "Session", example: sessionExample },
);
/** §5.1: a terminal session on a machine. */
export interface Session extends z.output<typeof SessionSchema> {}

/** The zod schema of {@link SessionLog}. */
export const SessionLogSchema = entity(
  z.object({
    id: Id,
    type: SessionLogType,
    data: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    created_at: Timestamp,
  }),
  { name: "SessionLog", example: sessionLogExample },
);
/** §5.5: one entry of a session's input, output or errors. */
export interface SessionLog extends z.output<typeof SessionLogSchema> {}

/** The zod schema of {@link SessionWithToken}. */
export const SessionWithTokenSchema = z.object({ session: SessionSchema, websocket_token: z.string().nullable() });
/**
 * §5.2: a new session with a `ws_` token that opens its live channel; `websocket_token` is `null` from ClaudeNest's
 * own server, which answers the session alone (its owner's token opens the channel).
 */
export interface SessionWithToken extends z.output<typeof SessionWithTokenSchema> {}

/** The zod schema of {@link AttachTicket}. */
export const AttachTicketSchema = z.object({ session: SessionSchema.nullable(), websocket_token: z.string() });
/**
 * §5.6: a fresh token that opens a session's live channel, with the session; ClaudeNest's own server answers
 * `{ws_token, session_id, ws_url}`, read as the token and `session: null`.
 */
export interface AttachTicket extends z.output<typeof AttachTicketSchema> {}

/** The zod schema of {@link CreateSessionBody}. */
export const CreateSessionBodySchema = withExample(
  z.object({
    /** @default "interactive" */
    mode: SessionMode.optional(),
    project_path: z.string().min(1).max(1024).optional(),
    /** What a `headless` session is given as input, or the command line a `oneshot` session runs (required). */
    initial_prompt: z.string().min(1).max(100_000).optional(),
    /** @default { cols: 120, rows: 40 } */
    pty_size: PtySizeSchema.optional(),
  }),
  createSessionExample,
);
/** §5.2: the mode, directory, prompt and terminal size of a new session. */
export interface CreateSessionBody extends z.output<typeof CreateSessionBodySchema> {}

/** The zod schema of {@link ListSessionsQuery}. */
export const ListSessionsQuerySchema = z.object({ status: SessionStatus.optional(), ...PageQuery });
/** §5.1: status filter and page of the session list. */
export interface ListSessionsQuery extends z.output<typeof ListSessionsQuerySchema> {}

/** The zod schema of {@link SessionLogsQuery}. */
export const SessionLogsQuerySchema = z.object({
  /** @default 1000 */
  limit: z.coerce.number<number>().int().min(1).max(10_000).optional(),
  type: SessionLogType.optional(),
});
/** §5.5: how many of the latest entries, and of which type. */
export interface SessionLogsQuery extends z.output<typeof SessionLogsQuerySchema> {}

/** The zod schema of {@link SessionInputBody}. */
export const SessionInputBodySchema = z.object({ data: z.string().min(1).max(65_536) });
/** §5.7: what to type into a session's terminal. */
export interface SessionInputBody extends z.output<typeof SessionInputBodySchema> {}

const MachineParam = z.object({ machine: Id });
const SessionId = z.object({ id: Id });

const list = endpoint({
  method: "GET",
  path: "/machines/{machine}/sessions",
  section: "§5.1",
  summary: "List a machine's sessions, newest first (20 per page by default)",
  auth: "agent",
  params: MachineParam,
  query: named<ListSessionsQuery>(ListSessionsQuerySchema),
  response: named<Session[]>(z.array(SessionSchema)),
  paginated: true,
  errors: ["MCH_001"],
});

const create = endpoint({
  method: "POST",
  path: "/machines/{machine}/sessions",
  section: "§5.2",
  summary: "Start a session on an online machine; answers it with a WebSocket token",
  auth: "agent",
  params: MachineParam,
  body: named<CreateSessionBody>(CreateSessionBodySchema),
  response: named<SessionWithToken>(SessionWithTokenSchema),
  status: 201,
  errors: ["MCH_001", "MCH_002"],
});

const get = endpoint({
  method: "GET",
  path: "/sessions/{id}",
  section: "§5.3",
  summary: "Get a session",
  auth: "agent",
  params: SessionId,
  response: named<Session>(SessionSchema),
  errors: ["SES_001"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/sessions/{id}",
  section: "§5.4",
  summary: "Terminate a session (its process is killed); answers the terminated session",
  auth: "agent",
  params: SessionId,
  response: named<Session>(SessionSchema),
  errors: ["SES_001", "SES_002"],
});

const logs = endpoint({
  method: "GET",
  path: "/sessions/{id}/logs",
  section: "§5.5",
  summary: "A session's most recent input, output and error logs, oldest first",
  auth: "agent",
  params: SessionId,
  query: named<SessionLogsQuery>(SessionLogsQuerySchema),
  response: named<SessionLog[]>(z.array(SessionLogSchema)),
  errors: ["SES_001"],
});

const attachToken = endpoint({
  method: "POST",
  path: "/sessions/{id}/attach",
  section: "§5.6",
  summary: "A fresh WebSocket token for a session's live stream (§5.6 Attach to Session)",
  auth: "agent",
  params: SessionId,
  response: named<AttachTicket>(AttachTicketSchema),
  errors: ["SES_001", "SES_002"],
});

const input = endpoint({
  method: "POST",
  path: "/sessions/{id}/input",
  section: "§5.7",
  summary: "Send input to a session's terminal",
  auth: "agent",
  params: SessionId,
  body: named<SessionInputBody>(SessionInputBodySchema),
  response: named<null>(Nothing),
  errors: ["SES_001", "SES_002"],
});

const resize = endpoint({
  method: "POST",
  path: "/sessions/{id}/resize",
  section: "§5.8",
  summary: "Resize a session's terminal",
  auth: "agent",
  params: SessionId,
  body: named<PtySize>(PtySizeSchema),
  response: named<Session>(SessionSchema),
  errors: ["SES_001", "SES_002"],
});

/** The sessions endpoints. */
export const sessions = { list, create, get, remove, logs, attachToken, input, resize };
