/**
 * @module
 * §6 Projects. Choices are documented in the SDK's `contract/projects.ts`.
 */

import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import type { NestCaller } from "../caller.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import { broadcast } from "../state/broadcast.ts";
import {
  activeInstanceCount,
  INSTANCE_ACTIVE_MS,
  logActivity,
  maxTokens,
  ownProject,
  type ProjectRow,
  percent,
  projectDetail,
  projectTokens,
  touchInstance,
} from "../state/projects.ts";
import { releaseExpiredClaims } from "../state/tasks.ts";
import { ownMachine } from "./machines.ts";

const DEFAULT_ACTIVITY_LIMIT = 50;

/** The caller's project, with timed-out task claims released first so its figures are current. */
export function currentProject(services: NestServices, caller: NestCaller, id: string): ProjectRow {
  const row = ownProject(services, caller, id);
  releaseExpiredClaims(services, row);
  return row;
}

/** The projects handlers of the document; `scan`, beyond it, is in `beyond-document/project-scan.ts`. */
export const projects: Omit<NestHandlers<"projects">, "scan"> = {
  list({ caller, params }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    const rows = services.db.all<ProjectRow>(
      "SELECT * FROM cn_projects WHERE machine_id = ? ORDER BY created_at, id",
      machine.id,
    );
    return rows.map((row) => {
      releaseExpiredClaims(services, row);
      const { architecture, conventions, current_focus, recent_changes, settings, updated_at, ...item } = projectDetail(
        services,
        row,
      );
      return item;
    });
  },

  create({ caller, params, body }, { services }) {
    const machine = ownMachine(services, caller, params.machine);
    const id = uuid();
    const now = services.clock.iso();
    services.db.tx(() => {
      if (
        services.db.get(
          "SELECT 1 FROM cn_projects WHERE machine_id = ? AND project_path = ?",
          machine.id,
          body.project_path,
        )
      ) {
        throw new Failure("PRJ_002", `A project already exists at ${body.project_path} on this machine`);
      }
      services.db.run(
        `INSERT INTO cn_projects (id, user_id, machine_id, name, project_path, summary, architecture, conventions, settings, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        machine.user_id,
        machine.id,
        body.name,
        body.project_path,
        body.summary ?? null,
        body.architecture ?? null,
        body.conventions ?? null,
        JSON.stringify(body.settings ?? {}),
        now,
        now,
      );
      logActivity(services, id, null, "project_created", { name: body.name });
    });
    return projectDetail(services, ownProject(services, caller, id));
  },

  get: ({ caller, params }, { services }) => projectDetail(services, currentProject(services, caller, params.id)),

  update({ caller, params, body }, { services }) {
    const row = ownProject(services, caller, params.id);
    const pick = <K extends keyof typeof body & keyof ProjectRow>(key: K) =>
      body[key] === undefined ? row[key] : body[key];
    const settings = body.settings ? { ...JSON.parse(row.settings), ...body.settings } : JSON.parse(row.settings);
    services.db.tx(() => {
      services.db.run(
        `UPDATE cn_projects SET name = ?, summary = ?, architecture = ?, conventions = ?, current_focus = ?, recent_changes = ?,
         settings = ?, updated_at = ? WHERE id = ?`,
        pick("name"),
        pick("summary"),
        pick("architecture"),
        pick("conventions"),
        pick("current_focus"),
        pick("recent_changes"),
        JSON.stringify(settings),
        services.clock.iso(),
        row.id,
      );
      logActivity(services, row.id, null, "project_updated", {
        fields: Object.keys(body).filter((k) => body[k as keyof typeof body] !== undefined),
      });
    });
    return projectDetail(services, ownProject(services, caller, row.id));
  },

  remove({ caller, params }, { services }) {
    const row = ownProject(services, caller, params.id);
    services.db.run("DELETE FROM cn_projects WHERE id = ?", row.id);
    return null;
  },

  stats({ caller, params }, { services }) {
    const row = currentProject(services, caller, params.id);
    const counts = services.db.get<{
      total: number;
      completed: number | null;
      pending: number | null;
      in_progress: number | null;
    }>(
      `SELECT count(*) AS total, sum(status = 'completed') AS completed, sum(status = 'pending') AS pending,
       sum(status = 'in_progress') AS in_progress FROM cn_tasks WHERE project_id = ?`,
      row.id,
    )!;
    const locks = services.db.get<{ n: number }>(
      "SELECT count(*) AS n FROM cn_locks WHERE project_id = ? AND expires_at > ?",
      row.id,
      services.now(),
    )!.n;
    const total = projectTokens(services, row);
    const max = maxTokens(row);
    return {
      total_tokens: total,
      max_tokens: max,
      token_usage_percent: percent(total, max),
      active_instances: activeInstanceCount(services, row.id),
      total_tasks: counts.total,
      completed_tasks: counts.completed ?? 0,
      pending_tasks: counts.pending ?? 0,
      in_progress_tasks: counts.in_progress ?? 0,
      active_locks: locks,
    };
  },

  instances({ caller, params }, { services }) {
    const row = currentProject(services, caller, params.id);
    const now = services.now();
    const max = maxTokens(row);
    const instances = services.db.all<{
      id: string;
      tasks_completed: number;
      current_task_id: string | null;
      first_seen_at: number;
    }>(
      "SELECT * FROM cn_instances WHERE project_id = ? AND last_seen_at > ? ORDER BY first_seen_at, id",
      row.id,
      now - INSTANCE_ACTIVE_MS,
    );
    return instances.map((instance) => {
      const chars = services.db.get<{ chars: number | null }>(
        "SELECT sum(length(content)) AS chars FROM cn_context_chunks WHERE project_id = ? AND instance_id = ? AND (expires_at IS NULL OR expires_at > ?)",
        row.id,
        instance.id,
        now,
      )!.chars;
      const usage = percent(Math.ceil((chars ?? 0) / 4), max);
      return {
        id: instance.id,
        status: instance.current_task_id ? ("busy" as const) : ("idle" as const),
        context_usage: usage,
        context_usage_percent: usage,
        tasks_completed: instance.tasks_completed,
        current_task_id: instance.current_task_id,
        uptime: Math.max(0, Math.floor((now - instance.first_seen_at) / 1000)),
      };
    });
  },

  activity({ caller, params, query }, { services }) {
    const row = ownProject(services, caller, params.id);
    const rows = services.db.all<{
      id: string;
      instance_id: string | null;
      type: string;
      details: string;
      created_at: string;
    }>(
      "SELECT id, instance_id, type, details, created_at FROM cn_activity WHERE project_id = ? ORDER BY seq DESC LIMIT ?",
      row.id,
      query.limit ?? DEFAULT_ACTIVITY_LIMIT,
    );
    return rows.map((r) => ({ ...r, details: JSON.parse(r.details) as Record<string, unknown> }));
  },

  broadcast({ caller, params, body }, { services }) {
    const row = ownProject(services, caller, params.id);
    const target = body.target ?? "all";
    // The agent's body names the sending instance: it acted now, and a broadcast reaches the others.
    const sender = body.instance_id ?? null;
    const now = services.now();
    const recipients =
      target === "all"
        ? services.db
            .all<{ id: string }>(
              "SELECT id FROM cn_instances WHERE project_id = ? AND last_seen_at > ? AND id IS NOT ? ORDER BY id",
              row.id,
              now - INSTANCE_ACTIVE_MS,
              sender,
            )
            .map((r) => r.id)
        : services.db.get("SELECT 1 FROM cn_instances WHERE project_id = ? AND id = ?", row.id, target)
          ? [target]
          : [];
    const id = uuid();
    const createdAt = services.clock.iso(now);
    services.db.tx(() => {
      if (sender) touchInstance(services, row.id, sender);
      services.db.run(
        "INSERT INTO cn_context_chunks (id, project_id, content, type, instance_id, created_at) VALUES (?, ?, ?, 'broadcast', ?, ?)",
        id,
        row.id,
        body.content,
        sender,
        createdAt,
      );
      logActivity(services, row.id, sender, "broadcast", {
        type: body.type,
        content: body.content,
        target,
        recipients,
      });
    });
    const message = { id, type: body.type, content: body.content, target, recipients, created_at: createdAt };
    broadcast(services, `private-project.${row.id}`, "project:broadcast", message);
    return message;
  },
};
