/**
 * @module
 * The machine file browser, beyond the document (see the SDK's `contract/browse.ts`): a machine whose agent is
 * connected lists its own disk (`agent/machine-questions.ts`); for any other, server-lite lists its own disk below
 * the configured root, which stands for the agent's home folder. Paths are resolved through symbolic links before
 * they are checked, so a link cannot lead out of the root.
 */
import { readdir, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, sep } from "node:path";
import type { BrowseEntry } from "@agentlane/sdk/claudenest/contract";
import { Failure } from "../../../../core/failure.ts";
import { browseOnAgent } from "../../agent/machine-questions.ts";
import type { NestHandlers } from "../../handlers.ts";
import type { NestServices } from "../../services.ts";
import { ownMachine } from "../machines.ts";

/** Whether `path` is `root` or below it. */
function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** BROWSE_ERROR (422) about the `path` the caller gave, naming the field as validation errors do. */
const badPath = (message: string) => new Failure("BROWSE_ERROR", message, { path: [message] });

/** The folder to list, resolved, or BROWSE_ERROR saying why not. */
async function folderAt(root: string, requested: string | undefined): Promise<string> {
  if (requested?.includes("\0")) throw badPath("The path may not hold a NUL character");
  if (requested && !isAbsolute(requested)) throw badPath("The path must be absolute");
  const outside = () => badPath("Access denied: path is outside home directory");
  if (requested && !within(root, requested)) throw outside();
  let resolved: string;
  try {
    resolved = await realpath(requested || root);
  } catch {
    throw badPath(`No such folder: ${requested}`);
  }
  if (!within(root, resolved)) throw outside();
  if (!(await stat(resolved)).isDirectory()) throw badPath(`Not a folder: ${requested}`);
  return resolved;
}

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

/** The browse root, resolved through links once (it must exist). */
async function rootOf(services: NestServices): Promise<string> {
  try {
    return await realpath(services.settings.browseRoot);
  } catch {
    throw new Failure("BROWSE_ERROR", "The server's browse root does not exist");
  }
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
