/**
 * @module
 * Shapes several CoordinAItor resources share. Wire names stay as documented (camelCase).
 */
import { z } from "zod";

/** ISO-8601 timestamp, as every example writes them. */
export const Timestamp = z.string();
/** An identifier as CoordinAItor answers it (`task-…`, `agent-…`: a kind prefix and a random part). */
export const Id = z.string().min(1).max(200);

/** A boolean query value: `true`/`false` (and `1`/`0`), as a URL carries it. */
export const QueryBoolean = z
  .union([z.boolean(), z.enum(["true", "false", "1", "0"])])
  .transform((v) => v === true || v === "true" || v === "1");

/** `page` and `limit` (§Pagination Format: default 20, at most 100). */
export const PageQuery = {
  page: z.coerce.number<number>().int().min(1).max(1_000_000).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).optional(),
};

/** A comma-separated list in a query (`tags=frontend,react`). */
export const CommaList = z.string().max(2000);

/** Endpoints that answer nothing (deletes, logout) answer `data: null`. */
export const Nothing = z.null();

/** The zod schema of {@link Ref}. */
export const RefSchema = z.object({ id: Id, name: z.string() });
/** A related resource named in an answer (`project: {id, name}`). */
export interface Ref extends z.output<typeof RefSchema> {}

/** Every permission an API key may carry; a signed-in user (JWT) has them all but `admin` unless an administrator. */
export const PERMISSIONS = [
  "tasks:read",
  "tasks:write",
  "agents:read",
  "agents:write",
  "projects:read",
  "projects:write",
  "users:read",
  "users:write",
  "webhooks:read",
  "webhooks:write",
  "system:read",
  "admin",
] as const;
/** One API-key permission. */
export type Permission = (typeof PERMISSIONS)[number];
/** The zod schema of a {@link Permission}. */
export const PermissionSchema = z.enum(PERMISSIONS);
