/**
 * @module
 * CoordinAItor's `/ws` on the generic subscribe kind.
 *
 * The document never says how `/ws` authenticates: the access token (or an API key) comes as `?token=` (browsers
 * cannot set headers on a WebSocket), or as the upgrade's `Authorization: Bearer` or `X-API-Key` header; a
 * connection without a valid one is refused with HTTP 401.
 *
 * Channels: `tasks` (filters `taskId`, `projectId`, `agentId`, `status`), `agents` (`agentId`, `type`) and
 * `projects` (`projectId`), needing `tasks:read`, `agents:read` and `projects:read`. Messages are
 * `{type: "task.updated", channel: "tasks", data: <task>}` and likewise `task.created`, `task.completed`,
 * `task.failed`, `task.assigned`, `task.deleted` (`data: {id, reason}`), `agent.created`,
 * `agent.status_changed`, `project.created`, `project.updated`, `project.completed`, `project.deleted`; each
 * only to a subscriber who may see the resource and whose filters match. A connection whose token has expired is
 * closed (1008) at its next event, so that the client reconnects with a fresh token; a logout closes its
 * session's connections at once (4001).
 */
import { Failure } from "../../core/failure.ts";
import type { RealtimeKind } from "../../core/realtime.ts";
import { subscribeRealtime } from "../../realtime/ws/kind.ts";
import { type CoUser, identify, may } from "./caller.ts";
import type { CoServices } from "./services.ts";
import { inAudience } from "./state/access.ts";
import { type BusEvent, busChannel } from "./state/publish.ts";

/** Each channel: the permission it needs, and how each filter reads an event's data. */
const CHANNELS: Record<string, { permission: string; filters: Record<string, string> }> = {
  tasks: {
    permission: "tasks:read",
    filters: { taskId: "id", projectId: "projectId", agentId: "agentId", status: "status" },
  },
  agents: { permission: "agents:read", filters: { agentId: "id", type: "type" } },
  projects: { permission: "projects:read", filters: { projectId: "id" } },
};

/** A connection holds while its token has not expired and its session (for a JWT) is open. */
function stillValid(services: CoServices, identity: CoUser): boolean {
  if (identity.expiresAt !== undefined && identity.expiresAt <= services.now()) return false;
  if (identity.sessionId === undefined) return true;
  return services.db.get("SELECT 1 FROM co_sessions WHERE id = ?", identity.sessionId) !== undefined;
}

/** The `/ws` realtime kind of CoordinAItor. */
export const realtime: RealtimeKind<CoServices> = subscribeRealtime<CoServices, CoUser>({
  path: "/ws",
  authenticate(services, credentials) {
    const token = credentials.query("token") || credentials.bearer || credentials.header("x-api-key");
    if (!token) throw new Failure("AUTHENTICATION_ERROR");
    return identify(services, token);
  },
  authorize(_services, identity, channel, filters) {
    const spec = CHANNELS[channel];
    if (!spec) return `Unknown channel ${channel.slice(0, 50)}: use tasks, agents or projects`;
    if (!may(identity, spec.permission)) return `This credential lacks the ${spec.permission} permission`;
    for (const [key, value] of Object.entries(filters ?? {})) {
      if (!(key in spec.filters)) return `Unknown filter ${key.slice(0, 50)} for ${channel}`;
      if (typeof value !== "string") return `The ${key} filter must be a string`;
    }
    return undefined;
  },
  routes: [
    { bus: busChannel("tasks"), channel: "tasks" },
    { bus: busChannel("agents"), channel: "agents" },
    { bus: busChannel("projects"), channel: "projects" },
  ],
  deliver(_services, identity, channel, filters, _event, payload) {
    const { data, audience } = payload as BusEvent;
    if (!inAudience(audience, identity)) return undefined;
    const record = data as Record<string, unknown>;
    for (const [key, value] of Object.entries(filters ?? {})) {
      const field = CHANNELS[channel]?.filters[key];
      // An event without the field (a deletion names only the id) is not filtered out by it.
      if (field !== undefined && record[field] !== undefined && record[field] !== value) return undefined;
    }
    return data;
  },
  stillValid,
  onConnection(services) {
    services.liveConnections++;
    return () => {
      services.liveConnections--;
    };
  },
});
