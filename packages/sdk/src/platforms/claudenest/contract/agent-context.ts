/**
 * @module
 * Routes ClaudeNest's agent calls with its machine token that neither the document nor ClaudeNest's own server has:
 * its context client (`packages/agent/src/context/client.ts`) searches a project's context with
 * `POST /projects/{id}/context` (`queryContext`), sends the context updates it queued with `POST /context/batch`
 * (`sync`; this one ClaudeNest's server has, `ContextController::batch`) and unlocks a file with
 * `DELETE /projects/{id}/locks/{path}` (`unlockFile`, the path URL-encoded). They are added to the `context` and
 * `locks` resources, marked `beyondDocument`.
 *
 * Choices:
 * - `queryChunks` answers live chunks as `listChunks` shows them (the agent reads `data` as its chunks and keeps
 *   them by `id`): with words in `query`, those that match, ranked as `query` ranks them (BM25); with none, the
 *   newest. `type` keeps one type, `limit` (10 by default) cuts; `instance_id` marks the instance as seen.
 * - `batch` takes the agent's camelCase updates (`{projectId, content, type, files, importanceScore}`), 1 to 100.
 *   Each becomes a chunk of its project that expires 30 days later (server clock), as ClaudeNest's server does; an
 *   update whose project is missing, unknown or not the caller's (for a machine token: not on its machine) is not
 *   stored and is listed in `errors` with its index, so the rest is not lost: the agent would otherwise send the
 *   whole batch again forever. It answers 201 `{created, errors}` (chunk ids in order), as ClaudeNest's server does.
 * - `remove` frees the live lock at the path (normalized as the other lock routes do). It names no instance: with a
 *   machine token the lock must be the machine's own instance's (the agent locks as its machine id), another
 *   holder's is `LCK_001`; with a personal token the project's owner frees it whoever holds it, as `forceRelease`
 *   does. A path with no live lock answers `released: false`, as `release` does.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id } from "./common.ts";
import { type ContextChunk, ContextChunkSchema, ContextChunkType } from "./context.ts";
import { type LockRelease, LockReleaseSchema } from "./locks.ts";

const agentClient = "ClaudeNest's agent, packages/agent/src/context/client.ts";

/** The zod schema of {@link QueryChunksBody}. */
export const QueryChunksBodySchema = z.object({
  /** Words to look for; blank answers the newest chunks. */
  query: z.string().max(10_000),
  /** @default 10 */
  limit: z.number().int().min(1).max(100).optional(),
  type: ContextChunkType.optional(),
  /** The asking instance, marked as seen. */
  instance_id: z.string().min(1).max(255).optional(),
});
/** What the agent's context client searches for. */
export interface QueryChunksBody extends z.output<typeof QueryChunksBodySchema> {}

/** The zod schema of {@link ContextUpdate}. */
export const ContextUpdateSchema = z.object({
  /** The project of the chunk; an update without one is listed in `errors`. */
  projectId: Id.optional(),
  content: z.string().trim().min(1).max(100_000),
  type: ContextChunkType,
  /** @default [] */
  files: z.array(z.string().min(1).max(4096)).max(200).nullish(),
  /** @default 0.5 */
  importanceScore: z.number().min(0).max(1).nullish(),
});
/** A context update the agent queued (its `ContextUpdate`, camelCase). */
export interface ContextUpdate extends z.output<typeof ContextUpdateSchema> {}

/** The zod schema of {@link ContextBatchBody}. */
export const ContextBatchBodySchema = z.object({ updates: z.array(ContextUpdateSchema).min(1).max(100) });
/** The context updates to store at once. */
export interface ContextBatchBody extends z.output<typeof ContextBatchBodySchema> {}

/** The zod schema of {@link ContextBatchResult}. */
export const ContextBatchResultSchema = z.object({
  /** The ids of the chunks stored, in the order of their updates. */
  created: z.array(Id),
  /** The updates not stored: their index in `updates`, and why. */
  errors: z.array(z.object({ index: z.number().int(), error: z.string() })),
});
/** What a batch stored, and what it could not. */
export interface ContextBatchResult extends z.output<typeof ContextBatchResultSchema> {}

const queryChunks = endpoint({
  method: "POST",
  path: "/projects/{project}/context",
  summary: "Search a project's context chunks, or list the newest (the agent's context query)",
  auth: "agent",
  params: z.object({ project: Id }),
  body: named<QueryChunksBody>(QueryChunksBodySchema),
  response: named<ContextChunk[]>(z.array(ContextChunkSchema)),
  errors: ["PRJ_001"],
  beyondDocument: `${agentClient} queryContext (ClaudeNest's own server has no such route)`,
});

const batch = endpoint({
  method: "POST",
  path: "/context/batch",
  summary: "Store context updates of several projects at once",
  auth: "agent",
  body: named<ContextBatchBody>(ContextBatchBodySchema),
  response: named<ContextBatchResult>(ContextBatchResultSchema),
  status: 201,
  beyondDocument: `ClaudeNest's own server, ContextController::batch (called by ${agentClient} sync)`,
});

const remove = endpoint({
  method: "DELETE",
  path: "/projects/{project}/locks/{path+}",
  summary: "Unlock a file (the machine's own instance's lock, or any lock for the owner)",
  auth: "agent",
  params: z.object({ project: Id, path: z.string().min(1).max(4096) }),
  response: named<LockRelease>(LockReleaseSchema),
  errors: ["PRJ_001", "LCK_001"],
  beyondDocument: `${agentClient} unlockFile (ClaudeNest's own server has no such route)`,
});

/** The agent's context routes, added to the `context` resource. */
export const agentContext = { queryChunks, batch };
/** The agent's unlock route, added to the `locks` resource. */
export const agentLocks = { remove };
