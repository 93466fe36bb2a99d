/**
 * @module
 * §Project Endpoints. Choices are documented in the SDK's `contract/projects.ts`.
 */
import { randomUUID } from "node:crypto";
import type { Project } from "@agentlane/sdk/coordinaitor/contract";
import { Failure } from "../../../core/failure.ts";
import { type CoUser, userOf } from "../caller.ts";
import type { CoServices } from "../services.ts";
import { managedProject, projectAudience, seenProject, visibleProjects } from "../state/access.ts";
import { log } from "../state/logs.ts";
import { publish, publishProject } from "../state/publish.ts";
import { DEFAULT_LIMIT, likePattern, listTasks } from "../state/task-list.ts";
import { type ProjectRow, projectView } from "../state/views.ts";
import type { CoHandlers } from "./types.ts";

const DEFAULT_MEMBER_PERMISSIONS = ["tasks:read", "tasks:write"];

function projectById(services: CoServices, id: string): Project {
  return projectView(services, services.db.get<ProjectRow>("SELECT * FROM co_projects WHERE id = ?", id)!);
}

/** Users of the caller's organization among `ids`, or a `VALIDATION_ERROR` naming `field`. */
function checkUsers(services: CoServices, caller: CoUser, ids: readonly string[], field: string): void {
  const unknown = ids.filter(
    (id) => !services.db.get("SELECT 1 FROM co_users WHERE id = ? AND org_id = ?", id, caller.orgId),
  );
  if (unknown.length > 0)
    throw new Failure("VALIDATION_ERROR", "Unknown users", {
      [field]: unknown.map((id) => `No such user: ${id.slice(0, 100)}`),
    });
}

function checkAgents(services: CoServices, caller: CoUser, ids: readonly string[]): void {
  const unknown = ids.filter(
    (id) => !services.db.get("SELECT 1 FROM co_agents WHERE id = ? AND org_id = ?", id, caller.orgId),
  );
  if (unknown.length > 0)
    throw new Failure("VALIDATION_ERROR", "Unknown agents", {
      agents: unknown.map((id) => `No such agent: ${id.slice(0, 100)}`),
    });
}

