/**
 * @module
 * What a machine's agent reports about the sessions it runs, and what becomes of it: the same logs, statuses and
 * `private-session.{id}` events as a session server-lite runs itself, so the API, the session logs, the Pusher
 * channels and every terminal view show the agent's PTY. Messages and fields are the ClaudeNest agent's
 * (`src/agent.ts`, `src/handlers/session-handler.ts`); their effects follow ClaudeNest's `AgentServe`:
 *
 * - `session:status {sessionId, status?, pid?, ptySize?, error?}`: `running` starts the clock, `error` ends the
 *   session with the agent's message, `terminated` ends it; a pid or size is stored. A session already over keeps
 *   its final state (the agent confirms a termination the server asked for).
 * - `session:output {sessionId, type, data, timestamp}`: stored as an `output` log and published as
 *   `session:output`.
 * - `session:exited {sessionId, exitCode}`: the session is terminated with that exit code.
 * - `session:recovered {sessionId}`: a session the agent still runs after its own restart is running again.
 * - `error {originalType, code?, message, sessionId?}`: a `session:create` the agent could not carry out puts the
 *   session in `error`; any error about a session is kept in its logs.
 *
 * An agent speaks only of its own machine's sessions: another session id is `SES_001`.
 */
import { z } from "zod";
import { Failure } from "../../../core/failure.ts";
import {
  appendLog,
  isActive,
  recordExit,
  recordOutput,
  type SessionRow,
  sessionChannel,
  setStatus,
} from "../runtime/session-runtime.ts";
import type { NestServices } from "../services.ts";
import { parsePayload } from "./machine-info.ts";

const SessionId = z.string().min(1).max(64);
const Size = z.object({ cols: z.number().int().min(1).max(1000), rows: z.number().int().min(1).max(1000) });

const StatusSchema = z.looseObject({
  sessionId: SessionId,
  status: z.enum(["created", "starting", "running", "waiting_input", "terminated", "error"]).optional(),
  pid: z.number().int().positive().nullish(),
  ptySize: Size.optional(),
  error: z.string().max(10_000).nullish(),
});
const OutputSchema = z.looseObject({
  sessionId: SessionId,
  type: z.enum(["output", "error", "status"]).optional(),
  data: z.string().max(1_048_576),
});
const ExitedSchema = z.looseObject({ sessionId: SessionId, exitCode: z.number().int().nullish() });
const RecoveredSchema = z.looseObject({ sessionId: SessionId });
const ErrorSchema = z.looseObject({
  originalType: z.string().max(100),
  code: z.string().max(100).optional(),
  message: z.string().max(10_000).optional(),
  sessionId: SessionId.optional(),
});

/** The session `id` of the agent's machine, or SES_001. */
function machineSession(services: NestServices, machineId: string, sessionId: string): SessionRow {
  const row = services.db.get<SessionRow>(
    "SELECT * FROM cn_sessions WHERE id = ? AND machine_id = ?",
    sessionId,
    machineId,
  );
  if (!row) throw new Failure("SES_001", `Session ${sessionId} is not a session of this machine.`);
  return row;
}

/** Ends an active session as the agent reports it; publishes `session:terminated`. */
function end(services: NestServices, row: SessionRow, fields: Partial<SessionRow>): void {
  setStatus(services, row.id, { ...fields, completed_at: services.now() });
  services.events.publish(sessionChannel(row.id), "session:terminated", {});
}

function onStatus(services: NestServices, machineId: string, payload: unknown): void {
  const report = parsePayload(StatusSchema, payload, "session:status");
  const row = machineSession(services, machineId, report.sessionId);
  if (report.pid) setStatus(services, row.id, { pid: report.pid });
  if (report.ptySize) setStatus(services, row.id, { cols: report.ptySize.cols, rows: report.ptySize.rows });
  if (!report.status || !isActive(row.status) || report.status === row.status) return;
  switch (report.status) {
    case "running":
      setStatus(services, row.id, {
        status: "running",
        status_message: "Running on the machine's agent",
        started_at: row.started_at ?? services.now(),
      });
      return;
    case "terminated":
      end(services, row, { status: "terminated", status_message: "Terminated by the machine's agent" });
      return;
    case "error": {
      const message = report.error ?? "The machine's agent reported an error";
      appendLog(services, row.id, "error", message);
      end(services, row, { status: "error", status_message: message });
      return;
    }
    default:
      setStatus(services, row.id, { status: report.status });
  }
}

function onError(services: NestServices, machineId: string, payload: unknown): void {
  const report = parsePayload(ErrorSchema, payload, "error");
  if (report.sessionId === undefined) return;
  const row = machineSession(services, machineId, report.sessionId);
  const message = `${report.code ? `${report.code}: ` : ""}${report.message ?? "The machine's agent reported an error"}`;
  appendLog(services, row.id, "error", message, { originalType: report.originalType });
  if (report.originalType === "session:create" && isActive(row.status))
    end(services, row, { status: "error", status_message: message });
}

/** Handles a session report of the agent; false when `type` is not one. */
export function onSessionReport(services: NestServices, machineId: string, type: string, payload: unknown): boolean {
  switch (type) {
    case "session:status":
      onStatus(services, machineId, payload);
      return true;
    case "session:output": {
      const report = parsePayload(OutputSchema, payload, type);
      recordOutput(services, machineSession(services, machineId, report.sessionId).id, report.data);
      return true;
    }
    case "session:exited": {
      const report = parsePayload(ExitedSchema, payload, type);
      recordExit(services, machineSession(services, machineId, report.sessionId).id, report.exitCode ?? 0, 0);
      return true;
    }
    case "session:recovered": {
      const row = machineSession(services, machineId, parsePayload(RecoveredSchema, payload, type).sessionId);
      if (isActive(row.status)) setStatus(services, row.id, { status: "running" });
      return true;
    }
    case "error":
      onError(services, machineId, payload);
      return true;
    default:
      return false;
  }
}
