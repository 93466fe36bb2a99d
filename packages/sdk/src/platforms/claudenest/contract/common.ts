/**
 * @module
 * Shapes shared by several ClaudeNest resources. Wire names stay as documented (snake_case).
 */
import { z } from "zod";

/** ISO-8601 timestamp, as every ClaudeNest example writes them. */
export const Timestamp = z.string();
export const Id = z.string().min(1);

/** `per_page` and `page` of the documented Laravel pagination; `page` is not in the document but Laravel takes it. */
export const PageQuery = {
  page: z.coerce.number<number>().int().min(1).optional(),
  per_page: z.coerce.number<number>().int().min(1).max(100).optional(),
};

/** What a message-only answer carries. */
export const MessageSchema = z.object({ message: z.string() });
export interface Message extends z.output<typeof MessageSchema> {}

/** Endpoints that answer nothing useful (`logout`, deletes) answer `data: null`, as §2.4 shows. */
export const Nothing = z.null();

export const UserSchema = z.object({
  id: Id,
  email: z.string(),
  name: z.string(),
  avatar_url: z.string().nullable(),
  email_verified_at: Timestamp.nullable(),
});
export interface User extends z.output<typeof UserSchema> {}
