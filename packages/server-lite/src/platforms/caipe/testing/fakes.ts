/**
 * @module
 * Loopback stand-ins for the services CAIPE calls: GitHub's REST API (trees and contents of in-memory
 * repositories), the supervisor (records every call, answers scan-content with a verdict the test chooses) and a
 * generation upstream. Each listens on 127.0.0.1 and is pointed at through `services.settings`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback HTTP server and the requests it received. */
export interface Fake {
  url: string;
  /** Every request, in order: method, path with query, parsed JSON body (or null). */
  calls: { method: string; path: string; body: unknown; headers: IncomingMessage["headers"] }[];
  close(): Promise<void>;
}

type Handler = (request: { method: string; path: string; body: unknown }, response: ServerResponse) => void;

async function listen(handler: Handler): Promise<Fake> {
  const calls: Fake["calls"] = [];
  const server: Server = createServer((request, response) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => {
      let body: unknown = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      const call = { method: request.method ?? "GET", path: request.url ?? "/", body, headers: request.headers };
      calls.push(call);
      handler(call, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}

/** Repositories by `owner/repo`, each a map of file path to text. */
export type Repositories = Record<string, Record<string, string>>;

/** A GitHub API over in-memory repositories; `failing` makes every call answer 500. */
export async function fakeGithub(repos: Repositories, options: { failing?: boolean } = {}): Promise<Fake> {
  return listen(({ path }, response) => {
    if (options.failing) return sendJson(response, 500, { message: "Server Error" });
    const url = new URL(path, "http://github.test");
    const tree = /^\/repos\/([^/]+\/[^/]+)\/git\/trees\/[^/]+$/.exec(url.pathname);
    if (tree) {
      const files = repos[tree[1]!];
      if (!files) return sendJson(response, 404, { message: "Not Found" });
      return sendJson(response, 200, {
        tree: Object.keys(files).map((p) => ({ path: p, type: "blob" })),
        truncated: false,
      });
    }
    const contents = /^\/repos\/([^/]+\/[^/]+)\/contents\/(.+)$/.exec(url.pathname);
    if (contents) {
      const file = repos[contents[1]!]?.[decodeURIComponent(contents[2]!)];
      if (file === undefined) return sendJson(response, 404, { message: "Not Found" });
      return sendJson(response, 200, { encoding: "base64", content: Buffer.from(file).toString("base64") });
    }
    sendJson(response, 404, { message: "Not Found" });
  });
}

/** A supervisor that accepts every call; `verdict` is what `scan-content` answers. */
export async function fakeSupervisor(
  verdict: { scan_status: string; scan_summary?: string } = { scan_status: "passed" },
): Promise<Fake> {
  return listen(({ path }, response) => {
    if (path.startsWith("/skills/scan-content")) return sendJson(response, 200, verdict);
    sendJson(response, 200, { status: "ok" });
  });
}

/** A generation upstream answering `{content}` (or a status of the test's choosing). */
export async function fakeUpstream(answer: { status?: number; content?: string }): Promise<Fake> {
  return listen((_request, response) => sendJson(response, answer.status ?? 200, { content: answer.content }));
}

/** Resolves once `check` holds, polling every few milliseconds (for background calls); fails after `ms`. */
export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("the condition never held");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
