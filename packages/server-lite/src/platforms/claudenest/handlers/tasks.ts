/**
 * @module
 * §7 Tasks. A claim is one conditional update in a transaction, so of concurrent claims exactly one wins;
 * events are published after the transaction commits. Choices are documented in the SDK's `contract/tasks.ts`.
 */

import { Failure } from "../../../core/failure.ts";
import { uuid } from "../../../core/ids.ts";
import type { NestHandlers } from "../handlers.ts";
import type { NestServices } from "../services.ts";
import { broadcast } from "../state/broadcast.ts";
import { logActivity, ownProject, type ProjectRow, touchInstance } from "../state/projects.ts";
import {
  checkDependencies,
  countTasks,
  nextAvailableRow,
  projectOfTask,
  refreshCurrentTask,
  releaseExpiredClaims,
  storedStatus,
  TASK_COLUMNS,
  type TaskRow,
  takeClaim,
  taskById,
  taskRow,
  toTask,
} from "../state/tasks.ts";

const DEFAULT_PER_PAGE = 50;

/** The project, after its expired claims are released. */
function readyProject(services: NestServices, project: ProjectRow): ProjectRow {
  releaseExpiredClaims(services, project);
  return project;
}

function replaceDependencies(services: NestServices, taskId: string, dependencies: readonly string[]): void {
  services.db.run("DELETE FROM cn_task_dependencies WHERE task_id = ?", taskId);
  for (const dependsOn of dependencies) {
    services.db.run("INSERT INTO cn_task_dependencies (task_id, depends_on) VALUES (?, ?)", taskId, dependsOn);
  }
}

/**
 * The claimed task with the instance holding it, or TSK_003. With `instanceId` the claim must be that instance's;
 * without it the caller acts for whichever instance holds the claim.
 *
 * The document gives TSK_003 403. ClaudeNest's own server (`TaskController::release` and `::complete`) answers it
 * 400, "Task is not claimed" / "Task must be claimed before completion"; with `compat: "real"` server-lite answers
 * that status and those words. The real server checks no instance at all, so it would let a second instance finish
 * another's task: server-lite keeps refusing that (TSK_003, "Task not claimed by this instance") in both modes.
 */
function heldTask(
  services: NestServices,
  taskId: string,
  instanceId: string | undefined,
  action: "release" | "complete",
): TaskRow & { assigned_to: string } {
  const row = taskRow(services, taskId)!;
  const holder = row.assigned_to;
  if (row.status !== "in_progress" || holder === null || (instanceId !== undefined && holder !== instanceId)) {
    const real = services.settings.compat === "real";
    const unclaimed = real && action === "complete" ? "Task must be claimed before completion" : "Task is not claimed";
    const message =
      row.status === "completed"
        ? "Task is already completed"
        : holder === null
          ? unclaimed
          : "Task not claimed by this instance";
    throw new Failure("TSK_003", message, undefined, undefined, real ? 400 : undefined);
  }
  return { ...row, assigned_to: holder };
}

function publish(services: NestServices, projectId: string, event: string, payload: unknown): void {
  broadcast(services, `private-project.${projectId}`, event, payload);
}

