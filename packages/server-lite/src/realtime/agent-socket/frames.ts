/**
 * @module
 * The frames of an agent socket: `{type, payload, id, timestamp}` both ways (`timestamp` in epoch milliseconds,
 * `id` unique per frame). A frame the server cannot read is answered with an `error` frame that says why.
 */
import { randomUUID } from "node:crypto";

/** A frame of the agent socket. */
export interface AgentSocketFrame {
  type: string;
  payload: unknown;
  id: string;
  timestamp: number;
}

/** Longest message type accepted. */
const MAX_TYPE_LENGTH = 100;

/** A frame the server sends. */
export function serverFrame(type: string, payload: unknown, timestamp: number): AgentSocketFrame {
  return { type, payload, id: randomUUID(), timestamp };
}

/** Reads a client frame's text: the frame, or why it cannot be read. */
export function readAgentFrame(text: string): AgentSocketFrame | { invalid: string } {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { invalid: "Frames must be JSON: {type, payload, id, timestamp}" };
  }
  if (typeof frame !== "object" || frame === null || Array.isArray(frame))
    return { invalid: "A frame must be an object: {type, payload, id, timestamp}" };
  const { type, payload, id, timestamp } = frame as Record<string, unknown>;
  if (typeof type !== "string" || type === "" || type.length > MAX_TYPE_LENGTH)
    return { invalid: `A frame needs a type of 1 to ${MAX_TYPE_LENGTH} characters` };
  return {
    type,
    payload: payload ?? {},
    id: typeof id === "string" ? id : "",
    timestamp: typeof timestamp === "number" ? timestamp : 0,
  };
}
