/**
 * @module
 * An answer in ClaudeNest's envelope that a handler writes itself, for the few answers of ClaudeNest's own server
 * whose shape the contract cannot hold (a list with `meta.pagination` where the document lists without pages, or
 * with `compat: "real"`, data shaped as the real server's controllers shape it).
 */
import { encodeSuccess } from "@agentlane/sdk/claudenest";
import type { NestServices } from "../services.ts";

/**
 * `{success: true, data, meta: {timestamp, request_id, ...meta}}` as a `Response`, which the core sends as it is.
 * @example return rawAnswer(services, ctx.requestId, { query, results, count });
 */
export function rawAnswer(
  services: NestServices,
  requestId: string,
  data: unknown,
  meta: Record<string, unknown> = {},
): Response {
  return Response.json(encodeSuccess(data, { timestamp: services.clock.iso(), request_id: requestId, ...meta }));
}

/** `meta.pagination` of a list answered whole, on one page, as ClaudeNest's own server counts pages. */
export function onePage(total: number): Record<string, unknown> {
  return { pagination: { current_page: 1, last_page: 1, per_page: Math.max(total, 1), total } };
}
