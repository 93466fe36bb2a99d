/**
 * @module
 * A world for the sweeps: an owner (a developer, so that only ownership grants access) with a task, a project, an
 * agent, a webhook, a notification and an OAuth client; a stranger of the same organization; and one well-formed
 * request of every endpoint naming the owner's rows.
 */
import type { EndpointSample } from "../../../core/test-malformed.ts";
import { coWorld, type SignedIn, type World } from "./world.ts";

export interface SweepWorld extends World {
  owner: SignedIn;
  stranger: SignedIn;
  ids: { task: string; project: string; agent: string; webhook: string; notification: string; clientId: string };
  /** Ids no one but the owner (and administrators) may learn. */
  privateIds(): string[];
}

export async function sweepWorld(): Promise<SweepWorld> {
  const w = await coWorld();
  const owner = await w.newUser("developer", "owner");
  const stranger = await w.newUser("developer", "stranger");
  const project = await owner.client.projects.create({ name: "Owner's project" });
  const task = await owner.client.tasks.create({ title: "Owner's task", projectId: project.id });
  const agent = await owner.client.agents.create({ name: "Owner's agent", type: "coding", maxConcurrentTasks: 50 });
  const webhook = await owner.client.webhooks.create({
    url: "http://127.0.0.1:9/hook",
    events: ["task.created"],
    active: false,
  });
  await owner.client.tasks.addComment({ taskId: task.id, content: "note to self", mentions: [owner.userId] });
  const [notification] = await owner.client.users.notifications();
  const client = await owner.client.auth.createOAuthClient({
    name: "app",
    redirectUris: ["http://localhost:9999/cb"],
    scopes: ["tasks:read"],
  });
  const ids = {
    task: task.id,
    project: project.id,
    agent: agent.id,
    webhook: webhook.id,
    notification: notification!.id,
    clientId: client.clientId,
  };
  return {
    ...w,
    owner,
    stranger,
    ids,
    privateIds: () => [ids.task, ids.project, ids.webhook, ids.notification],
  };
}

/** One well-formed request of every endpoint, naming the owner's rows. */
export function samples(w: SweepWorld): Record<string, EndpointSample> {
  const { ids } = w;
  const task = { taskId: ids.task };
  const agent = { agentId: ids.agent };
  const project = { projectId: ids.project };
  const webhook = { webhookId: ids.webhook };
  return {
    "auth.login": { params: {}, body: { email: w.owner.email, password: w.owner.password } },
    "auth.loginExample": { params: {}, body: { email: w.owner.email, password: w.owner.password } },
    "auth.refresh": { params: {}, body: { refreshToken: "rt_unknown" } },
    "auth.refreshExample": { params: {}, body: { refreshToken: "rt_unknown" } },
    "auth.logout": { params: {}, body: { refreshToken: "rt_unknown" } },
    "auth.createApiKey": { params: {}, body: { name: "k", permissions: ["tasks:read"] } },
    "auth.authorize": { params: {}, query: { client_id: ids.clientId, response_type: "code" } },
    "auth.token": {
      params: {},
      body: { grant_type: "client_credentials", client_id: ids.clientId, client_secret: "x" },
    },
    "auth.createOAuthClient": { params: {}, body: { name: "c", scopes: ["tasks:read"] } },
    "tasks.list": { params: {} },
    "tasks.listExample": { params: {} },
    "tasks.create": { params: {}, body: { title: "t", projectId: ids.project, tags: ["a"] } },
    "tasks.get": { params: task },
    "tasks.update": { params: task, body: { title: "t2", status: "active", reason: "r" } },
    "tasks.patch": { params: task, body: { progress: 0.5, actualHours: 1 } },
    "tasks.delete": { params: task, query: { reason: "r" } },
    "tasks.assign": { params: task, body: { agentId: ids.agent, priority: "high" } },
    "tasks.addComment": { params: task, body: { content: "c", mentions: [w.owner.userId] } },
    "tasks.uploadFile": { params: task, body: { description: "d" } },
    "agents.list": { params: {} },
    "agents.create": { params: {}, body: { name: "a", type: "qa", capabilities: ["x"] } },
    "agents.get": { params: agent },
    "agents.update": { params: agent, body: { name: "a2", maxConcurrentTasks: 40 } },
    "agents.enable": { params: agent },
    "agents.disable": { params: agent, body: { reason: "r" } },
    "agents.tasks": { params: agent },
    "agents.metrics": { params: agent },
    "projects.list": { params: {} },
    "projects.create": { params: {}, body: { name: "p", tags: ["x"] } },
    "projects.get": { params: project },
    "projects.update": { params: project, body: { name: "p2", status: "on-hold" } },
    "projects.delete": { params: project },
    "projects.tasks": { params: project },
    "projects.addMember": { params: project, body: { userId: w.admin.userId, role: "developer" } },
    "projects.removeMember": { params: { ...project, userId: w.admin.userId } },
    "users.list": { params: {} },
    "users.create": { params: {}, body: { email: "new@example.test", password: "long enough", name: "N" } },
    "users.me": { params: {} },
    "users.updateMe": { params: {}, body: { name: "n", preferences: { theme: "dark" } } },
    "users.uploadAvatar": { params: {}, body: { name: "x" } },
    "users.notifications": { params: {} },
    "users.markNotificationRead": { params: { notificationId: ids.notification } },
    "system.health": { params: {} },
    "system.metrics": { params: {} },
    "system.logs": { params: {} },
    "system.status": { params: {} },
    "webhooks.create": { params: {}, body: { url: "http://127.0.0.1:9/x", events: ["task.created"], active: false } },
    "webhooks.list": { params: {} },
    "webhooks.get": { params: webhook },
    "webhooks.update": { params: webhook, body: { active: false, headers: { "x-a": "b" } } },
    "webhooks.delete": { params: webhook },
    "webhooks.deliveries": { params: webhook, query: { limit: "5" } },
  };
}
