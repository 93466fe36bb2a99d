/**
 * @module
 * The contract of "Notes", a small platform that exists only to prove the core's seams: it works unlike
 * ClaudeNest in every way the core must not care about. Its keys go in `X-API-Key` with permissions (`read`,
 * `write`); lists sit under a named key with a cursor; errors arrive inside HTTP 200 with a numeric code; one
 * endpoint takes multipart uploads and one answers a stream of Server-Sent Events.
 */
import { endpoint, named } from "@agentlane/sdk/contract";
import { z } from "zod";

export const NoteSchema = z.object({ id: z.string(), text: z.string(), files: z.array(z.string()) });
export interface Note extends z.output<typeof NoteSchema> {}

export const NotePageSchema = z.object({ notes: z.array(NoteSchema), next_cursor: z.string().nullable() });
export interface NotePage extends z.output<typeof NotePageSchema> {}

const Id = z.object({ id: z.string().min(1).max(64) });

export const NoteEventSchema = z.discriminatedUnion("event", [
  z.object({ event: z.literal("progress"), data: z.object({ step: z.number().int() }), id: z.string().optional() }),
  z.object({ event: z.literal("done"), data: z.object({ steps: z.number().int() }), id: z.string().optional() }),
]);
export type NoteEvent = z.output<typeof NoteEventSchema>;

export const contract = {
  notes: {
    list: endpoint({
      method: "GET",
      path: "/notes",
      section: "§1",
      summary: "List notes, a cursor page at a time",
      auth: "read",
      query: z.object({
        cursor: z.string().max(64).optional(),
        limit: z.coerce.number<number>().int().min(1).max(50).optional(),
      }),
      response: named<NotePage>(NotePageSchema),
      paginated: true,
      items: "notes",
    }),
    create: endpoint({
      method: "POST",
      path: "/notes",
      section: "§2",
      summary: "Write a note",
      auth: "write",
      body: z.object({ text: z.string().min(1).max(1000) }),
      response: named<Note>(NoteSchema),
      status: 201,
      errors: ["DUPLICATE"],
    }),
    attach: endpoint({
      method: "POST",
      path: "/notes/{id}/files",
      section: "§3",
      summary: "Attach a file to a note",
      auth: "write",
      params: Id,
      contentType: "multipart",
      body: z.object({ file: z.instanceof(File), label: z.string().max(100).optional() }),
      response: named<Note>(NoteSchema),
      errors: ["NOT_FOUND"],
    }),
    replay: endpoint({
      method: "POST",
      path: "/notes/{id}/replay",
      section: "§4",
      summary: "Replay a note's steps as Server-Sent Events",
      auth: "read",
      params: Id,
      body: z.object({ steps: z.number().int().min(1).max(100), after: z.number().int().min(0).optional() }),
      response: named<NoteEvent>(NoteEventSchema),
      stream: "sse",
      errors: ["NOT_FOUND"],
    }),
    follow: endpoint({
      method: "GET",
      path: "/follow",
      section: "§6",
      summary: "Says hello, then stays open until the client leaves or its key is revoked",
      auth: "read",
      response: z.object({ event: z.literal("hello"), data: z.object({}), id: z.string().optional() }),
      stream: "sse",
    }),
    revokeKey: endpoint({
      method: "POST",
      path: "/keys/revoke",
      section: "§7",
      summary: "Revoke an API key: its live streams end at once",
      auth: "write",
      body: z.object({ key: z.string().min(1).max(64) }),
      response: z.null(),
    }),
    flaky: endpoint({
      method: "GET",
      path: "/flaky",
      section: "§5",
      summary: "Busy until the third call",
      auth: "read",
      response: z.object({ calls: z.number().int() }),
      errors: ["BUSY"],
    }),
  },
};
export type NotesContract = typeof contract;

/** The error table: numeric codes in the body, each with the HTTP status it stands for. */
export const errorCodes = {
  VALIDATION: { code: 42200, status: 422, message: "Invalid input" },
  UNAUTHENTICATED: { code: 40100, status: 401, message: "API key required" },
  FORBIDDEN: { code: 40300, status: 403, message: "This key may not do that" },
  NOT_FOUND: { code: 40400, status: 404, message: "Not found" },
  DUPLICATE: { code: 40900, status: 409, message: "A note with this text exists" },
  RATE_LIMITED: { code: 42900, status: 429, message: "Slow down" },
  BUSY: { code: 50300, status: 503, message: "Busy, try again" },
  INTERNAL: { code: 50000, status: 500, message: "Internal error" },
  BAD_REQUEST: { code: 40000, status: 400, message: "Bad request" },
  TOO_LARGE: { code: 41300, status: 413, message: "Too large" },
  UNSUPPORTED: { code: 41500, status: 415, message: "Unsupported media type" },
  METHOD: { code: 40500, status: 405, message: "Method not allowed" },
} as const;
