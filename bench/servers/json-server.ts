/**
 * @module
 * json-server 1.x, a peer of server-lite in the throughput line: a REST API over a JSON file, with no auth and no
 * validation. Its db file holds the machines server-lite lists (the same JSON) and an empty `tasks` collection.
 * It runs with `NODE_ENV=production`, json-server at its fastest: the file is not watched for edits by hand, and
 * its static folder (`public`, empty here, which it then needs) is listed once at start instead of looked up on
 * every request. Each create still writes the whole file, as json-server always does.
 */
import { join } from "node:path";
import type { Child } from "../lib/child.ts";
import { startPackageServer } from "../lib/package-server.ts";

/** What the db file holds: collections by name, each a list of records. */
export type JsonServerDb = Record<string, unknown[]>;

/**
 * Starts json-server over a new db file holding `db` (removed when it stops).
 * @example const peer = await startJsonServer({ machines, tasks: [] }); // GET `${peer.ready.url}/machines`
 */
export function startJsonServer(db: JsonServerDb): Promise<Child<{ url: string }>> {
  return startPackageServer({
    package: "json-server",
    files: { "db.json": JSON.stringify(db, null, 2) },
    folders: ["public"],
    args: ({ port, host, dir }) => [join(dir, "db.json"), "--port", String(port), "--host", host],
    env: { NODE_ENV: "production" },
  });
}
