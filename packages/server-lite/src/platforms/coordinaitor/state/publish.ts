/**
 * @module
 * Events, published by the code path that changed the state, after it committed: on the event bus (the `/ws`
 * channels `tasks`, `agents`, `projects` read it) and to the webhook engine (the ten documented events).
 * Each carries its audience, so that `/ws` and webhooks send it only to users who may see the resource.
 */
import type { Agent, Project, Task, User, WebhookEventName } from "@agentlane/sdk/coordinaitor/contract";
import { WEBHOOK_EVENTS } from "@agentlane/sdk/coordinaitor/contract";
import type { Audience, CoServices } from "../services.ts";
import { taskAudience } from "./access.ts";
import { agentRow, agentView, TASK_SELECT, type TaskViewRow, taskView } from "./views.ts";

/** The bus channel of a `/ws` channel. */
export const busChannel = (channel: "tasks" | "agents" | "projects" | "users") => `coordinaitor:${channel}`;

/** What the bus carries for one event. */
export interface BusEvent {
  data: unknown;
  audience: Audience;
}

const WEBHOOK_SET: ReadonlySet<string> = new Set(WEBHOOK_EVENTS);

/** Publishes one event on the bus and, when it is a documented webhook event, to the webhook engine. */
export function publish(
  services: CoServices,
  channel: "tasks" | "agents" | "projects" | "users",
  event: string,
  data: unknown,
  audience: Audience,
): void {
  if (channel !== "users") services.events.publish(busChannel(channel), event, { data, audience } satisfies BusEvent);
  if (WEBHOOK_SET.has(event)) services.webhookHook?.(event as WebhookEventName, data, audience);
}

/** Publishes a task's events: `task.updated` (or `task.created`), then the specific ones named. */
export function publishTask(services: CoServices, taskId: string, events: readonly string[]): Task | undefined {
  const row = services.db.get<TaskViewRow>(`${TASK_SELECT} WHERE t.id = ?`, taskId);
  if (!row) return undefined;
  const task = taskView(services, row);
  const data = {
    ...task,
    agent: task.assignedAgent ? { id: task.assignedAgent.id, name: task.assignedAgent.name } : null,
  };
  const audience = taskAudience(services, row);
  for (const event of events) publish(services, "tasks", event, data, audience);
  return task;
}

/**
 * Recomputes an agent's status and publishes `agent.status_changed` when it differs from the one last published
 * (a task assigned or finished, the agent enabled or disabled, its capacity changed).
 */
export function refreshAgentStatus(services: CoServices, agentId: string | null): void {
  if (!agentId) return;
  const row = agentRow(services, agentId);
  if (!row || row.status === row.last_status) return;
  services.db.run("UPDATE co_agents SET last_status = ? WHERE id = ?", row.status, agentId);
  const agent: Agent = agentView(row);
  publish(
    services,
    "agents",
    "agent.status_changed",
    { ...agent, previousStatus: row.last_status },
    {
      orgId: row.org_id,
      users: "org",
    },
  );
}

/** Publishes a project event to its creator and members. */
export function publishProject(services: CoServices, project: Project, orgId: string, events: readonly string[]): void {
  const users = [project.createdBy, ...project.teamMembers.map((m) => m.userId)];
  for (const event of events) publish(services, "projects", event, project, { orgId, users });
}

/** Publishes `user.registered` to the organization's administrators. */
export function publishUser(services: CoServices, user: User): void {
  publish(services, "users", "user.registered", user, { orgId: user.organizationId, users: [] });
}
