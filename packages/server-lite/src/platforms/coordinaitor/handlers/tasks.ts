/**
 * @module
 * §Task Endpoints. Every change is one transaction that also records the history; events are published after it
 * commits. Choices are documented in the SDK's `contract/tasks.ts`.
 */
import { randomUUID } from "node:crypto";
import { TASK_FILE_MAX_BYTES, TASK_FILE_TYPES, type TaskStatus } from "@agentlane/sdk/coordinaitor/contract";
import { Failure } from "../../../core/failure.ts";
import { type CoUser, userOf } from "../caller.ts";
import type { CoServices } from "../services.ts";
import { changeableTask, mayChangeTask, seenProject, seenTask, taskAudience } from "../state/access.ts";
import { log } from "../state/logs.ts";
import { publish, publishTask, refreshAgentStatus } from "../state/publish.ts";
import { changeTask, recordHistory } from "../state/task-changes.ts";
import { listTasks } from "../state/task-list.ts";
import { type TaskInclude, type TaskRow, taskById } from "../state/views.ts";
import type { CoHandlers } from "./types.ts";

const FINISHED: readonly TaskStatus[] = ["completed", "failed", "cancelled"];

/** An agent that can take one more task, or 409 (404 when it is not of the caller's organization). */
export function agentWithRoom(services: CoServices, caller: CoUser, agentId: string, field = "agentId"): void {
  const agent = services.db.get<{ enabled: number; max_concurrent: number; current: number }>(
    `SELECT enabled, max_concurrent,
       (SELECT count(*) FROM co_tasks WHERE agent_id = a.id AND status IN ('pending', 'active')) AS current
     FROM co_agents a WHERE id = ? AND org_id = ?`,
    agentId,
    caller.orgId,
  );
  if (!agent) throw new Failure("VALIDATION_ERROR", "Unknown agent", { [field]: ["No such agent"] });
  if (agent.enabled === 0) throw new Failure("CONFLICT_ERROR", "The agent is disabled");
  if (agent.current >= agent.max_concurrent)
    throw new Failure("CONFLICT_ERROR", `The agent already has ${agent.current} of ${agent.max_concurrent} tasks`);
}

function includes(include: string | undefined): Set<TaskInclude> {
  return new Set((include ?? "").split(",").filter(Boolean) as TaskInclude[]);
}

/** Writes a PUT or PATCH and publishes what it changed. */
function edit(
  services: CoServices,
  caller: CoUser,
  taskId: string,
  changes: Record<string, unknown>,
  reason: string | null,
) {
  const { events, agentId } = services.db.tx(() => {
    const row = changeableTask<TaskRow>(services, caller, taskId);
    return { events: changeTask(services, row, changes, caller.userId, reason), agentId: row.agent_id };
  });
  if (events.length > 0) {
    publishTask(services, taskId, events);
    refreshAgentStatus(services, agentId);
  }
  return taskById(services, taskId);
}

