/**
 * @module
 * `POST {base}/broadcasting/auth`, the endpoint pusher-js and laravel-echo call before subscribing to a
 * private channel: it takes `socket_id` and `channel_name` (form-encoded, or JSON) with the user's
 * `Authorization: Bearer` header, asks the platform's authorizer, and answers `{"auth": "<key>:<signature>"}`
 * (not wrapped in the platform envelope: Pusher clients read `auth` at the top level). Refusals use the
 * platform's envelope and status (401, 403, 422).
 */
import type { Context, Hono } from "hono";
import { addressOf, bearerOf } from "../../core/credentials.ts";
import { Failure } from "../../core/failure.ts";
import type { ServerEnvelope } from "../../core/platform.ts";
import { readLimitedText } from "../../core/request-body.ts";
import type { RealtimeApp } from "./app.ts";
import { isPrivateChannel, isValidChannelName, isValidSocketId } from "./protocol.ts";

/** Auth requests are two short fields; anything bigger is refused before it is read. */
const MAX_BODY_BYTES = 16 * 1024;

export function mountAuthEndpoint(
  app: Hono,
  base: string,
  realtime: RealtimeApp,
  envelope: ServerEnvelope,
  failWith: (c: Context, failure: Failure) => Response,
): void {
  const { codes } = envelope;
  app.post(`${base}/broadcasting/auth`, async (c) => {
    let fields: Record<string, unknown>;
    try {
      fields = await readFields(c, codes);
    } catch (error) {
      if (error instanceof Failure) return failWith(c, error);
      throw error;
    }
    const socketId = fields.socket_id;
    const channel = fields.channel_name;
    const errors: Record<string, string[]> = {};
    if (typeof socketId !== "string" || socketId === "") errors.socket_id = ["The socket_id field is required."];
    else if (!isValidSocketId(socketId)) errors.socket_id = ["The socket_id must look like 123.456."];
    if (typeof channel !== "string" || channel === "") errors.channel_name = ["The channel_name field is required."];
    else if (!isValidChannelName(channel)) errors.channel_name = ["The channel_name is not a valid channel name."];
    else if (!isPrivateChannel(channel))
      errors.channel_name = ["Only private- channels are authorized; public channels need no authorization."];
    if (Object.keys(errors).length > 0 || typeof socketId !== "string" || typeof channel !== "string")
      return failWith(c, new Failure(codes.validation, undefined, errors));

    const decision = await realtime.decide(bearerOf(c.req.header("authorization")), channel, socketId, addressOf(c));
    if (!decision.allow) {
      const code =
        decision.status === 401
          ? codes.unauthenticated
          : decision.status === 404
            ? codes.notFound
            : decision.status >= 500
              ? codes.internal
              : codes.forbidden;
      return failWith(c, new Failure(code, decision.message ?? envelope.messageOf(code)));
    }
    realtime.connection(socketId)?.grant(channel, decision.identity);
    return c.json({ auth: realtime.sign(socketId, channel) });
  });
}

async function readFields(c: Context, codes: ServerEnvelope["codes"]): Promise<Record<string, unknown>> {
  if (Number(c.req.header("content-length") ?? "0") > MAX_BODY_BYTES) throw new Failure(codes.payloadTooLarge);
  const text = await readLimitedText(c, MAX_BODY_BYTES, codes.payloadTooLarge);
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (type.startsWith("application/x-www-form-urlencoded") || (type === "" && text.includes("=")))
    return Object.fromEntries(new URLSearchParams(text));
  if (/^application\/([\w.+-]+\+)?json\b/.test(type)) {
    try {
      const parsed: unknown = JSON.parse(text || "{}");
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed))
        return parsed as Record<string, unknown>;
    } catch {
      throw new Failure(codes.badRequest, "The body is not valid JSON.");
    }
    throw new Failure(codes.badRequest, "The body must be a JSON object.");
  }
  throw new Failure(codes.unsupportedMediaType, "Send socket_id and channel_name form-encoded or as JSON.");
}
