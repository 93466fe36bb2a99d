/**
 * @module
 * Session module: sessions, the chat and session-list streams (Server-Sent Events over POST), the sandbox's
 * files and shell output. The VNC WebSocket (`/sessions/{session_id}/vnc?token=`) is no HTTP endpoint: server-lite
 * serves it as a realtime kind (RFB showing the session's terminal), which noVNC connects to.
 *
 * Choices (the real server and its web UI decide where the document is silent):
 * - A user reaches only their own sessions (another user's is 404, except `clear-unread-message-count` and
 *   `delete`, which the document says answer 403); a `super_admin` reaches every session for reading, chat and
 *   stop. Deleting and clearing the unread count are for the owner only.
 * - The detail is `{session_id, title, status, events}`, keeping every streamed event as `{event, data}`.
 * - The chat body is `{message, attachments: [file ids], event_id?}`. A non-empty `message` starts a turn of the
 *   built-in agent (409 while one is running); the stream answers the turn's events from the user's message on,
 *   and ends after `done`, `wait` or `error`. `event_id` resumes: the events after that id, then the live ones
 *   until the turn ends; with neither, the stream answers the latest turn from its user message on. Attachments
 *   must be the caller's own files (404 otherwise; an admin may attach any).
 * - Every event's data is JSON with `event_id` and `created_at` (Unix seconds); the SSE `id` is the `event_id`.
 * - `POST /sessions/stream` sends `sessions` with `{sessions: [...]}` at once and whenever the list changes, until
 *   the client goes away.
 * - The built-in agent: each line of the message that starts with `$ ` is a shell step, run in the session's
 *   sandbox folder (only `echo`, `ls`, `pwd`, `cat`, `wc`, `head`, `tail`, `date`, `uname`, `whoami`, `true`,
 *   `false` run, without a shell; anything else is refused as a failed step); a line `> name: text` writes the
 *   file `name` in the sandbox; a line `? question` ends the turn with `wait`. It then answers a summary. A turn's
 *   events: `message` (the user's), `title` (first turn), `plan`, then per step `step` (running), `tool`
 *   (calling, called), `step` (completed or failed), then the answer `message` and `done`.
 * - Session files are the files the agent wrote and the attachments (`{files: [...]}`); `/file` takes
 *   `{filepath}` (inside `/home/ubuntu`, the sandbox root), `/shell` takes `{session_id}` (the shell id of a
 *   `tool` event's args, `main` for the agent's) and answers `{session_id, output, console}`.
 * - Session status: `pending` until the first turn, `running` during one, `waiting` after `wait`, `completed`
 *   after `done` or a stop. The unread count grows with the assistant's messages and is cleared by the owner.
 */
import { z } from "zod";
import { endpoint, type StreamEvent } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing } from "./common.ts";
import { entity, sessionItemExample } from "./examples.ts";
import { type FileInfo, FileInfoSchema } from "./files.ts";

/** `pending | running | waiting | completed`. */
export const SessionStatus = z.enum(["pending", "running", "waiting", "completed"]);

/** The zod schema of {@link SessionItem}. */
export const SessionItemSchema = entity(
  z.object({
    session_id: z.string(),
    title: z.string(),
    latest_message: z.string(),
    latest_message_at: z.string().nullable(),
    status: SessionStatus,
    unread_message_count: z.number().int(),
  }),
  { name: "Session", example: sessionItemExample },
);
/** `ListSessionItem`. */
export interface SessionItem extends z.output<typeof SessionItemSchema> {}

/** The zod schema of {@link SessionList}. */
export const SessionListSchema = z.object({ sessions: z.array(SessionItemSchema) });
/** `ListSessionResponse`. */
export interface SessionList extends z.output<typeof SessionListSchema> {}

const Base = { event_id: z.string(), created_at: z.number().int() };
const StepDataSchema = z.object({
  ...Base,
  id: z.string(),
  status: z.enum(["pending", "running", "completed", "failed"]),
  description: z.string(),
});

/** The zod schema of {@link ChatEvent}. */
export const ChatEventSchema = z.discriminatedUnion("event", [
  z.object({
    event: z.literal("message"),
    id: z.string().optional(),
    data: z.object({
      ...Base,
      role: z.enum(["user", "assistant"]),
      message: z.string(),
      attachments: z.array(FileInfoSchema),
    }),
  }),
  z.object({ event: z.literal("title"), id: z.string().optional(), data: z.object({ ...Base, title: z.string() }) }),
  z.object({
    event: z.literal("plan"),
    id: z.string().optional(),
    data: z.object({ ...Base, steps: z.array(StepDataSchema) }),
  }),
  z.object({ event: z.literal("step"), id: z.string().optional(), data: StepDataSchema }),
  z.object({
    event: z.literal("tool"),
    id: z.string().optional(),
    data: z.object({
      ...Base,
      tool_call_id: z.string(),
      name: z.string(),
      function: z.string(),
      args: z.record(z.string(), z.unknown()),
      status: z.enum(["calling", "called"]),
      content: z.unknown().optional(),
    }),
  }),
  z.object({ event: z.literal("wait"), id: z.string().optional(), data: z.object({ ...Base, question: z.string() }) }),
  z.object({ event: z.literal("done"), id: z.string().optional(), data: z.object(Base) }),
  z.object({ event: z.literal("error"), id: z.string().optional(), data: z.object({ ...Base, error: z.string() }) }),
]);
/** One event of a chat stream (and of a session's history). */
export type ChatEvent = z.output<typeof ChatEventSchema>;
/** The name of a chat event: `message`, `title`, `plan`, `step`, `tool`, `wait`, `done` or `error`. */
export type ChatEventName = ChatEvent["event"];

