/**
 * @module
 * server-lite's own disk standing in for a machine without a connected agent, below the configured browse root
 * (which stands for the agent's home folder): the folder a request names, and a {@link FolderReader} for scans.
 * Paths are resolved through symbolic links before they are checked, so a link cannot lead out of the root.
 */
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, relative, sep } from "node:path";
import { Failure } from "../../../../core/failure.ts";
import type { FolderReader } from "../../agent/folder-scan.ts";
import type { NestServices } from "../../services.ts";

/** The code of a folder that cannot be read: `BROWSE_ERROR` when listing, `SCAN_ERROR` when scanning. */
export type FolderErrorCode = "BROWSE_ERROR" | "SCAN_ERROR";

/** A file larger than this is not read by a scan (a README or a manifest is far smaller). */
const READ_LIMIT_BYTES = 1024 * 1024;

/** Whether `path` is `root` or below it. */
function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** The folder `requested` names (the root when absent), resolved, or the `code` error (422) saying why not. */
export async function folderAt(
  root: string,
  requested: string | undefined,
  code: FolderErrorCode = "BROWSE_ERROR",
): Promise<string> {
  // Naming the `path` field, as validation errors do.
  const badPath = (message: string) => new Failure(code, message, { path: [message] });
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

/** The browse root, resolved through links once (it must exist). */
export async function rootOf(services: NestServices, code: FolderErrorCode = "BROWSE_ERROR"): Promise<string> {
  try {
    return await realpath(services.settings.browseRoot);
  } catch {
    throw new Failure(code, "The server's browse root does not exist");
  }
}

/** The disk below `root` (resolved), read as a scan reads a folder; nothing outside it is read. */
export function diskReader(root: string): FolderReader {
  const inside = async (path: string) => {
    try {
      const real = await realpath(path);
      return within(root, real) ? real : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    async list(path) {
      const real = await inside(path);
      if (real === undefined) return undefined;
      try {
        const dirents = await readdir(real, { withFileTypes: true });
        return dirents.map((dirent) => ({ name: dirent.name, folder: dirent.isDirectory() }));
      } catch {
        return undefined;
      }
    },
    async read(path) {
      const real = await inside(path);
      if (real === undefined) return undefined;
      try {
        const info = await stat(real);
        return info.isFile() && info.size <= READ_LIMIT_BYTES ? await readFile(real, "utf8") : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
