/**
 * @module
 * A session's sandbox: a folder of its own on the server, seen by the agent and the API as `/home/ubuntu`.
 * Paths are resolved inside it and never leave it (`..`, symlinks out and absolute paths elsewhere are refused).
 */
import { lstatSync, mkdirSync, realpathSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, posix, relative, resolve, sep } from "node:path";

/** The sandbox root as paths inside it are written. */
export const SANDBOX_HOME = "/home/ubuntu";

/** The sandbox folder of a session, made when first needed. */
export function sandboxDir(root: string, sessionId: string): string {
  const dir = join(root, sessionId);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** {@link sandboxDir} without blocking: the folder is made on libuv's thread pool. */
export async function makeSandboxDir(root: string, sessionId: string): Promise<string> {
  const dir = join(root, sessionId);
  await mkdir(dir, { recursive: true });
  return dir;
}

/**
 * Writes a file at a real path that {@link resolveInSandbox} gave, making its folders when they are missing (only
 * then: a folder that exists costs no extra call).
 */
export function writeInSandbox(real: string, content: string | Uint8Array): void {
  try {
    writeFileSync(real, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    mkdirSync(dirname(real), { recursive: true });
    writeFileSync(real, content);
  }
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
    // An existing path must not be a link out of the sandbox. One that does not exist yet is not resolved (which
    // would throw); its parent folders are checked when it is made.
    if (lstatSync(real, { throwIfNoEntry: false }) && !inside(realpathSync(real).replace(realpathSync(dir), dir)))
      return undefined;
  } catch {
    // A parent that is a file: the write fails and says so.
  }
  return real;
}

/** The sandbox path (`/home/ubuntu/...`) of a real path inside the sandbox. */
export function sandboxPath(dir: string, real: string): string {
  return posix.join(SANDBOX_HOME, relative(dir, real).split(sep).join("/"));
}
