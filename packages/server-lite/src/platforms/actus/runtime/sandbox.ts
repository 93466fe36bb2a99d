/**
 * @module
 * A session's sandbox: a folder of its own on the server, seen by the agent and the API as `/home/ubuntu`.
 * Paths are resolved inside it and never leave it (`..`, symlinks out and absolute paths elsewhere are refused).
 */
import { mkdirSync, realpathSync } from "node:fs";
import { join, posix, relative, resolve, sep } from "node:path";

/** The sandbox root as paths inside it are written. */
export const SANDBOX_HOME = "/home/ubuntu";

/** The sandbox folder of a session, made when first needed. */
export function sandboxDir(root: string, sessionId: string): string {
  const dir = join(root, sessionId);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * The real path of a sandbox path (`/home/ubuntu/a.txt` or `a.txt`), or `undefined` when it would leave the
 * sandbox.
 */
export function resolveInSandbox(dir: string, path: string): string | undefined {
  if (path.includes("\0")) return undefined;
  const normalized = posix.normalize(path.startsWith("/") ? path : posix.join(SANDBOX_HOME, path));
  if (normalized !== SANDBOX_HOME && !normalized.startsWith(`${SANDBOX_HOME}/`)) return undefined;
  const real = resolve(dir, `.${normalized.slice(SANDBOX_HOME.length) || "/"}`);
  const inside = (p: string) => {
    const rel = relative(dir, p);
    return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && rel !== "..");
  };
  if (!inside(real)) return undefined;
  try {
    // An existing path must not be a link out of the sandbox.
    if (!inside(realpathSync(real).replace(realpathSync(dir), dir))) return undefined;
  } catch {
    // Does not exist yet: its parent folders are checked when it is made.
  }
  return real;
}

/** The sandbox path (`/home/ubuntu/...`) of a real path inside the sandbox. */
export function sandboxPath(dir: string, real: string): string {
  return posix.join(SANDBOX_HOME, relative(dir, real).split(sep).join("/"));
}
