// Generated from the contract by scripts/gen-platforms.ts: do not edit.
import type { Endpoint } from "../../contract/endpoint.ts";
import type { RouteTable } from "../../contract/routes.ts";
import type { ClientMethod } from "../../core/resource.ts";
import type { CCJKCloudContract } from "./contract/index.ts";

type C = CCJKCloudContract;
type Method<E extends Endpoint<any>> = ClientMethod<NonNullable<E["~client"]>>;

/** Each endpoint's method, path, auth and parameter names: all a client needs at run time, without zod. */
export const routes = {
  oauth: {
    token: {"method":"POST","path":"/oauth/token","auth":"none","params":[],"query":["grant_type","client_id","client_secret"],"contentType":"form"},
  },
  sync: {
    setConfig: {"method":"POST","path":"/sync/config","auth":"user","params":[],"query":[]},
    getConfig: {"method":"GET","path":"/sync/config","auth":"user","params":[],"query":[]},
    start: {"method":"POST","path":"/sync/sync","auth":"user","params":[],"query":[]},
    status: {"method":"GET","path":"/sync/status","auth":"user","params":[],"query":["syncId"]},
    resolveConflict: {"method":"POST","path":"/sync/resolve-conflict","auth":"user","params":[],"query":[]},
  },
  skills: {
    list: {"method":"GET","path":"/skills","auth":"optional","params":[],"query":["category","search","tags","page","limit","sort","lang"],"paginated":true,"items":"skills"},
    categories: {"method":"GET","path":"/skills/categories","auth":"optional","params":[],"query":[]},
    get: {"method":"GET","path":"/skills/{id}","auth":"optional","params":["id"],"query":[]},
    install: {"method":"POST","path":"/skills/{id}/install","auth":"user","params":["id"],"query":[]},
    publish: {"method":"POST","path":"/skills/publish","auth":"user","params":[],"query":[]},
  },
  agents: {
    list: {"method":"GET","path":"/agents","auth":"optional","params":[],"query":["status","role","page","limit"],"paginated":true,"items":"agents"},
    createTask: {"method":"POST","path":"/agents/tasks","auth":"user","params":[],"query":[]},
    getTask: {"method":"GET","path":"/agents/tasks/{id}","auth":"user","params":["id"],"query":[]},
    cancelTask: {"method":"DELETE","path":"/agents/tasks/{id}","auth":"user","params":["id"],"query":[]},
    scalePool: {"method":"POST","path":"/agents/pool/scale","auth":"user","params":[],"query":[]},
  },
  mcp: {
    list: {"method":"GET","path":"/mcp/services","auth":"optional","params":[],"query":["category","platform","search"]},
    get: {"method":"GET","path":"/mcp/services/{id}","auth":"optional","params":["id"],"query":[]},
    install: {"method":"POST","path":"/mcp/services/{id}/install","auth":"user","params":["id"],"query":[]},
    discover: {"method":"POST","path":"/mcp/discover","auth":"user","params":[],"query":[]},
  },
  plugins: {
    list: {"method":"GET","path":"/plugins","auth":"optional","params":[],"query":["category","search","tags","page","limit","sort"],"paginated":true,"items":"plugins"},
    get: {"method":"GET","path":"/plugins/{id}","auth":"optional","params":["id"],"query":[]},
    download: {"method":"GET","path":"/plugins/{id}/download","auth":"optional","params":["id"],"query":[]},
    recommendations: {"method":"POST","path":"/plugins/recommendations","auth":"user","params":[],"query":[]},
  },
  webhooks: {
    create: {"method":"POST","path":"/webhooks","auth":"user","params":[],"query":[]},
  },
} as const satisfies RouteTable;

