/**
 * @module
 * Test support: server-lite with ClaudeNest answered in-process (no socket), SDK clients for new users and an
 * online machine. It re-exports server-lite's own ClaudeNest fixtures so that the SDK's tests and server-lite's
 * tests build their worlds the same way, and so that the SDK reaches server-lite only through this package.
 */
export type { LiteServer, ServerOptions } from "@agentlane/server-lite";
export { createServer } from "@agentlane/server-lite";
// Not part of server-lite's published exports: a private package may read its sources.
export {
  BASE_URL,
  clientFor,
  newUser,
  onlineMachine,
  sharedProject,
  startServer,
} from "../../server-lite/src/platforms/claudenest/testing/test-support.ts";

/**
 * What a ClaudeNest server that serves only the document answers for a route beyond it: 404 `NOT_FOUND`, for
 * `POST /projects/{id}/tasks/claim-next`; `undefined` for any other request. A test's `fetch` answers with it to
 * run the SDK against such a server.
 * @example fetch: (input, init) => withoutClaimNext(new Request(input, init)) ?? server.fetch(new Request(input, init))
 */
export function withoutClaimNext(request: Request): Response | undefined {
  if (!new URL(request.url).pathname.endsWith("/tasks/claim-next")) return undefined;
  return Response.json({ success: false, error: { code: "NOT_FOUND", message: "Not found" } }, { status: 404 });
}
