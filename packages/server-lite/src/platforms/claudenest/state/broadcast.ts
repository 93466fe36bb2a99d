/**
 * @module
 * Every live event ClaudeNest publishes, in both namings its clients use. §13 names channels
 * `private-session.{id}` and `private-project.{id}` and events `session:output`, `task:claimed`...; ClaudeNest's own
 * server (`routes/channels.php`, `app/Events/*.php`) and its web UI (`resources/js/services/websocket.ts`, through
 * laravel-echo) use `private-sessions.{id}`, `private-projects.{id}` and `session.output`, `task.claimed`... with
 * the payloads of each event's `broadcastWith()`. Each event is published once per naming: under the document's
 * name with the document's payload on the document's channel, and under the real server's name, with the real
 * server's keys added to the document's payload, on the real server's channel. A client hears every event once,
 * in the naming it subscribed with.
 */
import type { NestServices } from "../services.ts";

type Payload = Record<string, unknown>;

const CHANNEL = /^private-(session|project)s?\.(.+)$/;

/** A session's or project's channel, under the document's name and the real server's. */
function channelsOf(channel: string): { kind: string; id: string; documented: string; real: string } | undefined {
  const match = CHANNEL.exec(channel);
  if (!match) return undefined;
  const [, kind, id] = match as unknown as [string, string, string];
  return { kind, id, documented: `private-${kind}.${id}`, real: `private-${kind}s.${id}` };
}

const asPayload = (data: unknown): Payload =>
  typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Payload) : {};

/** The keys the real server's `broadcastWith()` sends for an event, computed from the document's payload. */
function realKeys(services: NestServices, kind: string, id: string, event: string, data: Payload): Payload {
  const now = services.clock.iso();
  const task = asPayload(data.task);
  const taskKeys = { task_id: task.id, project_id: id, title: task.title };
  switch (event) {
    case "session:output": // App\Events\SessionOutput
      return { session_id: id, data: data.data, chunk_id: data.id, timestamp: now };
    case "session:terminated": {
      // App\Events\SessionTerminated
      const session = services.db.get<{ machine_id: string; status: string }>(
        "SELECT machine_id, status FROM cn_sessions WHERE id = ?",
        id,
      );
      return {
        session_id: id,
        machine_id: session?.machine_id ?? null,
        status: session?.status ?? "terminated",
        terminated_at: now,
      };
    }
    case "task:claimed": // App\Events\TaskClaimed
      return { ...taskKeys, assigned_to: task.assigned_to, claimed_at: task.claimed_at };
    case "task:released": // App\Events\TaskReleased
      return { ...taskKeys, status: task.status, previous_owner: data.reason ?? null };
    case "task:completed": // App\Events\TaskCompleted
      return {
        ...taskKeys,
        assigned_to: task.assigned_to,
        completion_summary: task.completion_summary,
        files_modified: task.files_modified,
        completed_at: task.completed_at,
      };
    case "file:locked": {
      // App\Events\FileLocked
      const lock = services.db.get<{ expires_at: number }>(
        "SELECT expires_at FROM cn_locks WHERE project_id = ? AND path = ?",
        id,
        data.path,
      );
      return {
        project_id: id,
        path: data.path,
        locked_by: data.lockedBy,
        reason: data.reason ?? null,
        expires_at: lock ? services.clock.iso(lock.expires_at) : null,
      };
    }
    case "file:unlocked": // App\Events\FileUnlocked
      return { project_id: id, path: data.path, forced: false, timestamp: now };
    case "project:broadcast": // App\Events\ProjectBroadcast
      return { project_id: id, message: data.content, target_instances: data.recipients ?? [], broadcast_at: now };
    default:
      return kind === "session" ? { session_id: id } : { project_id: id };
  }
}

/**
 * Tells the real server's channel `private-sessions.{id}` that a session's status changed: `session.status`
 * `{session_id, status, timestamp}`, which ClaudeNest's web UI listens for (`services/websocket.ts`) to follow a
 * session into `running` and out of it. The document has no such event.
 * @example announceStatus(services, id, "running");
 */
export function announceStatus(services: NestServices, sessionId: string, status: string): void {
  const event = { session_id: sessionId, status, timestamp: services.clock.iso() };
  services.events.publish(`private-sessions.${sessionId}`, "session.status", event);
}

/**
 * Tells the real server's channel `private-sessions.{id}` that input reached a session through the API:
 * `session.input` `{session_id, data, timestamp}` (`app/Events/SessionInput.php`, broadcast by
 * `SessionController::input`), which ClaudeNest's web UI listens for (`services/websocket.ts`, `onInput`). The
 * document has no such server event; its `client-session:input` goes the other way.
 * @example announceInput(services, id, "ls\n");
 */
export function announceInput(services: NestServices, sessionId: string, data: string): void {
  const event = { session_id: sessionId, data, timestamp: services.clock.iso() };
  services.events.publish(`private-sessions.${sessionId}`, "session.input", event);
}

/**
 * Publishes a ClaudeNest event on a session's or project's channel, in both namings.
 * @example broadcast(services, `private-session.${id}`, "session:output", { data, id: logId });
 */
export function broadcast(services: NestServices, channel: string, event: string, data: unknown): void {
  const target = channelsOf(channel);
  if (!target) {
    services.events.publish(channel, event, data);
    return;
  }
  const documented = asPayload(data);
  services.events.publish(target.documented, event, data);
  const real = { ...documented, ...realKeys(services, target.kind, target.id, event, documented) };
  services.events.publish(target.real, event.replace(":", "."), real);
}
