/**
 * @module
 * CoordinAItor webhooks end to end. server-lite serves CoordinAItor at its documented root on 127.0.0.1; a
 * receiver (`receiver.ts`) verifies every delivery and prints it; a script signs in as the document's
 * administrator, subscribes the receiver, and drives an agent and a task from creation to completion. A forged
 * delivery is refused.
 *
 * Run it from the repository root: `node --conditions=agentlane-source examples/coordinaitor-webhooks/index.ts`.
 */
import { CoordinAItor, type WebhookEvent } from "@agentlane/sdk/coordinaitor";
import { createServer } from "@agentlane/server-lite";
import { startReceiver } from "./receiver.ts";

const SECRET = "your-webhook-secret";

/** What one event looks like printed. */
function describe(event: WebhookEvent): string {
  switch (event.event) {
    case "agent.created":
      return `agent.created: ${event.data.name} (${event.data.type})`;
    case "agent.status_changed":
      return `agent.status_changed: ${event.data.name} ${event.data.previousStatus} -> ${event.data.status}`;
    case "project.created":
    case "project.completed":
      return `${event.event}: ${event.data.name}`;
    case "user.registered":
      return `user.registered: ${event.data.email}`;
    default:
      return `${event.event}: "${event.data.title}" ${event.data.status} ${Math.round(event.data.progress * 100)}%`;
  }
}

export async function main(
  log: (line: string) => void = console.log,
): Promise<{ events: WebhookEvent[]; refused: number }> {
  const server = await createServer({ platform: "coordinaitor", seed: true });
  const url = await server.listen(0, "127.0.0.1");
  log(`server-lite is serving CoordinAItor on ${url}`);
  const events: WebhookEvent[] = [];
  let refused = 0;
  let arrived: () => void = () => {};
  const receiver = await startReceiver(
    SECRET,
    (event) => {
      events.push(event);
      log(`received ${describe(event)}`);
      arrived();
    },
    (reason) => {
      refused++;
      log(`refused a delivery: ${reason}`);
      arrived();
    },
  );
  const waitFor = (count: () => number, n: number) =>
    new Promise<void>((resolve) => {
      arrived = () => {
        if (count() >= n) resolve();
      };
      arrived();
    });

  try {
    const client = new CoordinAItor({ baseUrl: url });
    await client.login({ email: "admin@orchestrator.com", password: "admin123" });
    await client.webhooks.create({
      url: receiver.url,
      events: ["task.created", "task.assigned", "task.completed", "agent.created", "agent.status_changed"],
      secret: SECRET,
      headers: { "User-Agent": "Orchestrator-Webhook/1.0" },
    });
    const agent = await client.agents.create({ name: "Senior Developer Bot", type: "coding", maxConcurrentTasks: 1 });
    const task = await client.tasks.create({ title: "Implement user authentication", priority: "high" });
    await client.tasks.assign({ taskId: task.id, agentId: agent.id });
    await client.tasks.patch({ taskId: task.id, status: "active", progress: 0.4 });
    await client.tasks.patch({ taskId: task.id, status: "completed", actualHours: 3.5 });
    // agent.created, task.created, task.assigned, the agent busy, task.completed, the agent available again.
    await waitFor(() => events.length, 6);

    const forged = await fetch(receiver.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-orchestrator-signature": "sha256=00" },
      body: JSON.stringify({ event: "task.completed", data: {} }),
    });
    log(`a forged delivery was answered ${forged.status}`);
    return { events, refused };
  } finally {
    await receiver.close();
    await server.close();
    log("server stopped");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