/** Every endpoint of the CCJK Cloud contract as a typed method, by resource, with its documentation. */
export interface CCJKCloudMethods {
  /** The `oauth` endpoints (§2 OAuth 2.0 (Enterprise)). */
  readonly oauth: {
    /**
     * Trade an OAuth client's id and secret for a bearer token (client-credentials grant)
     *
     * `POST /oauth/token` (§2 OAuth 2.0 (Enterprise))
     *
     * @example
     * ```ts
     * const answer = await client.oauth.token();
     * ```
     */
    readonly token: Method<C["oauth"]["token"]>;
  };
  /** The `sync` endpoints (§4 Sync Configuration–§4 Sync Operations). */
  readonly sync: {
    /**
     * Set or update the sync configuration
     *
     * `POST /sync/config` (§4 Sync Configuration)
     *
     * @example
     * ```ts
     * const answer = await client.sync.setConfig({ provider: "github-gist" });
     * ```
     */
    readonly setConfig: Method<C["sync"]["setConfig"]>;
    /**
     * Get the sync configuration and its stats
     *
     * `GET /sync/config` (§4 Sync Configuration)
     *
     * @example
     * ```ts
     * const answer = await client.sync.getConfig();
     * ```
     */
    readonly getConfig: Method<C["sync"]["getConfig"]>;
    /**
     * Start a sync job
     *
     * `POST /sync/sync` (§4 Sync Operations)
     *
     * @example
     * ```ts
     * const answer = await client.sync.start();
     * ```
     */
    readonly start: Method<C["sync"]["start"]>;
    /**
     * Get a sync job's progress and results (the latest job by default)
     *
     * `GET /sync/status` (§4 Sync Operations)
     *
     * @example
     * ```ts
     * const answer = await client.sync.status();
     * ```
     */
    readonly status: Method<C["sync"]["status"]>;
    /**
     * Resolve a sync conflict with the local, remote or merged content
     *
     * `POST /sync/resolve-conflict` (§4 Sync Operations)
     *
     * @example
     * ```ts
     * const answer = await client.sync.resolveConflict({ conflictId: "<conflictId>", resolution: "local" });
     * ```
     */
    readonly resolveConflict: Method<C["sync"]["resolveConflict"]>;
  };
  /** The `skills` endpoints (§5 Get Skill Details–§5 Skill Categories). */
  readonly skills: {
    /**
     * List skills, filtered, sorted and localized
     *
     * `GET /skills` (§5 List Skills)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.skills.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["skills"]["list"]>;
    /**
     * List skill categories with their skill counts
     *
     * `GET /skills/categories` (§5 Skill Categories)
     *
     * @example
     * ```ts
     * const answer = await client.skills.categories();
     * ```
     */
    readonly categories: Method<C["skills"]["categories"]>;
    /**
     * Get a skill's details in both languages
     *
     * `GET /skills/{id}` (§5 Get Skill Details)
     *
     * @example
     * ```ts
     * const answer = await client.skills.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["skills"]["get"]>;
    /**
     * Install a skill and its dependencies
     *
     * `POST /skills/{id}/install` (§5 Install Skill)
     *
     * @example
     * ```ts
     * const answer = await client.skills.install({ id: "<id>" });
     * ```
     */
    readonly install: Method<C["skills"]["install"]>;
    /**
     * Publish a new skill to the registry
     *
     * `POST /skills/publish` (§5 Publish Skill)
     *
     * @example
     * ```ts
     * const answer = await client.skills.publish({ skill: { id: "<id>", name: { en: "<en>" }, description: { en: "<en>" }, category: "<category>", version: "<version>", template: "<template>" } });
     * ```
     */
    readonly publish: Method<C["skills"]["publish"]>;
  };
  /** The `agents` endpoints (§6 Agent Pool Management–§6 List Agents). */
  readonly agents: {
    /**
     * List agents: the public catalog, or with a key the caller's pools
     *
     * `GET /agents` (§6 List Agents)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.agents.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["agents"]["list"]>;
    /**
     * Create a task for an agent role
     *
     * `POST /agents/tasks` (§6 Create Agent Task)
     *
     * @example
     * ```ts
     * const answer = await client.agents.createTask({ agentRole: "typescript-cli-architect", task: { name: "Design CLI structure", description: "Create CLI command structure for new feature", type: "design", priority: "high", input: { feature: "cloud-sync", commands: ["sync", "config", "status"] }, deadline: "2026-01-21T12:00:00Z" }, distributed: false });
     * ```
     */
    readonly createTask: Method<C["agents"]["createTask"]>;
    /**
     * Get a task's status, progress and output
     *
     * `GET /agents/tasks/{id}` (§6 Get Task Status)
     *
     * @example
     * ```ts
     * const answer = await client.agents.getTask({ id: "<id>" });
     * ```
     */
    readonly getTask: Method<C["agents"]["getTask"]>;
    /**
     * Cancel a queued or running task
     *
     * `DELETE /agents/tasks/{id}` (§6 Cancel Task)
     *
     * @example
     * ```ts
     * const answer = await client.agents.cancelTask({ id: "<id>" });
     * ```
     */
    readonly cancelTask: Method<C["agents"]["cancelTask"]>;
    /**
     * Scale a role's agent pool
     *
     * `POST /agents/pool/scale` (§6 Agent Pool Management)
     *
     * @example
     * ```ts
     * const answer = await client.agents.scalePool({ role: "<role>" });
     * ```
     */
    readonly scalePool: Method<C["agents"]["scalePool"]>;
  };
  /** The `mcp` endpoints (§7 Discover MCP Services–§7 List MCP Services). */
  readonly mcp: {
    /**
     * List MCP services, filtered
     *
     * `GET /mcp/services` (§7 List MCP Services)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.list();
     * ```
     */
    readonly list: Method<C["mcp"]["list"]>;
    /**
     * Get an MCP service's details, tools and configuration
     *
     * `GET /mcp/services/{id}` (§7 Get MCP Service Details)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["mcp"]["get"]>;
    /**
     * Install an MCP service for the account
     *
     * `POST /mcp/services/{id}/install` (§7 Install MCP Service)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.install({ id: "<id>" });
     * ```
     */
    readonly install: Method<C["mcp"]["install"]>;
    /**
     * Recommend MCP services from a project's analysis
     *
     * `POST /mcp/discover` (§7 Discover MCP Services)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.discover({ projectPath: "<projectPath>", analysis: {} });
     * ```
     */
    readonly discover: Method<C["mcp"]["discover"]>;
  };
  /** The `plugins` endpoints (§8 Download Plugin–§8 List Plugins). */
  readonly plugins: {
    /**
     * List plugins, filtered and sorted
     *
     * `GET /plugins` (§8 List Plugins)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.plugins.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["plugins"]["list"]>;
    /**
     * Get a plugin's details
     *
     * `GET /plugins/{id}` (§8 Get Plugin Details)
     *
     * @example
     * ```ts
     * const answer = await client.plugins.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["plugins"]["get"]>;
    /**
     * Get a plugin's download package: URL, SHA-256, size and files
     *
     * `GET /plugins/{id}/download` (§8 Download Plugin)
     *
     * @example
     * ```ts
     * const answer = await client.plugins.download({ id: "<id>" });
     * ```
     */
    readonly download: Method<C["plugins"]["download"]>;
    /**
     * Recommend plugins for a project's context
     *
     * `POST /plugins/recommendations` (§8 Get Recommendations)
     *
     * @example
     * ```ts
     * const answer = await client.plugins.recommendations({ context: {} });
     * ```
     */
    readonly recommendations: Method<C["plugins"]["recommendations"]>;
  };
  /** The `webhooks` endpoints (§10 Webhook Configuration). */
  readonly webhooks: {
    /**
     * Subscribe a URL to webhook events
     *
     * `POST /webhooks` (§10 Webhook Configuration)
     *
     * @example
     * ```ts
     * const answer = await client.webhooks.create({ url: "https://your-server.com/webhooks/ccjk", events: ["sync.completed", "task.completed", "conflict.detected"], secret: "your-webhook-secret" });
     * ```
     */
    readonly create: Method<C["webhooks"]["create"]>;
  };
}
