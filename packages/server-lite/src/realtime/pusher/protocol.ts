/**
 * @module
 * Pusher protocol 7 frames as Laravel Reverb and pusher-js exchange them. Every server frame carries its
 * `data` as a JSON string inside the JSON frame; client frames carry an object (pusher-js) or a string
 * (some hand-written clients), and both are accepted.
 */
import { MAX_JSON_DEPTH, tooDeeplyNested } from "../../core/json-depth.ts";

/** Error and close codes of the Pusher protocol (4000–4099 stop, 4100–4199 back off, 4200–4299 reconnect). */
export const PusherCode = {
  applicationDoesNotExist: 4001,
  unauthorized: 4009,
  overCapacity: 4100,
  genericReconnect: 4200,
  pongNotReceived: 4201,
  clientEventRejected: 4301,
} as const;

/** A frame as a client sent it, after the checks every frame must pass. */
export interface ClientFrame {
  event: string;
  channel: string | undefined;
  data: unknown;
}

/**
 * Encodes a server frame; `data` becomes a JSON string, as pusher-js expects. A string payload is encoded
 * too (`"\"text\""`), so that every client decodes exactly the value that was published.
 */
export function serverFrame(event: string, data: unknown, channel?: string): string {
  const frame: { event: string; channel?: string; data: string } = { event, data: JSON.stringify(data ?? {}) };
  if (channel !== undefined) frame.channel = channel;
  return JSON.stringify(frame);
}

/** A `pusher:error` frame (Reverb's shape: `{code, message}` as a JSON string). */
export function errorFrame(code: number, message: string): string {
  return serverFrame("pusher:error", { code, message });
}

/** Parses a client frame; a string answer is the reason it was refused. */
export function parseClientFrame(raw: string): ClientFrame | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return "Invalid message format: the frame is not JSON.";
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
    return "Invalid message format: the frame must be a JSON object.";
  const { event, channel, data } = parsed as Record<string, unknown>;
  if (typeof event !== "string" || event === "") return "Invalid message format: `event` must be a non-empty string.";
  if (channel !== undefined && channel !== null && typeof channel !== "string")
    return "Invalid message format: `channel` must be a string.";
  const decoded = decodeData(data);
  // Data this deep could not be relayed: encoding it again would overflow the stack.
  if (tooDeeplyNested(decoded) !== undefined)
    return `Invalid message format: \`data\` is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`;
  return { event, channel: typeof channel === "string" ? channel : undefined, data: decoded };
}

/** `data` sent as a JSON string is read as the value it encodes. */
function decodeData(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/** Channel names Pusher accepts: at most 164 characters from `[-a-zA-Z0-9_=@,.;]`. */
export function isValidChannelName(name: string): boolean {
  return name.length > 0 && name.length <= 164 && /^[-a-zA-Z0-9_=@,.;]+$/.test(name);
}

export function isPrivateChannel(name: string): boolean {
  return name.startsWith("private-");
}

/** Socket ids look like `123.456`, as Pusher and Reverb issue them. */
export function isValidSocketId(id: string): boolean {
  return /^\d{1,20}\.\d{1,20}$/.test(id);
}
