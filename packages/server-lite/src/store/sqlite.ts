/**
 * @module
 * `node:sqlite`, reached through `process.getBuiltinModule` when a database is first opened rather than by a static
 * import: importing server-lite on a Node without it (or without the statement API the store uses) then fails with
 * one sentence naming the Node version needed, not with a raw module error at link time.
 */
import type * as NodeSqlite from "node:sqlite";

/**
 * The oldest Node whose `node:sqlite` has everything the store uses (`StatementSync#setReturnArrays`,
 * `DatabaseSync#isOpen`); the package's `engines.node` says the same (a test compares them).
 */
export const MINIMUM_NODE = "22.16";

let loaded: typeof NodeSqlite | undefined;

/**
 * `node:sqlite`, or an error naming the Node version needed.
 *
 * @example
 * const { DatabaseSync } = nodeSqlite();
 */
export function nodeSqlite(): typeof NodeSqlite {
  if (loaded) return loaded;
  const sqlite = process.getBuiltinModule?.("node:sqlite") as typeof NodeSqlite | undefined;
  if (!sqlite || typeof sqlite.StatementSync?.prototype.setReturnArrays !== "function") {
    throw new Error(
      `@agentlane/server-lite needs Node ${MINIMUM_NODE} or newer (for node:sqlite); this is Node ${process.versions.node}`,
    );
  }
  loaded = sqlite;
  return sqlite;
}