/** The zod schema of {@link SessionDetail}. */
export const SessionDetailSchema = z.object({
  session_id: z.string(),
  title: z.string(),
  status: SessionStatus,
  events: z.array(z.object({ event: z.string(), data: z.record(z.string(), z.unknown()) })),
});
/** A session with every event it streamed, in order. */
export interface SessionDetail extends z.output<typeof SessionDetailSchema> {}

/** The zod schema of {@link ChatBody}. */
export const ChatBodySchema = z.object({
  message: z.string().max(100_000).optional(),
  attachments: z.array(Id).max(20).optional(),
  event_id: z.string().max(200).optional(),
});
/** The chat body: the message, attached file ids, and the event id to resume after. */
export interface ChatBody extends z.output<typeof ChatBodySchema> {}

/** The zod schema of {@link ShellOutput}. */
export const ShellOutputSchema = z.object({
  session_id: z.string(),
  output: z.string(),
  console: z.array(z.object({ ps1: z.string(), command: z.string(), output: z.string() })),
});
/** A shell's output: everything it printed, and each command with its own output. */
export interface ShellOutput extends z.output<typeof ShellOutputSchema> {}

/** One event of the session-list stream: `sessions` (or `error` when the stream fails). */
export type SessionsStreamEvent = StreamEvent<"sessions", SessionList> | StreamEvent<"error", unknown>;

const SessionParams = z.object({ session_id: Id });

const create = endpoint({
  method: "POST",
  path: "/sessions",
  section: "Session Module",
  summary: "Create a session",
  auth: "user",
  response: named<{ session_id: string }>(z.object({ session_id: z.string() })),
});

const list = endpoint({
  method: "GET",
  path: "/sessions",
  section: "Session Module",
  summary: "List the user's sessions",
  auth: "user",
  response: named<SessionList>(SessionListSchema),
});

const stream = endpoint({
  method: "POST",
  path: "/sessions/stream",
  section: "Session Module",
  summary: "Stream the session list (SSE)",
  auth: "user",
  stream: "sse",
  response: named<SessionsStreamEvent>(
    z.union([
      z.object({ event: z.literal("sessions"), id: z.string().optional(), data: SessionListSchema }),
      z.object({ event: z.literal("error"), id: z.string().optional(), data: z.unknown() }),
    ]),
  ),
  rateLimit: "sse",
});

const get = endpoint({
  method: "GET",
  path: "/sessions/{session_id}",
  section: "Session Module",
  summary: "Session detail with its events",
  auth: "user",
  params: SessionParams,
  response: named<SessionDetail>(SessionDetailSchema),
  errors: ["NOT_FOUND"],
});

const chat = endpoint({
  method: "POST",
  path: "/sessions/{session_id}/chat",
  section: "Session Module",
  summary: "Chat on a session (SSE)",
  auth: "user",
  params: SessionParams,
  body: ChatBodySchema,
  stream: "sse",
  response: named<ChatEvent>(ChatEventSchema),
  errors: ["NOT_FOUND", "CONFLICT"],
  rateLimit: "chat",
});

const stop = endpoint({
  method: "POST",
  path: "/sessions/{session_id}/stop",
  section: "Session Module",
  summary: "Stop a session",
  auth: "user",
  params: SessionParams,
  response: Nothing,
  errors: ["NOT_FOUND"],
});

const clearUnread = endpoint({
  method: "POST",
  path: "/sessions/{session_id}/clear-unread-message-count",
  section: "Session Module",
  summary: "Clear the unread count (owner only)",
  auth: "user",
  params: SessionParams,
  response: Nothing,
  errors: ["FORBIDDEN", "NOT_FOUND"],
});

const remove = endpoint({
  method: "POST",
  path: "/sessions/{session_id}/delete",
  section: "Session Module",
  summary: "Delete a session (owner only)",
  auth: "user",
  params: SessionParams,
  response: Nothing,
  errors: ["FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

const files = endpoint({
  method: "GET",
  path: "/sessions/{session_id}/files",
  section: "Session Module",
  summary: "List the session's files",
  auth: "user",
  params: SessionParams,
  response: named<{ files: FileInfo[] }>(z.object({ files: z.array(FileInfoSchema) })),
  errors: ["NOT_FOUND"],
});

const readFile = endpoint({
  method: "POST",
  path: "/sessions/{session_id}/file",
  section: "Session Module",
  summary: "Read a file in the session's sandbox",
  auth: "user",
  params: SessionParams,
  body: z.object({ filepath: z.string().min(1).max(4096) }),
  response: named<{ filepath: string; content: string }>(z.object({ filepath: z.string(), content: z.string() })),
  errors: ["NOT_FOUND", "BAD_REQUEST"],
});

const shell = endpoint({
  method: "POST",
  // The body's `session_id` is the shell's id, so the path's session id is `id` here: `shell({ id, session_id })`.
  path: "/sessions/{id}/shell",
  section: "Session Module",
  summary: "Read a shell's output in the session's sandbox",
  auth: "user",
  params: z.object({ id: Id }),
  body: z.object({ session_id: z.string().min(1).max(200) }),
  response: named<ShellOutput>(ShellOutputSchema),
  errors: ["NOT_FOUND"],
});

/** Session endpoints. */
export const sessions = { create, list, stream, get, chat, stop, clearUnread, remove, files, readFile, shell };
