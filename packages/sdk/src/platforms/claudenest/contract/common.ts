/**
 * @module
 * Shapes shared by several ClaudeNest resources. Wire names stay as documented (snake_case).
 */
import { z } from "zod";
import { entity, userExample } from "./examples.ts";

/** ISO-8601 timestamp, as every ClaudeNest example writes them. */
export const Timestamp = z.string();
/** An identifier as ClaudeNest answers it (a UUID for the rows server-lite creates). */
export const Id = z.string().min(1);

/** `per_page` and `page` of the documented Laravel pagination; `page` is not in the document but Laravel takes it. */
export const PageQuery = {
  page: z.coerce.number<number>().int().min(1).optional(),
  per_page: z.coerce.number<number>().int().min(1).max(100).optional(),
};

/** What a message-only answer carries. */
export const MessageSchema = z.object({ message: z.string() });
/** An answer that only says what happened. */
export interface Message extends z.output<typeof MessageSchema> {}

/** Endpoints that answer nothing useful (`logout`, deletes) answer `data: null`, as §2.4 shows. */
export const Nothing = z.null();

/** The zod schema of {@link User}. */
export const UserSchema = entity(
  z.object({
    id: Id,
    email: z.string(),
    name: z.string(),
    avatar_url: z.string().nullable(),
    email_verified_at: Timestamp.nullable(),
  }),
  { name: "User", example: userExample },
);
/** §2.5: a ClaudeNest account; `email_verified_at` is `null` until the email is verified. */
export interface User extends z.output<typeof UserSchema> {}

interface ShapeIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

/**
 * The error of a body that fits none of the shapes an endpoint takes (the document's, and the one ClaudeNest's agent
 * sends): it names what each shape needs, then what is wrong with the body as the shape it comes closest to (the one
 * with the fewest problems; the document's on a tie).
 * @example z.union([Documented, AgentShaped], eitherShape("{instance_id}", "{assigned_to}"))
 */
export function eitherShape(
  documented: string,
  agent: string,
): {
  /** The message of a body that fits neither shape. */
  error: (issue: unknown) => string;
} {
  return {
    error: (issue) => {
      const options = ((issue as { errors?: ShapeIssue[][] }).errors ?? []).filter((list) => list.length > 0);
      const closest = options.reduce<ShapeIssue[] | undefined>(
        (best, list) => (best === undefined || list.length < best.length ? list : best),
        undefined,
      );
      const detail = (closest ?? [])
        .slice(0, 3)
        .map((i) => {
          const message = /received undefined$/.test(i.message) ? "required" : i.message;
          return i.path.length > 0 ? `${i.path.map(String).join(".")}: ${message}` : message;
        })
        .join("; ");
      return `Send ${documented} (the document's body) or ${agent} (the body ClaudeNest's agent sends)${detail ? `; ${detail}` : ""}.`;
    },
  };
}
