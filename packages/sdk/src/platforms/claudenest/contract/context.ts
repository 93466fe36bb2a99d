/**
 * @module
 * §8 Context (RAG): a project's shared memory, made of five text sections on the project and context chunks
 * that instances add as they work.
 *
 * Choices where the document is silent:
 * - A chunk is live until its `expires_at` (server clock); expired chunks never appear in the list, the search,
 *   the summary, the compiled context or the token figures, and deleting one answers `CTX_001`.
 * - `compiled_context` is a markdown document: one `# Title` section per non-empty field (Project Summary,
 *   Architecture, Conventions, Current Focus, Recent Changes), then `# Key Context` listing the most important live
 *   chunks (highest `importance_score`, newest first on ties; at most 20, and only while the document stays within
 *   the project's `max` tokens), sections separated by `---`. It is `""` for a project with no context at all.
 * - `query` ranks live chunks (their content and file paths) with BM25 (k1 1.2, b 0.75) on lowercase words with
 *   light suffix stemming and without common English stop words, so `search_method` is `"bm25"` (the document's
 *   example shows `"vector"`). `similarity` is the BM25 score divided by the score of an average-length chunk
 *   that holds every query word once, capped at 1: 1 means "mentions everything asked", a chunk matching only
 *   some of the words scores a fraction. Chunks that match no word are never results. Results are best first
 *   (ties: newest first); `total_results` counts every chunk at or above `min_similarity` before `limit` cuts.
 * - `summarize` is extractive, computed on the server without an external model: from the 50 newest live chunks
 *   that are not summaries themselves, it keeps the sentences carrying the most frequent words, weighted by their
 *   chunk's `importance_score`, in their original order, within 1500 characters. The summary is stored as a
 *   `summary` chunk (importance 0.8) and logged as `context_summarized` activity. `tokens_used` is the estimate
 *   (4 characters a token) of the chunk text read. With no chunk to read it answers an empty summary and stores
 *   nothing.
 * - `listChunks` is paginated like the other ClaudeNest lists (`page`, `per_page`, 20 by default), newest first.
 * - `addChunk` answers 201 with the chunk; `expires_at` must be in the future and `task_id`, when given, must be a
 *   task of the project (`VAL_001` otherwise). It marks `instance_id` as active on the project.
 * - `update` answers the context as `get` does and logs `context_updated` activity with the fields changed.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing, PageQuery, Timestamp } from "./common.ts";
import { contextChunkExample, entity } from "./examples.ts";
import { addChunkExample } from "./request-examples.ts";

/** §8.6: what a context chunk records. */
export const ContextChunkType = z.enum([
  "task_completion",
  "context_update",
  "file_change",
  "decision",
  "summary",
  "broadcast",
]);
export type ContextChunkType = z.output<typeof ContextChunkType>;

/** The zod schema of {@link TokenUsage}. */
export const TokenUsageSchema = z.object({
  total: z.number().int(),
  max: z.number().int(),
  percent: z.number(),
});
/** §8.1: estimated tokens of a project's context against its `maxContextTokens`. */
export interface TokenUsage extends z.output<typeof TokenUsageSchema> {}

/** The zod schema of {@link ProjectContext}. */
export const ProjectContextSchema = z.object({
  summary: z.string().nullable(),
  architecture: z.string().nullable(),
  conventions: z.string().nullable(),
  current_focus: z.string().nullable(),
  recent_changes: z.string().nullable(),
  compiled_context: z.string(),
  token_usage: TokenUsageSchema,
});
/** §8.1: a project's context sections, compiled into one document, with its token usage. */
export interface ProjectContext extends z.output<typeof ProjectContextSchema> {}

const Text = z.string().max(100_000);

/** The zod schema of {@link UpdateContextBody}. */
export const UpdateContextBodySchema = z.object({
  summary: Text.nullable().optional(),
  architecture: Text.nullable().optional(),
  conventions: Text.nullable().optional(),
  current_focus: Text.nullable().optional(),
  recent_changes: Text.nullable().optional(),
});
/** §8.3: the context sections to change; `null` clears one. */
export interface UpdateContextBody extends z.output<typeof UpdateContextBodySchema> {}

/** The zod schema of {@link QueryContextBody}. */
export const QueryContextBodySchema = z.object({
  query: z.string().trim().min(1).max(10_000),
  /** @default 10 */
  limit: z.number().int().min(1).max(100).optional(),
  /** Results below this similarity are left out. @default 0 */
  min_similarity: z.number().min(0).max(1).optional(),
});
/** §8.2: what to search for, how many results at most, and the lowest similarity to keep. */
export interface QueryContextBody extends z.output<typeof QueryContextBodySchema> {}

/** The zod schema of {@link ContextMatch}. */
export const ContextMatchSchema = z.object({
  id: Id,
  content: z.string(),
  type: ContextChunkType,
  similarity: z.number().min(0).max(1),
  files: z.array(z.string()),
  created_at: Timestamp,
});
/** §8.2: a context chunk found by a query, with its similarity to it (0 to 1). */
export interface ContextMatch extends z.output<typeof ContextMatchSchema> {}

/** The zod schema of {@link ContextQueryResult}. */
export const ContextQueryResultSchema = z.object({
  query: z.string(),
  results: z.array(ContextMatchSchema),
  total_results: z.number().int(),
  /** `"bm25"` from server-lite; the document's example shows `"vector"`. */
  search_method: z.string(),
});
/** §8.2: the chunks most relevant to a query, best first. */
export interface ContextQueryResult extends z.output<typeof ContextQueryResultSchema> {}

