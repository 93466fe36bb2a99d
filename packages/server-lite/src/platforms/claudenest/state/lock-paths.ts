/**
 * @module
 * One spelling per locked file: paths are made relative to the project with `/` separators, so that `./a.ts`,
 * `a.ts`, `src/../a.ts` and `/srv/app/a.ts` (in a project at `/srv/app`) are the same lock. Names are put in
 * Unicode NFC, so that `é` written as one code point or as `e` and a combining accent is one lock, as it is one
 * file on macOS. Backslashes are ordinary characters here, as on the POSIX machines the document's examples use.
 */

export type LockPathResult = { path: string; error?: undefined } | { path?: undefined; error: string };

/** The segments of a path with `.`, empty segments and `..` resolved; `undefined` when `..` climbs above the start. */
function resolveSegments(path: string): string[] | undefined {
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out;
}

/** The normalized project-relative form of `path`, or why it cannot be locked in the project at `projectPath`. */
export function normalizeLockPath(given: string, projectPath: string): LockPathResult {
  if (given.includes("\0")) return { error: "The path must not contain a NUL byte." };
  const path = given.normalize("NFC");
  const segments = resolveSegments(path);
  if (!segments) return { error: "The path must stay inside the project." };
  let relative = segments;
  if (path.startsWith("/")) {
    const root = projectPath.startsWith("/") ? resolveSegments(projectPath.normalize("NFC")) : undefined;
    if (!root || root.length > segments.length || root.some((s, i) => segments[i] !== s)) {
      return { error: `An absolute path must be inside the project (${projectPath}).` };
    }
    relative = segments.slice(root.length);
  }
  if (relative.length === 0) return { error: "The path must name a file or directory inside the project." };
  return { path: relative.join("/") };
}
