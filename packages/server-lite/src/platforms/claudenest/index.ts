/**
 * @module
 * ClaudeNest (seed document 001) as a server-lite platform.
 */

import { encodeError, encodeSuccess } from "@agentlane/sdk/claudenest";
import { type ClaudeNestContract, contract, errorCodes } from "@agentlane/sdk/claudenest/contract";
import type { PlatformDefinition, ServerEnvelope } from "../../core/platform.ts";
import { pusherRealtime } from "../../realtime/pusher/kind.ts";
import { agentSocket } from "./agent/socket.ts";
import { authenticate, type NestCaller, type NestCommonCode } from "./caller.ts";
import { retention } from "./db/retention.ts";
import { migrations, tables } from "./db/schema.ts";
import { auth, oauthProviderRoutes } from "./handlers/auth.ts";
import { agentContext, agentLocks } from "./handlers/beyond-document/agent-context.ts";
import { machineBrowser } from "./handlers/beyond-document/browse.ts";
import { credentials } from "./handlers/beyond-document/credentials.ts";
import { dashboard } from "./handlers/beyond-document/dashboard.ts";
import { orchestration } from "./handlers/beyond-document/orchestration.ts";
import { projectScan } from "./handlers/beyond-document/project-scan.ts";
import { commands } from "./handlers/commands.ts";
import { context } from "./handlers/context.ts";
import { API_VERSION, health } from "./handlers/health.ts";
import { locks } from "./handlers/locks.ts";
import { machineSync } from "./handlers/machine-sync.ts";
import { machines } from "./handlers/machines.ts";
import { mcp } from "./handlers/mcp.ts";
import { pairing } from "./handlers/pairing.ts";
import { projects } from "./handlers/projects.ts";
import { sessions } from "./handlers/sessions.ts";
import { skills } from "./handlers/skills.ts";
import { tasks } from "./handlers/tasks.ts";
import { realtime } from "./realtime.ts";
import { terminalSocket } from "./runtime/terminal-socket.ts";
import { type ClaudeNestSeedInfo, seed } from "./seed.ts";
import { NestServices } from "./services.ts";

const codeTable = errorCodes as Record<string, { status: number; message: string }>;

const envelope: ServerEnvelope = {
  success: (data, meta) =>
    encodeSuccess(data, {
      timestamp: meta.timestamp,
      request_id: meta.requestId,
      ...(meta.page
        ? {
            pagination: {
              current_page: meta.page.page,
              last_page: Math.max(1, Math.ceil(meta.page.total / meta.page.perPage)),
              per_page: meta.page.perPage,
              total: meta.page.total,
            },
          }
        : {}),
    }),
  failure: (code, message, errors, meta) =>
    encodeError(
      { code, message, ...(errors ? { errors } : {}) },
      { timestamp: meta.timestamp, request_id: meta.requestId },
    ),
  statusOf: (code) => codeTable[code]?.status ?? 500,
  messageOf: (code) => codeTable[code]?.message ?? code,
  codes: {
    validation: "VAL_001",
    unauthenticated: "AUTH_002",
    forbidden: "FORBIDDEN",
    rateLimited: "RTE_001",
    notFound: "NOT_FOUND",
    methodNotAllowed: "METHOD_NOT_ALLOWED",
    badRequest: "BAD_REQUEST",
    payloadTooLarge: "PAYLOAD_TOO_LARGE",
    unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
    internal: "SRV_001",
  },
};

export const claudenest: PlatformDefinition<
  ClaudeNestContract,
  NestServices,
  NestCaller,
  NestCommonCode,
  ClaudeNestSeedInfo
> = {
  id: "claudenest",
  root: "/api",
  title: "ClaudeNest API",
  version: API_VERSION,
  contract,
  envelope,
  migrations,
  tables,
  retention,
  createServices: (env) => new NestServices(env),
  authRequirements: ["user", "agent", "pairing", "admin"],
  authenticate: (services, requirement, credentials) =>
    authenticate(services, requirement, credentials.bearer, credentials.address),
  handlers: {
    health,
    auth,
    pairing,
    machines: { ...machines, ...machineBrowser },
    sessions,
    projects: { ...projects, ...projectScan },
    tasks,
    context: { ...context, ...agentContext },
    locks: { ...locks, ...agentLocks },
    skills,
    mcp,
    commands,
    dashboard,
    credentials,
    orchestration,
    machineSync,
  },
  // §15: auth and pairing 10/min, authenticated API 1000/min, WebSocket connections 10/min.
  rateLimits: {
    groups: { auth: 10, pairing: 10, websocket: 10 },
    authenticated: 1000,
    anonymous: 60,
    windowMs: 60_000,
  },
  extraRoutes: oauthProviderRoutes,
  seed,
  // Loaded when asked for: the demo agent brings `ws` and the SDK's agent client, which no other start needs.
  seedAgent: async (_services, target) => (await import("./agent/demo-agent.ts")).startDemoAgent(target),
  // §13: Pusher-protocol channels and the terminal's client events (`realtime.ts`), the terminal's `/ws/terminal`,
  // and the agents' `/ws/agent`.
  realtime: [pusherRealtime(realtime), terminalSocket(), agentSocket],
  dispose: (services) => Promise.all([services.terminals.dispose(), services.mcp.dispose()]).then(() => undefined),
  reset: (services) => {
    services.agents.clear();
    return Promise.all([services.terminals.stopAll(), services.mcp.stopAll()]).then(() => undefined);
  },
};
