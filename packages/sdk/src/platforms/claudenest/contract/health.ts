/**
 * @module
 * §16 Health check. The document's example has no `meta` block; server-lite sends one anyway, as every
 * other answer has (a client must not require it here).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";

/** The zod schema of {@link Health}. */
export const HealthSchema = z.object({ status: z.string(), version: z.string(), timestamp: z.string() });
/** §16: the server's status, version and time. */
export interface Health extends z.output<typeof HealthSchema> {}

const check = endpoint({
  method: "GET",
  path: "/health",
  section: "§16",
  summary: "Health check",
  auth: "none",
  response: named<Health>(HealthSchema),
});

/** The health endpoints. */
export const health = { check };
