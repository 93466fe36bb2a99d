/**
 * @module
 * The subscribe protocol's frames. Client: `{type: "subscribe", channel, filters?}`, `{type: "unsubscribe",
 * channel}`, `{type: "ping"}`. Server: `{type: "<event>", channel, data}`, `{type: "subscribed", channel}`,
 * `{type: "unsubscribed", channel}`, `{type: "pong"}`, `{type: "error", channel?, message, code}` (`code` an
 * HTTP-like status: 400 for a frame it cannot read, 403 for a refused subscription).
 */

/** A client frame, read. */
export type ClientFrame =
  | { type: "subscribe"; channel: string; filters: Record<string, unknown> | undefined }
  | { type: "unsubscribe"; channel: string }
  | { type: "ping" }
  | { type: "invalid"; message: string; channel?: string | undefined };

/** Longest channel name accepted. */
export const MAX_CHANNEL_LENGTH = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Reads a client frame's text. */
export function readClientFrame(text: string): ClientFrame {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { type: "invalid", message: "Frames must be JSON" };
  }
  if (!isObject(frame) || typeof frame.type !== "string") return { type: "invalid", message: "A frame needs a type" };
  if (frame.type === "ping") return { type: "ping" };
  if (frame.type !== "subscribe" && frame.type !== "unsubscribe")
    return { type: "invalid", message: `Unknown frame type: ${frame.type.slice(0, 50)}` };
  const { channel } = frame;
  if (typeof channel !== "string" || channel === "" || channel.length > MAX_CHANNEL_LENGTH)
    return { type: "invalid", message: "A subscription needs a channel name" };
  if (frame.type === "unsubscribe") return { type: "unsubscribe", channel };
  if (frame.filters !== undefined && frame.filters !== null && !isObject(frame.filters))
    return { type: "invalid", message: "filters must be an object", channel };
  return { type: "subscribe", channel, filters: isObject(frame.filters) ? frame.filters : undefined };
}
