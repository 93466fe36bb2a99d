/**
 * @module
 * ClaudeNest §13 over the Pusher protocol: who may subscribe to which private channel, and what the
 * terminal's client events do.
 *
 * - The app key is `claudenest` (clients connect to `{prefix}/app/claudenest`); `createServer({ realtime:
 *   { appKey } })` overrides it. The signing secret is random per server unless given.
 * - `private-session.{id}`: a `ws_` token issued for that very session (from `create` or `attach`), a
 *   personal `cn_` token of the session's owner, or the `mn_` token of the session's machine.
 * - `private-project.{id}`: a personal token of the project's owner, or the `mn_` token of the project's
 *   machine. A `ws_` token opens its own session's channel and nothing else.
 * - ClaudeNest's own names, `private-sessions.{id}` and `private-projects.{id}` (`routes/channels.php`, which its web
 *   UI subscribes to through laravel-echo), are authorized alike; they carry every event under the real server's
 *   dot names (`session.output`) and payloads (`state/broadcast.ts`).
 * - Any other user's channel is refused (403, without telling whether it exists), a missing or unknown token
 *   is 401, and channel names other than these two are refused (403).
 * - On a session channel the client events `client-session:input` `{data}`, `client-session:resize`
 *   `{cols, rows}` and `client-session:terminate` `{}` act on the session exactly as the HTTP endpoints do,
 *   then are relayed to the channel's other subscribers as Reverb would relay them (so an agent that runs the
 *   terminal itself also receives them). A payload that does not validate, a session that has ended, or any
 *   other client event on a session channel is refused with a `pusher:error` that says why. Client events on
 *   project channels are relayed untouched.
 */
import { errorCodes, PtySizeSchema, SessionInputBodySchema } from "@agentlane/sdk/claudenest/contract";
import { z } from "zod";
import { Failure } from "../../core/failure.ts";
import type { PlatformRealtime } from "../../realtime/pusher/hooks.ts";
import { authenticate } from "./caller.ts";
import {
  findSession,
  resizeSession,
  sendInput,
  terminateSession,
  verifyWebsocketToken,
  websocketTokenSession,
} from "./runtime/session-runtime.ts";
import type { NestServices } from "./services.ts";

/** The Pusher app key ClaudeNest clients connect with unless the server is told another. */
export const DEFAULT_APP_KEY = "claudenest";

/** `private-session.{id}` (§13) or `private-sessions.{id}` (ClaudeNest's own server and web UI). */
const SESSION_CHANNEL = /^private-sessions?\.(.+)$/;
/** `private-project.{id}` (§13) or `private-projects.{id}` (ClaudeNest's own server). */
const PROJECT_CHANNEL = /^private-projects?\.(.+)$/;

/** Who subscribed: handed back with each client event the subscriber sends. */
export type NestChannelIdentity =
  | { kind: "websocket"; sessionId: string }
  | { kind: "user"; userId: string; tokenId: string }
  | { kind: "machine"; userId: string; machineId: string };

const refuse = (message = "This token may not subscribe to this channel.") =>
  ({ allow: false, status: 403, message }) as const;

/** The caller behind a personal or machine token; AUTH_002 (401) when there is none. */
function tokenCaller(services: NestServices, token: string | undefined, address: string): NestChannelIdentity {
  const caller = authenticate(services, "agent", token, address);
  if (caller.kind === "machine") return { kind: "machine", userId: caller.userId, machineId: caller.machineId };
  if (caller.kind === "user") return { kind: "user", userId: caller.userId, tokenId: caller.tokenId };
  throw new Failure("AUTH_002", "Unauthenticated.");
}

function mayReach(identity: NestChannelIdentity, owner: { user_id: string; machine_id: string } | undefined): boolean {
  if (!owner || identity.kind === "websocket") return false;
  if (owner.user_id !== identity.userId) return false;
  return identity.kind === "user" || identity.machineId === owner.machine_id;
}

