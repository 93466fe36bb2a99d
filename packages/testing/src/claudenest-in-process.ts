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
  startServer,
} from "../../server-lite/src/platforms/claudenest/testing/test-support.ts";