export const tasks: CoHandlers<"tasks"> = {
  list: ({ query, caller }, { services }) => listTasks(services, userOf(caller), query),
  listExample: ({ query, caller }, { services }) => listTasks(services, userOf(caller), query),

  create: ({ body, caller }, { services }) => {
    const user = userOf(caller);
    const id = `task-${randomUUID()}`;
    services.db.tx(() => {
      if (body.projectId !== undefined) {
        const project = services.db.get<{ id: string }>(
          "SELECT id FROM co_projects WHERE id = ? AND org_id = ?",
          body.projectId,
          user.orgId,
        );
        if (!project) throw new Failure("VALIDATION_ERROR", "Unknown project", { projectId: ["No such project"] });
        const visible = (() => {
          try {
            seenProject(services, user, body.projectId);
            return true;
          } catch {
            return false;
          }
        })();
        if (!visible) throw new Failure("VALIDATION_ERROR", "Unknown project", { projectId: ["No such project"] });
        if (!mayChangeTask(services, user, { created_by: "", project_id: body.projectId }))
          throw new Failure("AUTHORIZATION_ERROR", "Your project permissions do not include tasks:write");
      }
      if (body.agentId !== undefined) agentWithRoom(services, user, body.agentId);
      const now = services.now();
      services.db.run(
        `INSERT INTO co_tasks (id, org_id, created_by, title, description, status, priority, project_id, agent_id, tags,
           estimated_hours, actual_hours, progress, due_date, requirements, acceptance, created_at, updated_at, assigned_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, ?)`,
        id,
        user.orgId,
        user.userId,
        body.title,
        body.description ?? "",
        body.priority ?? "medium",
        body.projectId ?? null,
        body.agentId ?? null,
        JSON.stringify(body.tags ?? []),
        body.estimatedHours ?? null,
        body.dueDate ?? null,
        JSON.stringify(body.requirements ?? []),
        JSON.stringify(body.acceptanceCriteria ?? []),
        now,
        now,
        body.agentId === undefined ? null : now,
      );
      recordHistory(services, id, user.userId, "created", undefined, { status: "pending" }, null);
      if (body.agentId) recordHistory(services, id, user.userId, "assigned", null, body.agentId, null);
    });
    publishTask(services, id, body.agentId ? ["task.created", "task.assigned"] : ["task.created"]);
    refreshAgentStatus(services, body.agentId ?? null);
    return taskById(services, id);
  },

  get: ({ params, query, caller }, { services }) => {
    seenTask(services, userOf(caller), params.taskId);
    return taskById(services, params.taskId, includes(query.include));
  },

  update: ({ params, body, caller }, { services }) => {
    const { reason, ...given } = body;
    // PUT replaces the editable fields: those left out return to their defaults; status and figures stay.
    const replaced = {
      description: "",
      priority: "medium",
      dueDate: null,
      tags: [],
      estimatedHours: null,
      requirements: [],
      acceptanceCriteria: [],
      ...given,
    };
    return edit(services, userOf(caller), params.taskId, replaced, reason ?? null);
  },

  patch: ({ params, body, caller }, { services }) => {
    const { reason, ...changes } = body;
    return edit(services, userOf(caller), params.taskId, changes, reason ?? null);
  },

  delete: ({ params, query, caller }, { services }) => {
    const user = userOf(caller);
    const { row, audience } = services.db.tx(() => {
      const row = changeableTask<TaskRow>(services, user, params.taskId);
      const audience = taskAudience(services, row);
      services.db.run("DELETE FROM co_tasks WHERE id = ?", row.id);
      log(services, "info", "tasks", "Task deleted", {
        taskId: row.id,
        userId: user.userId,
        reason: query.reason ?? null,
      });
      return { row, audience };
    });
    publish(services, "tasks", "task.deleted", { id: row.id, reason: query.reason ?? null }, audience);
    refreshAgentStatus(services, row.agent_id);
    return null;
  },

  assign: ({ params, body, caller }, { services }) => {
    const user = userOf(caller);
    const previous = services.db.tx(() => {
      const row = changeableTask<TaskRow>(services, user, params.taskId);
      if (FINISHED.includes(row.status)) throw new Failure("CONFLICT_ERROR", `The task is ${row.status}`);
      if (row.agent_id !== body.agentId) agentWithRoom(services, user, body.agentId);
      const now = services.now();
      services.db.run(
        "UPDATE co_tasks SET agent_id = ?, assigned_at = ?, responded_at = NULL, updated_at = ? WHERE id = ?",
        body.agentId,
        now,
        now,
        row.id,
      );
      services.db.run("UPDATE co_agents SET last_active_at = ? WHERE id = ?", now, body.agentId);
      recordHistory(services, row.id, user.userId, "assigned", row.agent_id, body.agentId, null);
      const fresh = services.db.get<TaskRow>("SELECT * FROM co_tasks WHERE id = ?", row.id)!;
      changeTask(services, fresh, { priority: body.priority, dueDate: body.dueDate }, user.userId, null);
      return row.agent_id;
    });
    publishTask(services, params.taskId, ["task.updated", "task.assigned"]);
    refreshAgentStatus(services, previous);
    refreshAgentStatus(services, body.agentId);
    return taskById(services, params.taskId);
  },

  addComment: ({ params, body, caller }, { services }) => {
    const user = userOf(caller);
    const mentions = [...new Set(body.mentions ?? [])];
    const comment = services.db.tx(() => {
      const row = seenTask<TaskRow>(services, user, params.taskId);
      const unknown = mentions.filter(
        (id) => !services.db.get("SELECT 1 FROM co_users WHERE id = ? AND org_id = ?", id, user.orgId),
      );
      if (unknown.length > 0)
        throw new Failure("VALIDATION_ERROR", "Unknown users mentioned", {
          mentions: unknown.map((id) => `No such user: ${id.slice(0, 100)}`),
        });
      const id = `comment-${randomUUID()}`;
      const now = services.now();
      services.db.run(
        "INSERT INTO co_comments (id, task_id, author, content, mentions, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        id,
        row.id,
        user.userId,
        body.content,
        JSON.stringify(mentions),
        now,
      );
      services.db.run("UPDATE co_tasks SET updated_at = ? WHERE id = ?", now, row.id);
      recordHistory(services, row.id, user.userId, "commented", undefined, id, null);
      for (const mentioned of mentions)
        services.db.run(
          "INSERT INTO co_notifications (id, user_id, type, title, message, data, created_at) VALUES (?, ?, 'mention', ?, ?, ?, ?)",
          `notif-${randomUUID()}`,
          mentioned,
          `You were mentioned on "${row.title.slice(0, 200)}"`,
          body.content.slice(0, 500),
          JSON.stringify({ taskId: row.id, commentId: id, by: user.userId }),
          now,
        );
      return { id, content: body.content, author: user.userId, mentions, createdAt: services.iso(now) };
    });
    publishTask(services, params.taskId, ["task.updated"]);
    return comment;
  },

  uploadFile: async ({ params, body, caller }, { services }) => {
    const user = userOf(caller);
    changeableTask(services, user, params.taskId);
    const file = body.file;
    const type = (file.type || "application/octet-stream").split(";")[0]!.trim().toLowerCase();
    if (file.size > TASK_FILE_MAX_BYTES)
      throw new Failure("VALIDATION_ERROR", "The file is too large", {
        file: [`The file may be at most ${TASK_FILE_MAX_BYTES} bytes`],
      });
    if (!type.startsWith("text/") && !(TASK_FILE_TYPES as readonly string[]).includes(type))
      throw new Failure("VALIDATION_ERROR", "This type of file is not accepted", {
        file: [`Files of type ${type.slice(0, 100)} are not accepted`],
      });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const name = ((file as File).name || "file").slice(0, 255);
    const id = `file-${randomUUID()}`;
    const view = services.db.tx(() => {
      // Checked again: the task may have gone while the body was read.
      const row = changeableTask<TaskRow>(services, user, params.taskId);
      const now = services.now();
      services.db.run(
        "INSERT INTO co_files (id, task_id, name, size, mime_type, description, data, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        id,
        row.id,
        name,
        bytes.byteLength,
        type,
        body.description ?? null,
        bytes,
        user.userId,
        now,
      );
      services.db.run("UPDATE co_tasks SET updated_at = ? WHERE id = ?", now, row.id);
      recordHistory(services, row.id, user.userId, "file_uploaded", undefined, { id, name }, null);
      return {
        id,
        name,
        size: bytes.byteLength,
        mimeType: type,
        description: body.description ?? null,
        uploadedBy: user.userId,
        uploadedAt: services.iso(now),
      };
    });
    publishTask(services, params.taskId, ["task.updated"]);
    return view;
  },
};