/** The zod schema of {@link ContextSummary}. */
export const ContextSummarySchema = z.object({
  summary: z.string(),
  chunks_processed: z.number().int(),
  tokens_used: z.number().int(),
});
/** §8.4: the summary made of the recent chunks, how many were read and the tokens that took. */
export interface ContextSummary extends z.output<typeof ContextSummarySchema> {}

/** The zod schema of {@link ContextChunk}. */
export const ContextChunkSchema = entity(
  z.object({
    id: Id,
    content: z.string(),
    type: ContextChunkType,
    instance_id: z.string().nullable(),
    task_id: Id.nullable(),
    files: z.array(z.string()),
    importance_score: z.number().min(0).max(1),
    expires_at: Timestamp.nullable(),
    created_at: Timestamp,
  }),
  { name: "ContextChunk", example: contextChunkExample },
);
/** §8.5: a piece of a project's shared context, added by an instance or by the server. */
export interface ContextChunk extends z.output<typeof ContextChunkSchema> {}

/** The zod schema of {@link ListChunksQuery}. */
export const ListChunksQuerySchema = z.object({
  type: ContextChunkType.optional(),
  instance_id: z.string().min(1).max(255).optional(),
  ...PageQuery,
});
/** §8.5: filters and page of the chunk list. */
export interface ListChunksQuery extends z.output<typeof ListChunksQuerySchema> {}

/** The zod schema of {@link AddChunkBody}. */
export const AddChunkBodySchema = withExample(
  z.object({
    content: z.string().trim().min(1).max(100_000),
    type: ContextChunkType,
    instance_id: z.string().min(1).max(255).optional(),
    task_id: Id.optional(),
    /** @default [] */
    files: z.array(z.string().min(1).max(4096)).max(200).optional(),
    /** @default 0.5 */
    importance_score: z.number().min(0).max(1).optional(),
    /** ISO-8601 date-time in the future; never expires when left out. */
    expires_at: z.iso.datetime({ offset: true }).optional(),
  }),
  addChunkExample,
);
/** §8.6: a context chunk to add to a project. */
export interface AddChunkBody extends z.output<typeof AddChunkBodySchema> {}

const ProjectParam = z.object({ project: Id });
const ChunkParam = z.object({ project: Id, chunkId: Id });

const get = endpoint({
  method: "GET",
  path: "/projects/{project}/context",
  section: "§8.1",
  summary: "The project's context sections, compiled context and token usage",
  auth: "agent",
  params: ProjectParam,
  response: named<ProjectContext>(ProjectContextSchema),
  errors: ["PRJ_001"],
});

const update = endpoint({
  method: "PATCH",
  path: "/projects/{project}/context",
  section: "§8.3",
  summary: "Update the project's context sections",
  auth: "agent",
  params: ProjectParam,
  body: named<UpdateContextBody>(UpdateContextBodySchema),
  response: named<ProjectContext>(ProjectContextSchema),
  errors: ["PRJ_001"],
});

const query = endpoint({
  method: "POST",
  path: "/projects/{project}/context/query",
  section: "§8.2",
  summary: "Search the live context chunks by relevance (BM25)",
  auth: "agent",
  params: ProjectParam,
  body: named<QueryContextBody>(QueryContextBodySchema),
  response: named<ContextQueryResult>(ContextQueryResultSchema),
  errors: ["PRJ_001"],
  note: "Ranks with BM25 rather than vectors; `search_method` says so.",
});

const summarize = endpoint({
  method: "POST",
  path: "/projects/{project}/context/summarize",
  section: "§8.4",
  summary: "Summarize the recent live chunks into a summary chunk (extractive)",
  auth: "agent",
  params: ProjectParam,
  response: named<ContextSummary>(ContextSummarySchema),
  errors: ["PRJ_001"],
  note: "The summary is extractive (sentences chosen on the server), not written by a model.",
});

const listChunks = endpoint({
  method: "GET",
  path: "/projects/{project}/context/chunks",
  section: "§8.5",
  summary: "List the live context chunks, newest first (20 per page by default)",
  auth: "agent",
  params: ProjectParam,
  query: named<ListChunksQuery>(ListChunksQuerySchema),
  response: named<ContextChunk[]>(z.array(ContextChunkSchema)),
  errors: ["PRJ_001"],
  paginated: true,
});

const addChunk = endpoint({
  method: "POST",
  path: "/projects/{project}/context/chunks",
  section: "§8.6",
  summary: "Add a context chunk",
  auth: "agent",
  params: ProjectParam,
  body: named<AddChunkBody>(AddChunkBodySchema),
  response: named<ContextChunk>(ContextChunkSchema),
  status: 201,
  errors: ["PRJ_001"],
});

const removeChunk = endpoint({
  method: "DELETE",
  path: "/projects/{project}/context/chunks/{chunkId}",
  section: "§8.7",
  summary: "Delete a context chunk",
  auth: "agent",
  params: ChunkParam,
  response: named<null>(Nothing),
  errors: ["PRJ_001", "CTX_001"],
});

/** The context endpoints. */
export const context = { get, update, query, summarize, listChunks, addChunk, removeChunk };
