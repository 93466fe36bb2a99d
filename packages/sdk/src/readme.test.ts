/**
 * The code examples of the repository's README.md, as written there, so that the typecheck catches an example
 * that no longer compiles. The server-lite example runs; the others need a live server, a user confirming a
 * pairing or a running session, so they are only compiled (their free variables are parameters).
 */
import type { createServer as createHttpServer } from "node:http";
import { ClaudeNest, ConflictError } from "@agentlane/sdk";
import { connectAgent } from "@agentlane/sdk/claudenest";
import { createVerifier, nodeRawBody } from "@agentlane/sdk/webhooks";
import { createServer } from "@agentlane/server-lite";
import { describe, expect, expectTypeOf, it } from "vitest";
import WebSocket from "ws";

/** README "Using the SDK". */
async function usingTheSdk(id: string) {
  const nest = new ClaudeNest({ baseUrl: "http://localhost:8000/api", token: process.env.CLAUDENEST_TOKEN });

  const machines = await nest.machines.list({ status: "online" }); // the first page, unwrapped
  for await (const machine of nest.machines.list()) console.log(machine.name); // every page

  const { data, meta, status, headers } = await nest.machines.get({ id }).withResponse(); // meta.requestId, ...

  // An agent pairs itself: shows a code, waits for the user to confirm it, gets its machine token.
  const { token } = await nest.pairMachine(
    { platform: "linux", hostname: "dev-box" },
    { onCode: (code) => console.log(`Enter ${code} in the dashboard`) },
  );
  return { machines, data, meta, status, headers, token, ConflictError };
}

/** README "Live: terminals and watchers". */
async function liveTerminalsAndWatchers(
  baseUrl: string,
  token: string,
  session: { id: string },
  project: { id: string },
) {
  const nest = new ClaudeNest({ baseUrl, token, realtime: { appKey: "claudenest" } }); // Node < 22: add `WebSocket` (the ws package)

  const terminal = nest.sessions.attach(session.id); // recent output first, then live; reconnects without gaps
  terminal.write("ls -la\n");
  terminal.resize(160, 50);
  terminal.on("exit", ({ exitCode }) => console.log(`exited with ${exitCode}`));
  for await (const chunk of terminal) process.stdout.write(chunk); // ends when the session ends

  const tasks = nest.tasks.watch(project.id); // `resync` with every task after each (re)connection, then events
  tasks.on("task:claimed", ({ task, instanceId }) => console.log(`${instanceId} took ${task.title}`));
  nest.locks.watch(project.id).on("file:locked", ({ path, lockedBy }) => console.log(`${lockedBy} locked ${path}`));
}

/** README "An agent's work loop". */
async function workLoop(baseUrl: string, machineToken: string, projectId: string) {
  const agent = new ClaudeNest({ baseUrl, token: machineToken });
  const stop = new AbortController();
  const result = await agent.tasks.work(
    projectId,
    "instance_1",
    // biome-ignore lint/correctness/noUnusedFunctionParameters: the README shows where a handler's signal comes from.
    async (task, { signal }) => {
      // ... do the work ...
      return { summary: `Did ${task.title}`, files_modified: task.files };
    },
    { signal: stop.signal },
  );
  return result;
}

/** README "A machine agent of your own". */
function machineAgent(machineId: string, machineToken: string) {
  const agent = connectAgent({ serverUrl: "http://localhost:8000", machineId, token: machineToken, WebSocket });
  agent.handle("session:create", ({ sessionId }) => {
    // start a PTY, then report on it
    agent.send("session:status", { sessionId, status: "running", pid: 4242 });
    agent.send("session:output", { sessionId, type: "output", data: "$ ", timestamp: Date.now() });
  });
  agent.handle(
    "session:input",
    ({ sessionId, data }) => agent.send("session:output", { sessionId, type: "output", data, timestamp: Date.now() }), // an echo
  );
  agent.handle("session:terminate", ({ sessionId }) => agent.send("session:exited", { sessionId, exitCode: 0 }));
  return agent;
}

/** README "Webhooks". */
function webhooks(createServer: typeof createHttpServer) {
  const verifier = createVerifier({ secrets: [process.env.WEBHOOK_SECRET!], toleranceSeconds: 300 });
  return createServer(async (req, res) => {
    const body = await nodeRawBody(req); // the bytes as sent, never a re-serialized object
    const ok = await verifier.verify(
      body,
      req.headers["x-orchestrator-signature"] as string,
      req.headers["x-webhook-timestamp"] as string,
    );
    res.statusCode = ok ? 204 : 401;
    res.end();
  });
}

describe("README examples", () => {
  it("the SDK examples compile", () => {
    expectTypeOf(usingTheSdk).returns.resolves.toHaveProperty("token").toEqualTypeOf<string>();
    expectTypeOf(liveTerminalsAndWatchers).returns.resolves.toBeVoid();
    expectTypeOf(webhooks).returns.toHaveProperty("listen");
    expectTypeOf(machineAgent).returns.toHaveProperty("handle");
    expectTypeOf(workLoop).returns.resolves.toHaveProperty("completed").toEqualTypeOf<number>();
  });

  it("the server-lite example runs", async () => {
    // README "server-lite", with one call added to show the client works.
    const server = await createServer({ seed: true }); // in memory; { db: "dev.db" } for a file
    const nest = new ClaudeNest({
      baseUrl: "http://lite.test/claudenest/api",
      fetch: (input, init) => server.fetch(new Request(input, init)), // in-process, no socket
      token: server.seedInfo.claudenest!.token, // there when created with seed: true
    });
    await expect(nest.auth.me()).resolves.toMatchObject({ user: { email: "demo@agentlane.dev" } });
    server.clock.advance(11 * 60_000); // expire pairing codes without sleeping
    await server.close();
  });
});
