/**
 * @module
 * Sessions and their event log. Every event a turn produces is appended here, in one order per session (`seq`),
 * with an `event_id` that is its SSE id, and published on the session's bus channel after it is stored; the
 * session list of its owner is published on theirs whenever it changes. Streams read the log and follow the
 * channel, so a client that resumes from an `event_id` misses nothing and sees nothing twice.
 */
import type { SessionItem } from "@agentlane/sdk/actus/contract";
import { Failure } from "../../../core/failure.ts";
import type { ActusCaller } from "../caller.ts";
import type { ActusServices } from "./services.ts";

/** An `act_sessions` row. */
export interface SessionRow {
  id: string;
  user_id: string;
  title: string;
  status: "pending" | "running" | "waiting" | "completed";
  latest_message: string;
  latest_message_at: string | null;
  unread: number;
}

/** A stored event. */
export interface StoredEvent {
  seq: number;
  event: string;
  data: Record<string, unknown>;
  id: string;
}

/** The bus channel of a session's events. */
export const sessionChannel = (id: string) => `actus.session.${id}`;
/** The bus channel of a user's session list. */
export const listChannel = (userId: string) => `actus.sessions.${userId}`;

/** The events that end a turn. */
export const FINAL = new Set(["done", "wait", "error"]);

export function findSession(services: ActusServices, id: string): SessionRow | undefined {
  return services.db.get<SessionRow>("SELECT * FROM act_sessions WHERE id = ?", id);
}

/**
 * The session a caller may reach: their own, or any for an admin when `admins` is true. Another user's session
 * is 404, as if it did not exist.
 */
export function reachableSession(services: ActusServices, caller: ActusCaller, id: string, admins = true): SessionRow {
  const row = findSession(services, id);
  if (!row || caller.kind !== "user" || (row.user_id !== caller.userId && !(admins && caller.admin)))
    throw new Failure("NOT_FOUND", "会话不存在");
  return row;
}

/** The session, for its owner only: 404 when it does not exist, 403 when it is someone else's. */
export function ownSession(services: ActusServices, caller: ActusCaller, id: string): SessionRow {
  const row = findSession(services, id);
  if (!row) throw new Failure("NOT_FOUND", "会话不存在");
  if (caller.kind !== "user" || row.user_id !== caller.userId) throw new Failure("FORBIDDEN", "无权操作该会话");
  return row;
}

export function sessionItem(row: SessionRow): SessionItem {
  return {
    session_id: row.id,
    title: row.title,
    latest_message: row.latest_message,
    latest_message_at: row.latest_message_at,
    status: row.status,
    unread_message_count: row.unread,
  };
}

/** A user's sessions, newest first. */
export function listSessions(services: ActusServices, userId: string): SessionItem[] {
  return services.db
    .all<SessionRow>("SELECT * FROM act_sessions WHERE user_id = ? ORDER BY seq DESC", userId)
    .map(sessionItem);
}

/** Tells the owner's list streams that their list changed. */
export function listChanged(services: ActusServices, userId: string): void {
  services.events.publish(listChannel(userId), "sessions", null);
}

export function setStatus(services: ActusServices, id: string, status: SessionRow["status"]): void {
  services.db.run("UPDATE act_sessions SET status = ? WHERE id = ?", status, id);
}

/**
 * Appends an event to a session's log (with `event_id` and `created_at` added to its data), updates what the
 * list shows (latest message, unread count, title, status after a final event), and publishes it, and the owner's
 * list when it changed.
 */
export function appendEvent(
  services: ActusServices,
  session: Pick<SessionRow, "id" | "user_id">,
  event: string,
  fields: Record<string, unknown>,
  statusAfter?: SessionRow["status"],
): StoredEvent | undefined {
  const { db } = services;
  const stored = db.tx(() => {
    if (!db.get("SELECT 1 AS found FROM act_sessions WHERE id = ?", session.id)) return undefined;
    const seq = db.get<{ n: number }>(
      "SELECT coalesce(max(seq), 0) + 1 AS n FROM act_events WHERE session_id = ?",
      session.id,
    )!.n;
    const id = `${session.id}-${String(seq).padStart(6, "0")}`;
    const data = { event_id: id, created_at: Math.floor(services.now() / 1000), ...fields };
    db.run(
      "INSERT INTO act_events (session_id, seq, event_id, event, data) VALUES (?, ?, ?, ?, ?)",
      session.id,
      seq,
      id,
      event,
      JSON.stringify(data),
    );
    if (event === "message") {
      db.run(
        `UPDATE act_sessions SET latest_message = ?, latest_message_at = ?,
           unread = unread + CASE WHEN ? = 'assistant' THEN 1 ELSE 0 END WHERE id = ?`,
        String(fields.message ?? "").slice(0, 500),
        services.iso(),
        fields.role,
        session.id,
      );
    }
    if (event === "title") db.run("UPDATE act_sessions SET title = ? WHERE id = ?", fields.title, session.id);
    if (statusAfter) setStatus(services, session.id, statusAfter);
    return { seq, event, data, id } satisfies StoredEvent;
  });
  if (!stored) return undefined;
  services.events.publish(sessionChannel(session.id), event, stored);
  // Steps and tools change nothing a list shows (title, latest message, unread count, status).
  if (event === "message" || event === "title" || statusAfter) listChanged(services, session.user_id);
  return stored;
}

/** An `act_events` row: the event's data as the JSON text stored. */
export interface EventRow {
  seq: number;
  event: string;
  data: string;
  event_id: string;
}

/** A session's event rows after `seq`, in order, their data left as JSON text (what a stream sends). */
export function eventRowsAfter(services: ActusServices, sessionId: string, seq: number): EventRow[] {
  return services.db.all<EventRow>(
    "SELECT seq, event, data, event_id FROM act_events WHERE session_id = ? AND seq > ? ORDER BY seq",
    sessionId,
    seq,
  );
}

/** A session's events after `seq`, in order. */
export function eventsAfter(services: ActusServices, sessionId: string, seq: number): StoredEvent[] {
  return eventRowsAfter(services, sessionId, seq).map((r) => ({
    seq: r.seq,
    event: r.event,
    data: JSON.parse(r.data) as Record<string, unknown>,
    id: r.event_id,
  }));
}

/** The `seq` of an event of the session, by its `event_id`. */
export function seqOfEvent(services: ActusServices, sessionId: string, eventId: string): number | undefined {
  return services.db.get<{ seq: number }>(
    "SELECT seq FROM act_events WHERE session_id = ? AND event_id = ?",
    sessionId,
    eventId,
  )?.seq;
}

/** The last `seq` of a session's log (0 when empty). */
export function lastSeq(services: ActusServices, sessionId: string): number {
  return services.db.get<{ n: number }>(
    "SELECT coalesce(max(seq), 0) AS n FROM act_events WHERE session_id = ?",
    sessionId,
  )!.n;
}