function authorizeSession(services: NestServices, token: string | undefined, sessionId: string, address: string) {
  if (token?.startsWith("ws_")) {
    if (verifyWebsocketToken(services, token, sessionId))
      return { allow: true, identity: { kind: "websocket", sessionId } satisfies NestChannelIdentity } as const;
    if (websocketTokenSession(services, token) === undefined) throw new Failure("AUTH_002", "Unauthenticated.");
    return refuse("This WebSocket token was issued for another session.");
  }
  const identity = tokenCaller(services, token, address);
  const session = services.db.get<{ user_id: string; machine_id: string }>(
    "SELECT user_id, machine_id FROM cn_sessions WHERE id = ?",
    sessionId,
  );
  return mayReach(identity, session) ? ({ allow: true, identity } as const) : refuse();
}

function authorizeProject(services: NestServices, token: string | undefined, projectId: string, address: string) {
  if (token?.startsWith("ws_")) {
    if (websocketTokenSession(services, token) === undefined) throw new Failure("AUTH_002", "Unauthenticated.");
    return refuse("A session's WebSocket token opens only that session's channel; use a personal or machine token.");
  }
  const identity = tokenCaller(services, token, address);
  const project = services.db.get<{ user_id: string; machine_id: string }>(
    "SELECT user_id, machine_id FROM cn_projects WHERE id = ?",
    projectId,
  );
  return mayReach(identity, project) ? ({ allow: true, identity } as const) : refuse();
}

const TerminateSchema = z.object({}).optional();

/** The payload, or VAL_001 with a message naming the event and what it takes. */
function payload<T>(schema: z.ZodType<T>, data: unknown, event: string, shape: string): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "data"}: ${issue.message}`);
  throw new Failure("VAL_001", `${event} takes ${shape}; ${problems.join("; ")}`);
}

/** A documented failure with its code and meaning in the message, for `pusher:error` frames. */
function described(error: unknown): unknown {
  if (!(error instanceof Failure) || error.message !== error.code) return error;
  const known = (errorCodes as Record<string, { message: string }>)[error.code];
  return new Failure(error.code, `${error.code}: ${known?.message ?? "refused"}`);
}

function sessionEvent(services: NestServices, sessionId: string, event: string, data: unknown): void {
  try {
    findSession(services, sessionId);
    switch (event) {
      case "client-session:input": {
        const body = payload(SessionInputBodySchema, data, event, "{data: a string of 1 to 65536 characters}");
        sendInput(services, sessionId, body.data);
        return;
      }
      case "client-session:resize": {
        const size = payload(PtySizeSchema, data, event, "{cols: 20-500, rows: 10-200}");
        resizeSession(services, sessionId, size.cols, size.rows);
        return;
      }
      case "client-session:terminate":
        payload(TerminateSchema, data, event, "{}");
        terminateSession(services, sessionId);
        return;
      default:
        throw new Failure(
          "VAL_001",
          `Unknown session event ${event}: send client-session:input, client-session:resize or client-session:terminate.`,
        );
    }
  } catch (error) {
    throw described(error);
  }
}

export const realtime: PlatformRealtime<NestServices> = {
  appKey: DEFAULT_APP_KEY,
  authorize(token, channel, { services, address }) {
    const session = SESSION_CHANNEL.exec(channel);
    if (session) return authorizeSession(services, token, session[1]!, address);
    const project = PROJECT_CHANNEL.exec(channel);
    if (project) return authorizeProject(services, token, project[1]!, address);
    return refuse(
      `Unknown channel ${channel}: ClaudeNest serves private-session.{id} and private-project.{id} (or sessions., projects.).`,
    );
  },
  onClientEvent(channel, event, data, _identity, { services }) {
    const session = SESSION_CHANNEL.exec(channel);
    // The subscription itself was authorized for this session's channel; the event acts on that session.
    if (session) sessionEvent(services, session[1]!, event, data);
    return true;
  },
};
