/**
 * @module
 * The process behind "Start local server" (bundled as `dist/local-server.mjs`): server-lite with the
 * ClaudeNest platform at its documented root, its seed user, and the sample data; then one JSON line on
 * stdout (`{ baseUrl, token }`) for the extension. It exits when its parent closes stdin, so a crashed or
 * closed window leaves no server behind.
 *
 * Sessions run a shell only where server-lite's PTY module can be loaded next to this file; otherwise they
 * are recorded and run nothing (server-lite says so in the session's status message).
 */
import { createRequire } from "node:module";
import { ClaudeNest } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";
import { addSampleData, heartbeat } from "./sample-data.ts";

function ptyAvailable(): boolean {
  try {
    createRequire(import.meta.url).resolve("@lydell/node-pty");
    return true;
  } catch {
    return false;
  }
}

const shell = process.env.SHELL && ptyAvailable() ? [process.env.SHELL] : [];
const server = await createServer({ seed: true, platform: "claudenest", exec: shell });
const url = await server.listen(Number(process.env.AGENTLANE_LOCAL_PORT ?? 0), "127.0.0.1");
const baseUrl = `${url}${server.bases.claudenest}`;
const token = server.seedInfo.claudenest!.token!;
const client = (bearer: string) => new ClaudeNest({ baseUrl, token: bearer });
const sample = await addSampleData(client(token), client, { projectPath: process.cwd() });
const stopHeartbeat = heartbeat(client(sample.machineToken), sample.machineId);
process.stdout.write(`${JSON.stringify({ baseUrl, token })}\n`);

const stop = () => {
  stopHeartbeat();
  void server.close().finally(() => process.exit(0));
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.on("SIGTERM", stop);
process.stdin.resume();