export const projects: CoHandlers<"projects"> = {
  list: ({ query, caller }, { services }) => {
    const user = userOf(caller);
    const visible = visibleProjects(user);
    const where = [visible.sql];
    const args = [...visible.args];
    if (query.status) {
      where.push("p.status = ?");
      args.push(query.status);
    }
    if (query.search) {
      const pattern = likePattern(query.search);
      where.push("(p.name LIKE ? ESCAPE '\\' OR p.description LIKE ? ESCAPE '\\')");
      args.push(pattern, pattern);
    }
    if (query.memberId) {
      where.push("(p.created_by = ? OR p.id IN (SELECT project_id FROM co_project_members WHERE user_id = ?))");
      args.push(query.memberId, query.memberId);
    }
    const page = query.page ?? 1;
    const perPage = query.limit ?? DEFAULT_LIMIT;
    const found = services.db.page<ProjectRow>({
      columns: "p.*",
      from: "co_projects p",
      where: where.map((w) => `(${w})`).join(" AND "),
      args,
      orderBy: "p.created_at DESC, p.rowid DESC",
      page,
      perPage,
    });
    return { items: found.rows.map((row) => projectView(services, row)), page, perPage, total: found.total };
  },

  create: ({ body, caller }, { services }) => {
    const user = userOf(caller);
    const id = `proj-${randomUUID()}`;
    services.db.tx(() => {
      const members = body.teamMembers ?? [];
      checkUsers(
        services,
        user,
        members.map((m) => m.userId),
        "teamMembers",
      );
      checkAgents(services, user, body.agents ?? []);
      const now = services.now();
      services.db.run(
        `INSERT INTO co_projects (id, org_id, created_by, name, description, status, priority, start_date, end_date,
           budget, tags, agents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        user.orgId,
        user.userId,
        body.name,
        body.description ?? "",
        body.status ?? "active",
        body.priority ?? "medium",
        body.startDate ?? null,
        body.endDate ?? null,
        body.budget ? JSON.stringify(body.budget) : null,
        JSON.stringify(body.tags ?? []),
        JSON.stringify([...new Set(body.agents ?? [])]),
        now,
        now,
      );
      for (const m of members)
        services.db.run(
          "INSERT OR REPLACE INTO co_project_members (project_id, user_id, role, permissions, added_at) VALUES (?, ?, ?, ?, ?)",
          id,
          m.userId,
          m.role,
          JSON.stringify(m.permissions ?? DEFAULT_MEMBER_PERMISSIONS),
          now,
        );
    });
    const project = projectById(services, id);
    publishProject(
      services,
      project,
      user.orgId,
      project.status === "completed" ? ["project.created", "project.completed"] : ["project.created"],
    );
    return project;
  },

  get: ({ params, caller }, { services }) => {
    seenProject(services, userOf(caller), params.projectId);
    return projectById(services, params.projectId);
  },

  update: ({ params, body, caller }, { services }) => {
    const user = userOf(caller);
    const before = services.db.tx(() => {
      const row = managedProject<ProjectRow>(services, user, params.projectId);
      if (body.agents) checkAgents(services, user, body.agents);
      const sets: string[] = [];
      const args: unknown[] = [];
      const set = (column: string, value: unknown) => {
        if (value !== undefined) {
          sets.push(`${column} = ?`);
          args.push(value);
        }
      };
      set("name", body.name);
      set("description", body.description);
      set("status", body.status);
      set("priority", body.priority);
      set("start_date", body.startDate);
      set("end_date", body.endDate);
      set("budget", body.budget === undefined ? undefined : body.budget === null ? null : JSON.stringify(body.budget));
      set("tags", body.tags && JSON.stringify(body.tags));
      set("agents", body.agents && JSON.stringify([...new Set(body.agents)]));
      if (sets.length > 0)
        services.db.run(
          `UPDATE co_projects SET ${sets.join(", ")}, updated_at = ? WHERE id = ?`,
          ...args,
          services.now(),
          row.id,
        );
      return row;
    });
    const project = projectById(services, params.projectId);
    const events = ["project.updated"];
    if (before.status !== "completed" && project.status === "completed") events.push("project.completed");
    publishProject(services, project, user.orgId, events);
    return project;
  },

  delete: ({ params, caller }, { services }) => {
    const user = userOf(caller);
    const audience = services.db.tx(() => {
      const row = managedProject<ProjectRow>(services, user, params.projectId);
      const audience = projectAudience(services, row);
      services.db.run("DELETE FROM co_projects WHERE id = ?", row.id);
      log(services, "info", "projects", "Project deleted", { projectId: row.id, userId: user.userId });
      return audience;
    });
    publish(services, "projects", "project.deleted", { id: params.projectId }, audience);
    return null;
  },

  tasks: ({ params, query, caller }, { services }) => {
    const user = userOf(caller);
    seenProject(services, user, params.projectId);
    return listTasks(services, user, { ...query, projectId: params.projectId });
  },

  addMember: ({ params, body, caller }, { services }) => {
    const user = userOf(caller);
    const member = services.db.tx(() => {
      const row = managedProject<ProjectRow>(services, user, params.projectId);
      if (!services.db.get("SELECT 1 FROM co_users WHERE id = ? AND org_id = ?", body.userId, user.orgId))
        throw new Failure("NOT_FOUND", "User not found");
      if (services.db.get("SELECT 1 FROM co_project_members WHERE project_id = ? AND user_id = ?", row.id, body.userId))
        throw new Failure("CONFLICT_ERROR", "The user is already a member of this project");
      const now = services.now();
      const permissions = [...new Set(body.permissions ?? DEFAULT_MEMBER_PERMISSIONS)];
      services.db.run(
        "INSERT INTO co_project_members (project_id, user_id, role, permissions, added_at) VALUES (?, ?, ?, ?, ?)",
        row.id,
        body.userId,
        body.role,
        JSON.stringify(permissions),
        now,
      );
      services.db.run("UPDATE co_projects SET updated_at = ? WHERE id = ?", now, row.id);
      return { userId: body.userId, role: body.role, permissions: permissions as never, addedAt: services.iso(now) };
    });
    publishProject(services, projectById(services, params.projectId), user.orgId, ["project.updated"]);
    return member;
  },

  removeMember: ({ params, caller }, { services }) => {
    const user = userOf(caller);
    services.db.tx(() => {
      const row = managedProject<ProjectRow>(services, user, params.projectId);
      const removed = services.db.run(
        "DELETE FROM co_project_members WHERE project_id = ? AND user_id = ?",
        row.id,
        params.userId,
      );
      if (removed.changes === 0) throw new Failure("NOT_FOUND", "The user is not a member of this project");
      services.db.run("UPDATE co_projects SET updated_at = ? WHERE id = ?", services.now(), row.id);
    });
    publishProject(services, projectById(services, params.projectId), user.orgId, ["project.updated"]);
    return null;
  },
};
