/**
 * @module
 * A tour of CCJK Cloud: server-lite runs on 127.0.0.1 with CCJK at its documented root (`/api/v1`) and its demo
 * key; the program browses the skill registry in Chinese, downloads a plugin package and checks its SHA-256,
 * subscribes a local receiver to webhooks, gives an agent a task and watches it to completion (moving the
 * server's clock through `/_lite/clock` instead of waiting five minutes), and verifies the signed
 * `task.completed` delivery with `@agentlane/sdk/webhooks`.
 *
 * Run it from the repository root: `node --conditions=agentlane-source examples/ccjk-tour/index.ts`.
 */
import { createHash } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CCJKCloud } from "@agentlane/sdk/ccjk";
import { type TaskCompletedEvent, webhookEvents } from "@agentlane/sdk/ccjk/contract";
import { constructEvent, createVerifier, nodeRawBody } from "@agentlane/sdk/webhooks";
import { createServer } from "@agentlane/server-lite";

const SECRET = "tour-webhook-secret";

/** What the tour saw. */
export interface TourRun {
  skillNames: string[];
  pluginVerified: boolean;
  taskStatuses: string[];
  webhook: TaskCompletedEvent | undefined;
}

export async function main(log: (line: string) => void = console.log): Promise<TourRun> {
  const server = await createServer({ platform: "ccjk", seed: true, lite: true });
  const origin = await server.listen(0);
  const { apiKey } = server.seedInfo.ccjk!;
  const ccjk = new CCJKCloud({ baseUrl: `${origin}/api/v1`, token: apiKey });

  // A receiver that verifies each delivery before it believes it.
  const verifier = createVerifier({ secrets: SECRET });
  let delivered: (event: TaskCompletedEvent) => void = () => {};
  const webhook = new Promise<TaskCompletedEvent>((resolve) => (delivered = resolve));
  const receiver = createHttpServer(async (req, res) => {
    try {
      const event = await constructEvent({
        body: await nodeRawBody(req),
        signature: req.headers["x-ccjk-signature"] as string,
        verifier,
        parse: (json) => webhookEvents.parse(json),
      });
      res.writeHead(204).end();
      if (event.event === "task.completed") delivered(event);
    } catch {
      res.writeHead(401).end();
    }
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/ccjk`;

  try {
    const { skills } = await ccjk.skills.list({ lang: "zh-CN", limit: 3 });
    for (const skill of skills) log(`skill: ${skill.name} (${skill.id}, ${skill.downloads} downloads)`);

    const info = await ccjk.plugins.download({ id: "git-workflow-pro" });
    const bytes = Buffer.from(await (await fetch(info.downloadUrl)).arrayBuffer());
    const pluginVerified =
      bytes.length === info.size && createHash("sha256").update(bytes).digest("hex") === info.sha256;
    log(
      `plugin: ${info.pluginId}@${info.version}, ${info.size} bytes, sha256 ${pluginVerified ? "matches" : "DIFFERS"}`,
    );

    await ccjk.webhooks.create({ url: receiverUrl, events: ["task.completed"], secret: SECRET });
    const task = await ccjk.agents.tasks.create({
      agentRole: "typescript-cli-architect",
      task: { name: "Design CLI structure", type: "design", input: { files: ["src/commands/sync.ts"] } },
    });
    log(`task ${task.taskId}: ${task.status}, about ${task.estimatedDuration} s`);

    const taskStatuses: string[] = [];
    const advance = (ms: number) =>
      fetch(`${origin}/_lite/clock`, { method: "POST", body: JSON.stringify({ advance_ms: ms }) });
    const watcher = ccjk.agents.tasks.watch(task.taskId, { interval: 10, maxInterval: 50 });
    for await (const { event, data } of watcher) {
      if (event !== "update") continue;
      taskStatuses.push(data.status);
      log(`task: ${data.status} ${data.progress}%${data.agentId ? ` on ${data.agentId}` : ""}`);
      // Instead of waiting: a second for the dispatch, then the task's five minutes.
      if (data.status === "queued") await advance(1000);
      else if (data.status === "in_progress") await advance(300_000);
    }
    const event = await webhook;
    log(
      `webhook: ${event.event} for ${event.data.taskId}, signature verified, files ${event.data.output.files.join(", ")}`,
    );
    return { skillNames: skills.map((s) => s.name), pluginVerified, taskStatuses, webhook: event };
  } finally {
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    await server.close();
    log("server stopped");
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
