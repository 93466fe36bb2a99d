/**
 * @module
 * The answer to a path no mounted platform owns. It belongs to no platform, so it is plain JSON, and it says
 * what a caller needs to fix the URL: which root each platform is served at, and how to serve one platform at
 * its documented root instead (the usual mistake: a client built for `/api` talking to a server that mounts every
 * platform under its own prefix).
 */

/** The 404 body for a path outside every platform. */
export interface OutsideEveryPlatform {
  error: "Not found";
  /** What was asked, what is served, and what to change. */
  message: string;
  /** The same sentence, where FastAPI-style clients look for it. */
  detail: string;
  /** Each platform's root, by id. */
  platforms: Record<string, string>;
}

/**
 * The body of a 404 for `method path` when no platform is mounted at that path.
 *
 * @example
 * outsideEveryPlatform("GET", "/api/items", [{ platform: { id: "acme" }, mount: { base: "/acme/api" } }]);
 * // message: "No route for GET /api/items: this server serves acme at /acme/api. Point the client's base URL there."
 */
export function outsideEveryPlatform(
  method: string,
  path: string,
  mounted: ReadonlyArray<{ platform: { id: string }; mount: { base: string } }>,
): OutsideEveryPlatform {
  const platforms = Object.fromEntries(mounted.map((m) => [m.platform.id, m.mount.base]));
  const served = Object.entries(platforms).map(([id, base]) => `${id} at ${base || "/"}`);
  const oneAtItsRoot =
    mounted.length > 1
      ? " Point the client's base URL at one of these, or serve one platform at its documented root with --platform <id> (createServer({ platform }))."
      : " Point the client's base URL there.";
  const message = `No route for ${method} ${path}: this server serves ${served.join(", ")}.${oneAtItsRoot}`;
  return { error: "Not found", message, detail: message, platforms };
}
