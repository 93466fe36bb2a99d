/**
 * @module
 * CoordinAItor (seed document 002) as a server-lite platform, served from the origin: `/api/v1/...`, the
 * document's example-only `/api/...` calls, `/oauth/...`, `/api/docs` and the `/ws` realtime endpoint.
 */
import { type CoordinAItorContract, contract } from "@agentlane/sdk/coordinaitor/contract";
import type { PlatformDefinition } from "../../core/platform.ts";
import { WebhookDispatcher } from "../../core/webhooks.ts";
import { authenticate, type CoCaller, type CoCommonCode, credentialOf } from "./caller.ts";
import { retention } from "./db/retention.ts";
import { migrations, tables } from "./db/schema.ts";
import { envelope } from "./envelope.ts";
import { extraRoutes } from "./extra-routes.ts";
import { agents } from "./handlers/agents.ts";
import { auth } from "./handlers/auth.ts";
import { projects } from "./handlers/projects.ts";
import { API_VERSION, system } from "./handlers/system.ts";
import { tasks } from "./handlers/tasks.ts";
import { users } from "./handlers/users.ts";
import { webhooks } from "./handlers/webhooks.ts";
import { realtime } from "./realtime.ts";
import { type CoordinAItorSeedInfo, seed } from "./seed.ts";
import { CoServices } from "./services.ts";
import { DELIVERIES_TABLE, startWebhooks } from "./state/webhooks.ts";

export const coordinaitor: PlatformDefinition<
  CoordinAItorContract,
  CoServices,
  CoCaller,
  CoCommonCode,
  CoordinAItorSeedInfo
> = {
  id: "coordinaitor",
  root: "",
  title: "CoordinAItor API",
  version: API_VERSION,
  contract,
  envelope,
  migrations: [...migrations, WebhookDispatcher.migration(DELIVERIES_TABLE)],
  tables: [DELIVERIES_TABLE, ...tables],
  retention,
  createServices: (env) => {
    const services = new CoServices(env);
    services.webhooks = startWebhooks(services);
    return services;
  },
  authRequirements: [
    "user",
    "session",
    "admin",
    "tasks:read",
    "tasks:write",
    "agents:read",
    "agents:write",
    "projects:read",
    "projects:write",
    "users:read",
    "users:write",
    "webhooks:read",
    "webhooks:write",
    "system:read",
  ],
  authenticate: (services, requirement, credentials) =>
    authenticate(
      services,
      requirement,
      credentialOf(credentials.bearer, credentials.header("x-api-key")),
      credentials.address,
    ),
  handlers: { auth, tasks, agents, projects, users, system, webhooks },
  // §Rate Limiting: the Free tier, 1,000 requests an hour per caller (`X-RateLimit-Window: 3600`); sign-in and
  // token requests 20 a minute per address.
  rateLimits: {
    groups: { auth: { limit: 20, windowMs: 60_000 }, websocket: 60 },
    authenticated: 1000,
    anonymous: 1000,
    windowMs: 3_600_000,
    headers: () => ({ "x-ratelimit-window": "3600" }),
  },
  extraRoutes,
  seed,
  // The `/ws` subscribe channel; see `realtime.ts`.
  realtime: [realtime],
  dispose: (services) => services.webhooks?.stop(),
};
