/**
 * @module
 * Loopback fakes of the outside services Actus reads: an A2A agent serving its card, and GitHub's contents API
 * serving a skill folder. Real HTTP on 127.0.0.1, so the server's own `fetch` reaches them.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A started fake; `close()` stops it. */
export interface FakeRemote {
  url: string;
  close(): Promise<void>;
}

/** Serves `routes[path]` as JSON (404 otherwise). */
export async function serveJson(routes: Record<string, unknown>): Promise<FakeRemote> {
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname + (new URL(req.url ?? "/", "http://x").search || "");
    const body = routes[path] ?? routes[new URL(req.url ?? "/", "http://x").pathname];
    if (body === undefined) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"message":"Not Found"}');
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** GitHub contents API answers for a folder of text files (`files`: paths relative to the repository). */
export function githubContents(owner: string, repo: string, files: Record<string, string>): Record<string, unknown> {
  const routes: Record<string, unknown> = {};
  const dirs = new Map<string, { type: string; path: string; size: number }[]>();
  for (const [path, text] of Object.entries(files)) {
    routes[`/repos/${owner}/${repo}/contents/${path}`] = {
      type: "file",
      path,
      size: Buffer.byteLength(text),
      encoding: "base64",
      content: Buffer.from(text).toString("base64"),
    };
    const parts = path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      const child = parts.slice(0, i + 1).join("/");
      const list = dirs.get(dir) ?? [];
      if (!list.some((e) => e.path === child))
        list.push({ type: i + 1 === parts.length ? "file" : "dir", path: child, size: Buffer.byteLength(text) });
      dirs.set(dir, list);
    }
  }
  for (const [dir, list] of dirs) routes[`/repos/${owner}/${repo}/contents/${dir}`] = list;
  return routes;
}