export const tasks: NestHandlers<"tasks"> = {
  claimNext({ caller, params, body }, { services }) {
    const project = readyProject(services, ownProject(services, caller, params.project));
    // One transaction: no other claim can come between choosing the task and taking it.
    const claimed = services.db.tx(() => {
      const row = nextAvailableRow(services, project.id);
      return row && takeClaim(services, project.id, row, body.instance_id) ? row.id : undefined;
    });
    if (claimed === undefined) return null;
    const task = taskById(services, claimed);
    publish(services, project.id, "task:claimed", { task, instanceId: body.instance_id });
    return task;
  },

  list({ caller, params, query }, { services }) {
    const project = readyProject(services, ownProject(services, caller, params.project));
    const perPage = query.per_page ?? DEFAULT_PER_PAGE;
    const page = query.page ?? 1;
    const where = ["t.project_id = ?"];
    const args: unknown[] = [project.id];
    const status = query.status ? storedStatus(query.status) : undefined;
    if (status) {
      // Written as a literal (a status the query schema has checked, so only letters and underscores): with a
      // parameter compared to the partial indexes' `status = 'in_progress'`, SQLite would plan the statement anew
      // on every call. Each status gets its own statement, and 'in_progress' can use those indexes.
      if (!/^[a-z_]+$/.test(status)) throw new Failure("VAL_001");
      where.push(`t.status = '${status}'`);
    }
    if (query.priority) {
      where.push("t.priority = ?");
      args.push(query.priority);
    }
    const { rows, ...found } = services.db.page<TaskRow>({
      columns: TASK_COLUMNS,
      from: "cn_tasks t",
      where: where.join(" AND "),
      args,
      orderBy: "t.seq",
      key: { column: "t.seq", field: "seq" },
      page,
      perPage,
      // The counter table knows the total by project and status; a priority filter is counted.
      total: query.priority ? undefined : countTasks(services, project.id, status),
    });
    return { items: rows.map((row) => toTask(services, row)), ...found };
  },

  create({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    const id = uuid();
    const now = services.clock.iso();
    const instance = body.instance_id ?? null;
    services.db.tx(() => {
      const dependencies = checkDependencies(services, project.id, null, body.dependencies ?? []);
      services.db.run(
        `INSERT INTO cn_tasks (id, project_id, title, description, priority, files, estimated_tokens, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        project.id,
        body.title,
        body.description ?? null,
        body.priority ?? "medium",
        JSON.stringify(body.files ?? []),
        body.estimated_tokens ?? null,
        now,
        now,
      );
      replaceDependencies(services, id, dependencies);
      if (instance) touchInstance(services, project.id, instance);
      logActivity(services, project.id, instance, "task_created", {
        task_id: id,
        task_title: body.title,
        priority: body.priority ?? "medium",
      });
    });
    return taskById(services, id);
  },

  nextAvailable({ caller, params }, { services }) {
    const project = readyProject(services, ownProject(services, caller, params.project));
    const row = nextAvailableRow(services, project.id);
    return row ? toTask(services, row) : null;
  },

  get({ caller, params }, { services }) {
    readyProject(services, projectOfTask(services, caller, params.id));
    return taskById(services, params.id);
  },

  update({ caller, params, body }, { services }) {
    const project = readyProject(services, projectOfTask(services, caller, params.id));
    const row = taskRow(services, params.id)!;
    const instance = body.instance_id ?? null;
    const pick = <K extends keyof typeof body & keyof TaskRow>(key: K) =>
      body[key] === undefined ? row[key] : body[key];
    services.db.tx(() => {
      if (body.dependencies) {
        replaceDependencies(services, row.id, checkDependencies(services, project.id, row.id, body.dependencies));
      }
      services.db.run(
        "UPDATE cn_tasks SET title = ?, description = ?, priority = ?, files = ?, estimated_tokens = ?, updated_at = ? WHERE id = ?",
        pick("title"),
        pick("description"),
        pick("priority"),
        body.files ? JSON.stringify(body.files) : row.files,
        pick("estimated_tokens"),
        services.clock.iso(),
        row.id,
      );
      if (instance) touchInstance(services, project.id, instance);
      logActivity(services, project.id, instance, "task_updated", {
        task_id: row.id,
        task_title: body.title ?? row.title,
        fields: Object.keys(body).filter((k) => k !== "instance_id" && body[k as keyof typeof body] !== undefined),
      });
    });
    return taskById(services, row.id);
  },

  remove({ caller, params, query }, { services }) {
    const project = readyProject(services, projectOfTask(services, caller, params.id));
    const row = taskRow(services, params.id)!;
    const instance = query.instance_id ?? null;
    services.db.tx(() => {
      // The foreign keys cascade: edges from and to this task go with it.
      services.db.run("DELETE FROM cn_tasks WHERE id = ?", row.id);
      if (row.status === "in_progress" && row.assigned_to) refreshCurrentTask(services, project.id, row.assigned_to);
      if (instance) touchInstance(services, project.id, instance);
      logActivity(services, project.id, instance, "task_deleted", { task_id: row.id, task_title: row.title });
    });
    return null;
  },

  claim({ caller, params, body }, { services }) {
    const project = readyProject(services, projectOfTask(services, caller, params.id));
    const instance = body.instance_id;
    const claimed = services.db.tx(() => {
      const row = taskRow(services, params.id)!;
      if (row.status === "in_progress" && row.assigned_to === instance) {
        touchInstance(services, project.id, instance);
        return false;
      }
      if (row.status === "completed") throw new Failure("TSK_002", "Task is already completed");
      if (row.status === "in_progress") throw new Failure("TSK_002");
      if (row.blocked === 1) throw new Failure("TSK_002", "Task is blocked by dependencies that are not completed");
      if (!takeClaim(services, project.id, row, instance)) throw new Failure("TSK_002");
      return true;
    });
    const task = taskById(services, params.id);
    if (!claimed) return { ...task, task, message: "Task already claimed by this instance" };
    publish(services, project.id, "task:claimed", { task, instanceId: instance });
    return { ...task, task, message: "Task claimed successfully" };
  },

  release({ caller, params, body }, { services }) {
    const project = readyProject(services, projectOfTask(services, caller, params.id));
    const reason = body.reason ?? null;
    services.db.tx(() => {
      const row = heldTask(services, params.id, body.instance_id, "release");
      const instance = row.assigned_to;
      services.db.run(
        "UPDATE cn_tasks SET status = 'pending', assigned_to = NULL, claimed_at = NULL, updated_at = ? WHERE id = ?",
        services.clock.iso(),
        row.id,
      );
      // Only an instance that names itself has acted; a release on its behalf does not mark it as seen.
      if (body.instance_id) touchInstance(services, project.id, instance);
      refreshCurrentTask(services, project.id, instance);
      logActivity(services, project.id, instance, "task_released", { task_id: row.id, task_title: row.title, reason });
    });
    const task = taskById(services, params.id);
    publish(services, project.id, "task:released", { task, reason });
    return { ...task, task, message: "Task released" };
  },

  complete({ caller, params, body }, { services }) {
    const project = readyProject(services, projectOfTask(services, caller, params.id));
    const filesModified = body.files_modified ?? [];
    services.db.tx(() => {
      const row = heldTask(services, params.id, body.instance_id, "complete");
      const instance = row.assigned_to;
      services.db.run(
        "UPDATE cn_tasks SET status = 'completed', completed_at = ?, completion_summary = ?, files_modified = ?, updated_at = ? WHERE id = ?",
        services.now(),
        body.summary,
        JSON.stringify(filesModified),
        services.clock.iso(),
        row.id,
      );
      if (body.instance_id) touchInstance(services, project.id, instance);
      services.db.run(
        "UPDATE cn_instances SET tasks_completed = tasks_completed + 1 WHERE project_id = ? AND id = ?",
        project.id,
        instance,
      );
      refreshCurrentTask(services, project.id, instance);
      logActivity(services, project.id, instance, "task_completed", {
        task_id: row.id,
        task_title: row.title,
        summary: body.summary,
        files_modified: filesModified,
      });
    });
    const task = taskById(services, params.id);
    publish(services, project.id, "task:completed", { task, summary: body.summary });
    return { ...task, task, message: "Task completed" };
  },
};
