/**
 * @module
 * The machine file browser, beyond the document (see the SDK's `contract/browse.ts`): a machine whose agent is
 * connected lists its own disk (`agent/machine-questions.ts`); for any other, server-lite lists its own disk below
 * the configured root (`host-folders.ts`).
 */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import type { BrowseEntry } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../../core/failure.ts";
import { browseOnAgent } from "../../agent/machine-questions.ts";
import type { NestHandlers } from "../../handlers.ts";
import { ownMachine } from "../machines.ts";
import { folderAt, rootOf } from "./host-folders.ts";

async function entriesOf(folder: string, dirsOnly: boolean, showHidden: boolean): Promise<BrowseEntry[]> {
  const entries: BrowseEntry[] = [];
  for (const dirent of await readdir(folder, { withFileTypes: true })) {
    if (!showHidden && dirent.name.startsWith(".")) continue;
    if (dirsOnly && !dirent.isDirectory()) continue;
    const entry: BrowseEntry = { name: dirent.name, type: dirent.isDirectory() ? "directory" : "file" };
    try {
      const info = await stat(join(folder, dirent.name));
      entry.size = info.size;
      entry.modifiedAt = info.mtime.toISOString();
    } catch {
      // A broken link or an unreadable entry is listed without its size, as the agent lists it.
    }
    entries.push(entry);
  }
  return entries.sort((a, b) => (a.type !== b.type ? (a.type === "directory" ? -1 : 1) : a.name.localeCompare(b.name)));
}

/** The `machines.browse` handler. */
export const machineBrowser: Pick<NestHandlers<"machines">, "browse"> = {
  async browse({ caller, params, query }, { services }) {
    const machine = ownMachine(services, caller, params.id);
    if (services.machineStatus(machine) !== "online") throw new Failure("MACHINE_OFFLINE");
    const flag = (value: string | undefined, fallback: boolean) =>
      value === undefined ? fallback : value === "true" || value === "1";
    const dirsOnly = flag(query.dirs_only, true);
    const showHidden = flag(query.show_hidden, false);
    if (services.agents.connected(machine.id))
      return browseOnAgent(services, machine.id, { path: query.path ?? "", dirsOnly, showHidden });
    const root = await rootOf(services);
    const folder = await folderAt(root, query.path);
    const entries = await entriesOf(folder, dirsOnly, showHidden);
    return { path: folder, home_path: root, entries };
  },
};
