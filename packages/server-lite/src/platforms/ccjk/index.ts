/**
 * @module
 * CCJK Cloud (seed document 000, API v1) as a server-lite platform, at its documented root `/api/v1`.
 */
import { type CCJKCloudContract, contract } from "@agentlane/sdk/ccjk/contract";
import type { PlatformDefinition } from "../../core/platform.ts";
import { authenticate, type CCJKCaller, type CCJKCommonCode } from "./caller.ts";
import { cli } from "./cli.ts";
import { migrations, tables } from "./db/migrations.ts";
import { retention } from "./db/retention.ts";
import { envelope } from "./envelope.ts";
import { agents } from "./handlers/agents.ts";
import { mcp } from "./handlers/mcp.ts";
import { oauth } from "./handlers/oauth.ts";
import { plugins } from "./handlers/plugins.ts";
import { skills } from "./handlers/skills.ts";
import { sync } from "./handlers/sync.ts";
import { webhooks } from "./handlers/webhooks.ts";
import { extraRoutes, ROOT } from "./routes.ts";
import { type CCJKSeedInfo, seed } from "./seed.ts";
import { CCJKServices } from "./services.ts";
import { ANONYMOUS_PER_HOUR, planHeaders, planWindows } from "./state/plans.ts";

export const ccjk: PlatformDefinition<CCJKCloudContract, CCJKServices, CCJKCaller, CCJKCommonCode, CCJKSeedInfo> = {
  id: "ccjk",
  root: ROOT,
  title: "CCJK Cloud API",
  version: "v1",
  contract,
  envelope,
  migrations,
  tables,
  retention,
  createServices: (env) => new CCJKServices(env),
  authRequirements: ["user"],
  authenticate,
  handlers: { oauth, sync, skills, agents, mcp, plugins, webhooks },
  // §3: the plan's hourly quota and per-minute limit per account; anonymous browsing 100 an hour per address;
  // the token endpoint 20 a minute per address.
  rateLimits: {
    groups: { oauth: { limit: 20, windowMs: 60_000 } },
    authenticated: 1000,
    // An anonymous caller of a browsing endpoint reaches here too, keyed by its address.
    callerLimit: (caller) => {
      const c = caller as CCJKCaller;
      return c.kind === "account" ? planWindows(c.plan) : { limit: ANONYMOUS_PER_HOUR, windowMs: 3_600_000 };
    },
    anonymous: ANONYMOUS_PER_HOUR,
    windowMs: 3_600_000,
    headers: planHeaders,
  },
  extraRoutes,
  seed,
  cli,
  dispose: (services) => services.dispose(),
};
