/**
 * @module
 * Shapes shared by several Actus resources. Wire names stay as documented (snake_case).
 */
import { z } from "zod";

/** An identifier as Actus answers it (a UUID, or a hex id for sessions). */
export const Id = z.string().min(1).max(200);
/** ISO-8601 timestamp. */
export const Timestamp = z.string();

/** "Response (no data payload)": the envelope's `data` is `null`. */
export const Nothing = z.null();

/** The zod schema of {@link EnabledBody}. */
export const EnabledBodySchema = z.object({ enabled: z.boolean() });
/** `{enabled}`: the body of every enable/disable endpoint. */
export interface EnabledBody extends z.output<typeof EnabledBodySchema> {}
