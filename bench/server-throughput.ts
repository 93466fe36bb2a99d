/**
 * @module
 * Line 3: server-lite (ClaudeNest, its own process) against a bare `node:http` server answering the same bytes,
 * and against two real peers in the same interleaved rounds: json-server 1.x over a db file of the same machines,
 * and a Prism mock of server-lite's own OpenAPI document. Requests: a list (`GET machines`, a full page of 15),
 * a task created in a project (`POST /projects/{id}/tasks`; also on server-lite with a SQLite file store), and a
 * machine registered (`POST machines`). How the load is made and what is reported: `lib/server-compare.ts`.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Child, startChild } from "./lib/child.ts";
import type { Load } from "./lib/load.ts";
import { compareWithBareServer } from "./lib/server-compare.ts";
import type { Row } from "./lib/table.ts";
import { startJsonServer } from "./servers/json-server.ts";
import { startPrism } from "./servers/prism.ts";

type Lite = Child<{ url: string; token: string; projectId: string }>;

const startLite = (...args: string[]) =>
  startChild<Lite["ready"]>(new URL("./servers/lite.ts", import.meta.url), undefined, args);

const TASK = { title: "Load task", description: "Created under load", priority: "high", files: ["src/load.ts"] };
const json = { accept: "application/json" };
const bearer = (token: string) => ({ ...json, authorization: `Bearer ${token}` });
const get = (url: string, headers: Record<string, string>): Load => ({ url, method: "GET", headers });
const post = (url: string, headers: Record<string, string>, body: object): Load => ({
  url,
  method: "POST",
  headers: { ...headers, "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** A body read from server-lite as the peers' setup needs it; a failed answer stops the line. */
async function read(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  const body = await response.text();
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status} ${body}`);
  return body;
}

/**
 * The servers of the line, started once and stopped together: server-lite in memory and on a SQLite file (in a
 * temporary directory, removed on stop), json-server over the machines server-lite lists, and Prism over the
 * OpenAPI document server-lite serves.
 */
async function startServers() {
  const dir = mkdtempSync(join(tmpdir(), "agentlane-throughput-"));
  const started: Child<{ url: string }>[] = [];
  const track = async <C extends Child<{ url: string }>>(starting: Promise<C>): Promise<C> => {
    const child = await starting;
    started.push(child);
    return child;
  };
  const stop = async () => {
    await Promise.all(started.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const lite = await track(startLite());
    const liteFile = await track(startLite("--db", join(dir, "store.db")));
    const list = await read(`${lite.ready.url}/claudenest/api/machines`, bearer(lite.ready.token));
    const jsonServer = await track(startJsonServer({ machines: JSON.parse(list).data, tasks: [] }));
    const prism = await track(startPrism(await read(`${lite.ready.url}/openapi.json`, json)));
    return { lite, liteFile, jsonServer, prism, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function serverThroughput(): Promise<Row[]> {
  const servers = await startServers();
  const { lite, liteFile, jsonServer, prism } = servers;
  const api = (server: Child<{ url: string }>) => `${server.ready.url}/claudenest/api`;
  const tasksPath = (server: Lite) => `/projects/${server.ready.projectId}/tasks`;
  const liteHeaders = bearer(lite.ready.token);
  try {
    return [
      ...(await compareWithBareServer({
        line: 3,
        label: "GET machines (15 items)",
        server: lite,
        load: get(`${api(lite)}/machines`, liteHeaders),
        target: 0.6,
        peers: [
          { name: "json-server", server: jsonServer, load: get(`${jsonServer.ready.url}/machines`, json), target: 1.8 },
          { name: "Prism", server: prism, load: get(`${api(prism)}/machines`, liteHeaders) },
        ],
      })),
      ...(await compareWithBareServer({
        line: 3,
        label: "POST a task",
        server: lite,
        load: post(`${api(lite)}${tasksPath(lite)}`, liteHeaders, TASK),
        target: 0.5,
        variants: [
          {
            name: "server-lite, SQLite file",
            server: liteFile,
            load: post(`${api(liteFile)}${tasksPath(liteFile)}`, bearer(liteFile.ready.token), TASK),
            target: 0.3,
          },
        ],
        peers: [
          {
            name: "json-server",
            server: jsonServer,
            load: post(`${jsonServer.ready.url}/tasks`, json, TASK),
            target: 25,
          },
          { name: "Prism", server: prism, load: post(`${api(prism)}${tasksPath(lite)}`, liteHeaders, TASK) },
        ],
      })),
      ...(await compareWithBareServer({
        line: 3,
        label: "POST machines",
        server: lite,
        load: post(`${api(lite)}/machines`, liteHeaders, {
          name: "load",
          platform: "linux",
          hostname: "load.local",
          arch: "x64",
        }),
        target: 0.5,
      })),
    ];
  } finally {
    await servers.stop();
  }
}
