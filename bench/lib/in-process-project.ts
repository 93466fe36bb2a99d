/**
 * @module
 * A ClaudeNest project on a server-lite in this process, for the lines that fill a project straight through the
 * store and then measure requests in-process (no socket), charging each request the CPU time the process spent.
 */
import { ClaudeNest } from "../../packages/sdk/src/index.ts";
import { createServer, type LiteServer } from "../../packages/server-lite/src/index.ts";
import { median } from "./measure.ts";

const ORIGIN = "http://lite.test";

export interface InProcessProject {
  server: LiteServer;
  /** The demo user's token. */
  token: string;
  /** The project's id. */
  projectId: string;
  /** The ClaudeNest API's URL on the in-process server, e.g. `http://lite.test/api`. */
  api: string;
}

/** A seeded server mounting ClaudeNest alone, and a fresh project of the demo user named `name`. */
export async function inProcessProject(name: string): Promise<InProcessProject> {
  const server = await createServer({ seed: true, platform: "claudenest" });
  const token = server.seedInfo.claudenest!.token!;
  const fetch = (input: RequestInfo | URL, init?: RequestInit) => server.fetch(new Request(input, init));
  const api = ORIGIN + server.bases.claudenest;
  const nest = new ClaudeNest({ baseUrl: api, token, fetch: fetch as typeof globalThis.fetch });
  const [machine] = await nest.machines.list();
  const project = await nest.projects.create({ machine: machine!.id, name, project_path: `/${name}` });
  return { server, token, projectId: project.id, api };
}

/** Median CPU time (ms) of one `call`, over five rounds of ten after five calls of warmup. */
export async function cpuPerCall(call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await call();
  const rounds: number[] = [];
  for (let round = 0; round < 5; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < 10; i++) await call();
    const used = process.cpuUsage(before);
    rounds.push((used.user + used.system) / 10 / 1000);
  }
  return median(rounds);
}
