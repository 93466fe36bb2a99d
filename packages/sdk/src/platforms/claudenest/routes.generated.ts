// Generated from the contract by scripts/gen-platforms.ts: do not edit.
import type { Endpoint } from "../../contract/endpoint.ts";
import type { RouteTable } from "../../contract/routes.ts";
import type { ClientMethod } from "../../core/resource.ts";
import type { ClaudeNestContract } from "./contract/index.ts";

type C = ClaudeNestContract;
type Method<E extends Endpoint<any>> = ClientMethod<NonNullable<E["~client"]>>;

/** Each endpoint's method, path, auth and parameter names: all a client needs at run time, without zod. */
export const routes = {
  health: {
    check: {"method":"GET","path":"/health","auth":"none","params":[],"query":[]},
  },
  auth: {
    oauthRedirect: {"method":"GET","path":"/auth/{provider}/redirect","auth":"none","params":["provider"],"query":[]},
    oauthCallback: {"method":"GET","path":"/auth/{provider}/callback","auth":"none","params":["provider"],"query":["code"]},
    login: {"method":"POST","path":"/auth/login","auth":"none","params":[],"query":[]},
    register: {"method":"POST","path":"/auth/register","auth":"none","params":[],"query":[]},
    logout: {"method":"POST","path":"/auth/logout","auth":"user","params":[],"query":[]},
    me: {"method":"GET","path":"/auth/me","auth":"user","params":[],"query":[]},
    listTokens: {"method":"GET","path":"/auth/tokens","auth":"user","params":[],"query":[]},
    createToken: {"method":"POST","path":"/auth/tokens","auth":"user","params":[],"query":[]},
    revokeToken: {"method":"DELETE","path":"/auth/tokens/{id}","auth":"user","params":["id"],"query":[]},
    requestMagicLink: {"method":"POST","path":"/auth/magic-link","auth":"none","params":[],"query":[]},
    verifyMagicLink: {"method":"POST","path":"/auth/magic-link/verify","auth":"none","params":[],"query":[]},
  },
  pairing: {
    initiate: {"method":"POST","path":"/pairing/initiate","auth":"none","params":[],"query":[]},
    status: {"method":"GET","path":"/pairing/{code}","auth":"pairing","params":["code"],"query":[]},
    complete: {"method":"POST","path":"/pairing/{code}/complete","auth":"user","params":["code"],"query":[]},
  },
  machines: {
    list: {"method":"GET","path":"/machines","auth":"user","params":[],"query":["search","status","page","per_page"],"paginated":true},
    register: {"method":"POST","path":"/machines","auth":"user","params":[],"query":[]},
    get: {"method":"GET","path":"/machines/{id}","auth":"agent","params":["id"],"query":[]},
    update: {"method":"PATCH","path":"/machines/{id}","auth":"user","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/machines/{id}","auth":"user","params":["id"],"query":[]},
    regenerateToken: {"method":"POST","path":"/machines/{id}/regenerate-token","auth":"user","params":["id"],"query":[]},
    environment: {"method":"GET","path":"/machines/{id}/environment","auth":"agent","params":["id"],"query":[]},
    wake: {"method":"POST","path":"/machines/{id}/wake","auth":"user","params":["id"],"query":[]},
    browse: {"method":"GET","path":"/machines/{id}/browse","auth":"user","params":["id"],"query":["path","dirs_only","show_hidden"]},
  },
  sessions: {
    list: {"method":"GET","path":"/machines/{machine}/sessions","auth":"agent","params":["machine"],"query":["status","page","per_page"],"paginated":true},
    create: {"method":"POST","path":"/machines/{machine}/sessions","auth":"agent","params":["machine"],"query":[]},
    get: {"method":"GET","path":"/sessions/{id}","auth":"agent","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/sessions/{id}","auth":"agent","params":["id"],"query":[]},
    logs: {"method":"GET","path":"/sessions/{id}/logs","auth":"agent","params":["id"],"query":["limit","type"]},
    attachToken: {"method":"POST","path":"/sessions/{id}/attach","auth":"agent","params":["id"],"query":[]},
    input: {"method":"POST","path":"/sessions/{id}/input","auth":"agent","params":["id"],"query":[]},
    resize: {"method":"POST","path":"/sessions/{id}/resize","auth":"agent","params":["id"],"query":[]},
  },
  projects: {
    list: {"method":"GET","path":"/machines/{machine}/projects","auth":"agent","params":["machine"],"query":[]},
    create: {"method":"POST","path":"/machines/{machine}/projects","auth":"agent","params":["machine"],"query":[]},
    get: {"method":"GET","path":"/projects/{id}","auth":"agent","params":["id"],"query":[]},
    update: {"method":"PATCH","path":"/projects/{id}","auth":"agent","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/projects/{id}","auth":"user","params":["id"],"query":[]},
    stats: {"method":"GET","path":"/projects/{id}/stats","auth":"agent","params":["id"],"query":[]},
    instances: {"method":"GET","path":"/projects/{id}/instances","auth":"agent","params":["id"],"query":[]},
    activity: {"method":"GET","path":"/projects/{id}/activity","auth":"agent","params":["id"],"query":["limit"]},
    broadcast: {"method":"POST","path":"/projects/{id}/broadcast","auth":"agent","params":["id"],"query":[]},
    scan: {"method":"POST","path":"/machines/{machine}/projects/scan","auth":"user","params":["machine"],"query":[]},
  },
  tasks: {
    list: {"method":"GET","path":"/projects/{project}/tasks","auth":"agent","params":["project"],"query":["status","priority","page","per_page"],"paginated":true},
    create: {"method":"POST","path":"/projects/{project}/tasks","auth":"agent","params":["project"],"query":[]},
    nextAvailable: {"method":"GET","path":"/projects/{project}/tasks/next-available","auth":"agent","params":["project"],"query":[]},
    get: {"method":"GET","path":"/tasks/{id}","auth":"agent","params":["id"],"query":[]},
    update: {"method":"PATCH","path":"/tasks/{id}","auth":"agent","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/tasks/{id}","auth":"agent","params":["id"],"query":["instance_id"]},
    claim: {"method":"POST","path":"/tasks/{id}/claim","auth":"agent","params":["id"],"query":[]},
    release: {"method":"POST","path":"/tasks/{id}/release","auth":"agent","params":["id"],"query":[]},
    complete: {"method":"POST","path":"/tasks/{id}/complete","auth":"agent","params":["id"],"query":[]},
    claimNext: {"method":"POST","path":"/projects/{project}/tasks/claim-next","auth":"agent","params":["project"],"query":[]},
  },
  context: {
    get: {"method":"GET","path":"/projects/{project}/context","auth":"agent","params":["project"],"query":[]},
    update: {"method":"PATCH","path":"/projects/{project}/context","auth":"agent","params":["project"],"query":[]},
    query: {"method":"POST","path":"/projects/{project}/context/query","auth":"agent","params":["project"],"query":[]},
    summarize: {"method":"POST","path":"/projects/{project}/context/summarize","auth":"agent","params":["project"],"query":[]},
    listChunks: {"method":"GET","path":"/projects/{project}/context/chunks","auth":"agent","params":["project"],"query":["type","instance_id","page","per_page"],"paginated":true},
    addChunk: {"method":"POST","path":"/projects/{project}/context/chunks","auth":"agent","params":["project"],"query":[]},
    removeChunk: {"method":"DELETE","path":"/projects/{project}/context/chunks/{chunkId}","auth":"agent","params":["project","chunkId"],"query":[]},
    queryChunks: {"method":"POST","path":"/projects/{project}/context","auth":"agent","params":["project"],"query":[]},
    batch: {"method":"POST","path":"/context/batch","auth":"agent","params":[],"query":[]},
  },
  locks: {
    list: {"method":"GET","path":"/projects/{project}/locks","auth":"agent","params":["project"],"query":[]},
    acquire: {"method":"POST","path":"/projects/{project}/locks","auth":"agent","params":["project"],"query":[]},
    check: {"method":"POST","path":"/projects/{project}/locks/check","auth":"agent","params":["project"],"query":[]},
    extend: {"method":"POST","path":"/projects/{project}/locks/extend","auth":"agent","params":["project"],"query":[]},
    bulk: {"method":"POST","path":"/projects/{project}/locks/bulk","auth":"agent","params":["project"],"query":[]},
    release: {"method":"POST","path":"/projects/{project}/locks/release","auth":"agent","params":["project"],"query":[]},
    forceRelease: {"method":"POST","path":"/projects/{project}/locks/force-release","auth":"admin","params":["project"],"query":[]},
    releaseByInstance: {"method":"POST","path":"/projects/{project}/locks/release-by-instance","auth":"agent","params":["project"],"query":[]},
    remove: {"method":"DELETE","path":"/projects/{project}/locks/{path+}","auth":"agent","params":["project","path"],"query":[]},
  },
  skills: {
    list: {"method":"GET","path":"/machines/{machine}/skills","auth":"agent","params":["machine"],"query":[]},
    get: {"method":"GET","path":"/machines/{machine}/skills/{path+}","auth":"agent","params":["machine","path"],"query":[]},
    createOrUpdate: {"method":"POST","path":"/machines/{machine}/skills","auth":"agent","params":["machine"],"query":[]},
    update: {"method":"PATCH","path":"/machines/{machine}/skills/{path+}","auth":"agent","params":["machine","path"],"query":[]},
    toggle: {"method":"POST","path":"/machines/{machine}/skills/{path+}/toggle","auth":"agent","params":["machine","path"],"query":[]},
    remove: {"method":"DELETE","path":"/machines/{machine}/skills/{path+}","auth":"agent","params":["machine","path"],"query":[]},
    bulk: {"method":"POST","path":"/machines/{machine}/skills/bulk","auth":"agent","params":["machine"],"query":[]},
  },
  mcp: {
    list: {"method":"GET","path":"/machines/{machine}/mcp","auth":"agent","params":["machine"],"query":[]},
    get: {"method":"GET","path":"/machines/{machine}/mcp/{name}","auth":"agent","params":["machine","name"],"query":[]},
    add: {"method":"POST","path":"/machines/{machine}/mcp","auth":"agent","params":["machine"],"query":[]},
    update: {"method":"PATCH","path":"/machines/{machine}/mcp/{name}","auth":"agent","params":["machine","name"],"query":[]},
    start: {"method":"POST","path":"/machines/{machine}/mcp/{name}/start","auth":"agent","params":["machine","name"],"query":[]},
    stop: {"method":"POST","path":"/machines/{machine}/mcp/{name}/stop","auth":"agent","params":["machine","name"],"query":[]},
    tools: {"method":"GET","path":"/machines/{machine}/mcp/{name}/tools","auth":"agent","params":["machine","name"],"query":[]},
    execute: {"method":"POST","path":"/machines/{machine}/mcp/{name}/execute","auth":"agent","params":["machine","name"],"query":[]},
    allTools: {"method":"GET","path":"/machines/{machine}/mcp/all-tools","auth":"agent","params":["machine"],"query":[]},
    remove: {"method":"DELETE","path":"/machines/{machine}/mcp/{name}","auth":"agent","params":["machine","name"],"query":[]},
  },
  commands: {
    list: {"method":"GET","path":"/machines/{machine}/commands","auth":"agent","params":["machine"],"query":["page","per_page"],"paginated":true},
    search: {"method":"GET","path":"/machines/{machine}/commands/search","auth":"agent","params":["machine"],"query":["q","page","per_page"],"paginated":true},
    get: {"method":"GET","path":"/machines/{machine}/commands/{id}","auth":"agent","params":["machine","id"],"query":[]},
    register: {"method":"POST","path":"/machines/{machine}/commands","auth":"agent","params":["machine"],"query":[]},
    bulk: {"method":"POST","path":"/machines/{machine}/commands/bulk","auth":"agent","params":["machine"],"query":[]},
    execute: {"method":"POST","path":"/machines/{machine}/commands/{id}/execute","auth":"agent","params":["machine","id"],"query":[]},
    remove: {"method":"DELETE","path":"/machines/{machine}/commands/{id}","auth":"agent","params":["machine","id"],"query":[]},
    clear: {"method":"DELETE","path":"/machines/{machine}/commands","auth":"agent","params":["machine"],"query":[]},
  },
  dashboard: {
    stats: {"method":"GET","path":"/dashboard/stats","auth":"user","params":[],"query":[]},
  },
  credentials: {
    list: {"method":"GET","path":"/credentials","auth":"user","params":[],"query":[]},
    get: {"method":"GET","path":"/credentials/{id}","auth":"user","params":["id"],"query":[]},
    create: {"method":"POST","path":"/credentials","auth":"user","params":[],"query":[]},
    update: {"method":"PATCH","path":"/credentials/{id}","auth":"user","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/credentials/{id}","auth":"user","params":["id"],"query":[]},
    setDefault: {"method":"PATCH","path":"/credentials/{id}/default","auth":"user","params":["id"],"query":[]},
    test: {"method":"POST","path":"/credentials/{id}/test","auth":"user","params":["id"],"query":[]},
  },
  orchestration: {
    status: {"method":"GET","path":"/projects/{id}/orchestrator/status","auth":"agent","params":["id"],"query":[]},
    stats: {"method":"GET","path":"/projects/{id}/orchestration-stats","auth":"agent","params":["id"],"query":[]},
    start: {"method":"POST","path":"/projects/{id}/orchestrator/start","auth":"user","params":["id"],"query":[]},
    stop: {"method":"POST","path":"/projects/{id}/orchestrator/stop","auth":"user","params":["id"],"query":[]},
  },
  machineSync: {
    skills: {"method":"POST","path":"/machines/{machine}/skills/sync","auth":"agent","params":["machine"],"query":[]},
    mcp: {"method":"POST","path":"/machines/{machine}/mcp/sync","auth":"agent","params":["machine"],"query":[]},
  },
} as const satisfies RouteTable;

/** Every endpoint of the ClaudeNest contract as a typed method, by resource, with its documentation. */
export interface ClaudeNestMethods {
  /** The `health` endpoints (§16). */
  readonly health: {
    /**
     * Health check
     *
     * `GET /health` (§16)
     *
     * @example
     * ```ts
     * const answer = await client.health.check();
     * ```
     */
    readonly check: Method<C["health"]["check"]>;
  };
  /** The `auth` endpoints (§2.1–§2.7). */
  readonly auth: {
    /**
     * OAuth redirect URL (google or github)
     *
     * `GET /auth/{provider}/redirect` (§2.1)
     *
     * @example
     * ```ts
     * const answer = await client.auth.oauthRedirect({ provider: "<provider>" });
     * ```
     */
    readonly oauthRedirect: Method<C["auth"]["oauthRedirect"]>;
    /**
     * OAuth callback: exchanges the provider's code for a user and token
     *
     * `GET /auth/{provider}/callback` (§2.1)
     *
     * @example
     * ```ts
     * const answer = await client.auth.oauthCallback({ provider: "<provider>", code: "<code>" });
     * ```
     */
    readonly oauthCallback: Method<C["auth"]["oauthCallback"]>;
    /**
     * Email and password login
     *
     * `POST /auth/login` (§2.2)
     *
     * @example
     * ```ts
     * const answer = await client.auth.login({ email: "<email>", password: "<password>" });
     * ```
     */
    readonly login: Method<C["auth"]["login"]>;
    /**
     * Register a user
     *
     * `POST /auth/register` (§2.3)
     *
     * @example
     * ```ts
     * const answer = await client.auth.register({ name: "<name>", email: "<email>", password: "<password>", password_confirmation: "<password_confirmation>" });
     * ```
     */
    readonly register: Method<C["auth"]["register"]>;
    /**
     * Log out: revokes the token of this request
     *
     * `POST /auth/logout` (§2.4)
     *
     * @example
     * ```ts
     * const answer = await client.auth.logout();
     * ```
     */
    readonly logout: Method<C["auth"]["logout"]>;
    /**
     * The current user
     *
     * `GET /auth/me` (§2.5)
     *
     * @example
     * ```ts
     * const answer = await client.auth.me();
     * ```
     */
    readonly me: Method<C["auth"]["me"]>;
    /**
     * List personal access tokens
     *
     * `GET /auth/tokens` (§2.6)
     *
     * @example
     * ```ts
     * const answer = await client.auth.listTokens();
     * ```
     */
    readonly listTokens: Method<C["auth"]["listTokens"]>;
    /**
     * Create a personal access token
     *
     * `POST /auth/tokens` (§2.6)
     *
     * @example
     * ```ts
     * const answer = await client.auth.createToken({ name: "Mobile App Token", abilities: ["*"], expires_in_days: 90 });
     * ```
     */
    readonly createToken: Method<C["auth"]["createToken"]>;
    /**
     * Revoke a personal access token
     *
     * `DELETE /auth/tokens/{id}` (§2.6)
     *
     * The document names no error for an unknown token id; server-lite answers 404 NOT_FOUND.
     *
     * @example
     * ```ts
     * const answer = await client.auth.revokeToken({ id: "<id>" });
     * ```
     */
    readonly revokeToken: Method<C["auth"]["revokeToken"]>;
    /**
     * Email a magic link (always succeeds, so that emails cannot be enumerated)
     *
     * `POST /auth/magic-link` (§2.7)
     *
     * @example
     * ```ts
     * const answer = await client.auth.requestMagicLink({ email: "<email>" });
     * ```
     */
    readonly requestMagicLink: Method<C["auth"]["requestMagicLink"]>;
    /**
     * Exchange a magic-link token for access and refresh tokens
     *
     * `POST /auth/magic-link/verify` (§2.7)
     *
     * @example
     * ```ts
     * const answer = await client.auth.verifyMagicLink({ token: "<token>" });
     * ```
     */
    readonly verifyMagicLink: Method<C["auth"]["verifyMagicLink"]>;
  };
  /** The `pairing` endpoints (§3.1–§3.3). */
  readonly pairing: {
    /**
     * An agent starts pairing and gets a short code and a temporary token
     *
     * `POST /pairing/initiate` (§3.1)
     *
     * @example
     * ```ts
     * const answer = await client.pairing.initiate({ agent_info: { platform: "<platform>", hostname: "<hostname>" } });
     * ```
     */
    readonly initiate: Method<C["pairing"]["initiate"]>;
    /**
     * The agent polls the pairing with its temporary token (or, for a code it chose, with none)
     *
     * `GET /pairing/{code}` (§3.2)
     *
     * @example
     * ```ts
     * const answer = await client.pairing.status({ code: "<code>" });
     * ```
     */
    readonly status: Method<C["pairing"]["status"]>;
    /**
     * The user confirms the code; the machine is created
     *
     * `POST /pairing/{code}/complete` (§3.3)
     *
     * @example
     * ```ts
     * const answer = await client.pairing.complete({ code: "<code>" });
     * ```
     */
    readonly complete: Method<C["pairing"]["complete"]>;
  };
  /** The `machines` endpoints (§4.1–§4.8). */
  readonly machines: {
    /**
     * List machines (15 per page by default)
     *
     * `GET /machines` (§4.1)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.machines.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["machines"]["list"]>;
    /**
     * Register a machine; answers its machine token
     *
     * `POST /machines` (§4.2)
     *
     * @example
     * ```ts
     * const answer = await client.machines.register({ name: "MacBook Pro", platform: "darwin", hostname: "macbook.local", arch: "arm64", node_version: "20.11.0", agent_version: "1.0.0", claude_version: "1.0.0", claude_path: "/usr/local/bin/claude", capabilities: ["wake_on_lan", "gpu"], max_sessions: 10 });
     * ```
     */
    readonly register: Method<C["machines"]["register"]>;
    /**
     * Get a machine
     *
     * `GET /machines/{id}` (§4.3)
     *
     * @example
     * ```ts
     * const answer = await client.machines.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["machines"]["get"]>;
    /**
     * Update a machine
     *
     * `PATCH /machines/{id}` (§4.4)
     *
     * @example
     * ```ts
     * const answer = await client.machines.update({ id: "<id>" });
     * ```
     */
    readonly update: Method<C["machines"]["update"]>;
    /**
     * Delete a machine and everything on it
     *
     * `DELETE /machines/{id}` (§4.5)
     *
     * @example
     * ```ts
     * const answer = await client.machines.remove({ id: "<id>" });
     * ```
     */
    readonly remove: Method<C["machines"]["remove"]>;
    /**
     * Replace the machine token (the old one stops working)
     *
     * `POST /machines/{id}/regenerate-token` (§4.6)
     *
     * @example
     * ```ts
     * const answer = await client.machines.regenerateToken({ id: "<id>" });
     * ```
     */
    readonly regenerateToken: Method<C["machines"]["regenerateToken"]>;
    /**
     * The machine's environment
     *
     * `GET /machines/{id}/environment` (§4.7)
     *
     * @example
     * ```ts
     * const answer = await client.machines.environment({ id: "<id>" });
     * ```
     */
    readonly environment: Method<C["machines"]["environment"]>;
    /**
     * Send a Wake-on-LAN signal
     *
     * `POST /machines/{id}/wake` (§4.8)
     *
     * @example
     * ```ts
     * const answer = await client.machines.wake({ id: "<id>" });
     * ```
     */
    readonly wake: Method<C["machines"]["wake"]>;
    /**
     * List a folder on the machine (folders only by default)
     *
     * `GET /machines/{id}/browse`
     *
     * Beyond the document: ClaudeNest's own server, FileBrowserController::browse (its web UI's folder pickers).
     *
     * @example
     * ```ts
     * const answer = await client.machines.browse({ id: "<id>" });
     * ```
     */
    readonly browse: Method<C["machines"]["browse"]>;
  };
  /** The `sessions` endpoints (§5.1–§5.8). */
  readonly sessions: {
    /**
     * List a machine's sessions, newest first (20 per page by default)
     *
     * `GET /machines/{machine}/sessions` (§5.1)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.sessions.list({ machine: "<machine>" })) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["sessions"]["list"]>;
    /**
     * Start a session on an online machine; answers it with a WebSocket token
     *
     * `POST /machines/{machine}/sessions` (§5.2)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.create({ machine: "<machine>", mode: "interactive", project_path: "/home/user/project", initial_prompt: "Refactor the auth module", pty_size: { cols: 120, rows: 40 } });
     * ```
     */
    readonly create: Method<C["sessions"]["create"]>;
    /**
     * Get a session
     *
     * `GET /sessions/{id}` (§5.3)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["sessions"]["get"]>;
    /**
     * Terminate a session (its process is killed); answers the terminated session
     *
     * `DELETE /sessions/{id}` (§5.4)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.remove({ id: "<id>" });
     * ```
     */
    readonly remove: Method<C["sessions"]["remove"]>;
    /**
     * A session's most recent input, output and error logs, oldest first
     *
     * `GET /sessions/{id}/logs` (§5.5)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.logs({ id: "<id>" });
     * ```
     */
    readonly logs: Method<C["sessions"]["logs"]>;
    /**
     * A fresh WebSocket token for a session's live stream (§5.6 Attach to Session)
     *
     * `POST /sessions/{id}/attach` (§5.6)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.attachToken({ id: "<id>" });
     * ```
     */
    readonly attachToken: Method<C["sessions"]["attachToken"]>;
    /**
     * Send input to a session's terminal
     *
     * `POST /sessions/{id}/input` (§5.7)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.input({ id: "<id>", data: "<data>" });
     * ```
     */
    readonly input: Method<C["sessions"]["input"]>;
    /**
     * Resize a session's terminal
     *
     * `POST /sessions/{id}/resize` (§5.8)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.resize({ id: "<id>", cols: 1, rows: 1 });
     * ```
     */
    readonly resize: Method<C["sessions"]["resize"]>;
  };
  /** The `projects` endpoints (§6.1–§6.9). */
  readonly projects: {
    /**
     * List the shared projects of a machine
     *
     * `GET /machines/{machine}/projects` (§6.1)
     *
     * @example
     * ```ts
     * const answer = await client.projects.list({ machine: "<machine>" });
     * ```
     */
    readonly list: Method<C["projects"]["list"]>;
    /**
     * Create a shared project on a machine
     *
     * `POST /machines/{machine}/projects` (§6.2)
     *
     * @example
     * ```ts
     * const answer = await client.projects.create({ machine: "<machine>", name: "My Project", project_path: "/home/user/project", summary: "Initial project description", architecture: "MVC pattern with Laravel", conventions: "PSR-12 coding standards", settings: { maxContextTokens: 8000, taskTimeoutMinutes: 60 } });
     * ```
     */
    readonly create: Method<C["projects"]["create"]>;
    /**
     * Get a project
     *
     * `GET /projects/{id}` (§6.3)
     *
     * @example
     * ```ts
     * const answer = await client.projects.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["projects"]["get"]>;
    /**
     * Update a project
     *
     * `PATCH /projects/{id}` (§6.4)
     *
     * @example
     * ```ts
     * const answer = await client.projects.update({ id: "<id>" });
     * ```
     */
    readonly update: Method<C["projects"]["update"]>;
    /**
     * Delete a project with its tasks, locks, context and activity
     *
     * `DELETE /projects/{id}` (§6.5)
     *
     * @example
     * ```ts
     * const answer = await client.projects.remove({ id: "<id>" });
     * ```
     */
    readonly remove: Method<C["projects"]["remove"]>;
    /**
     * Token usage, task counts, active instances and locks
     *
     * `GET /projects/{id}/stats` (§6.6)
     *
     * @example
     * ```ts
     * const answer = await client.projects.stats({ id: "<id>" });
     * ```
     */
    readonly stats: Method<C["projects"]["stats"]>;
    /**
     * The Claude instances working on the project
     *
     * `GET /projects/{id}/instances` (§6.7)
     *
     * @example
     * ```ts
     * const answer = await client.projects.instances({ id: "<id>" });
     * ```
     */
    readonly instances: Method<C["projects"]["instances"]>;
    /**
     * The project's activity log, newest first
     *
     * `GET /projects/{id}/activity` (§6.8)
     *
     * @example
     * ```ts
     * const answer = await client.projects.activity({ id: "<id>" });
     * ```
     */
    readonly activity: Method<C["projects"]["activity"]>;
    /**
     * Broadcast a message to the project's instances
     *
     * `POST /projects/{id}/broadcast` (§6.9)
     *
     * @example
     * ```ts
     * const answer = await client.projects.broadcast({ id: "<id>", type: "<type>", content: "<content>" });
     * ```
     */
    readonly broadcast: Method<C["projects"]["broadcast"]>;
    /**
     * Scan a folder of the machine: its name, tech stack, git, README and structure
     *
     * `POST /machines/{machine}/projects/scan`
     *
     * Beyond the document: ClaudeNest's own server, ProjectScanController::scan (its web UI's project wizard).
     *
     * @example
     * ```ts
     * const answer = await client.projects.scan({ machine: "<machine>", path: "<path>" });
     * ```
     */
    readonly scan: Method<C["projects"]["scan"]>;
  };
  /** The `tasks` endpoints (§7.1–§7.9). */
  readonly tasks: {
    /**
     * List a project's tasks, oldest first
     *
     * `GET /projects/{project}/tasks` (§7.1)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.tasks.list({ project: "<project>" })) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["tasks"]["list"]>;
    /**
     * Create a task
     *
     * `POST /projects/{project}/tasks` (§7.2)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.create({ project: "<project>", title: "Implement authentication", description: "Add JWT-based authentication system", priority: "high", files: ["auth.php", "User.php"], dependencies: [], estimated_tokens: 2000 });
     * ```
     */
    readonly create: Method<C["tasks"]["create"]>;
    /**
     * The highest priority unclaimed task whose dependencies are completed, or null
     *
     * `GET /projects/{project}/tasks/next-available` (§7.3)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.nextAvailable({ project: "<project>" });
     * ```
     */
    readonly nextAvailable: Method<C["tasks"]["nextAvailable"]>;
    /**
     * Get a task
     *
     * `GET /tasks/{id}` (§7.4)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["tasks"]["get"]>;
    /**
     * Update a task's title, description, priority, files, dependencies or estimate
     *
     * `PATCH /tasks/{id}` (§7.5)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.update({ id: "<id>" });
     * ```
     */
    readonly update: Method<C["tasks"]["update"]>;
    /**
     * Delete a task and the dependency edges that point to it
     *
     * `DELETE /tasks/{id}` (§7.6)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.remove({ id: "<id>" });
     * ```
     */
    readonly remove: Method<C["tasks"]["remove"]>;
    /**
     * Claim a task for an instance
     *
     * `POST /tasks/{id}/claim` (§7.7)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.claim({ id: "<id>", instance_id: "<instance_id>" });
     * ```
     */
    readonly claim: Method<C["tasks"]["claim"]>;
    /**
     * Release a task the instance claimed
     *
     * `POST /tasks/{id}/release` (§7.8)
     *
     * The document shows only `reason`; an optional `instance_id` makes it holder-only.
     *
     * @example
     * ```ts
     * const answer = await client.tasks.release({ id: "<id>" });
     * ```
     */
    readonly release: Method<C["tasks"]["release"]>;
    /**
     * Complete a task the instance claimed
     *
     * `POST /tasks/{id}/complete` (§7.9)
     *
     * The document shows only `summary` and `files_modified`; an optional `instance_id` makes it holder-only.
     *
     * @example
     * ```ts
     * const answer = await client.tasks.complete({ id: "<id>", summary: "<summary>" });
     * ```
     */
    readonly complete: Method<C["tasks"]["complete"]>;
    /**
     * Claim the next available task for an instance in one step, or null when none is available
     *
     * `POST /projects/{project}/tasks/claim-next`
     *
     * Beyond the document: ClaudeNest's own server, TaskController::claimNext.
     *
     * @example
     * ```ts
     * const answer = await client.tasks.claimNext({ project: "<project>", instance_id: "<instance_id>" });
     * ```
     */
    readonly claimNext: Method<C["tasks"]["claimNext"]>;
  };
  /** The `context` endpoints (§8.1–§8.7). */
  readonly context: {
    /**
     * The project's context sections, compiled context and token usage
     *
     * `GET /projects/{project}/context` (§8.1)
     *
     * @example
     * ```ts
     * const answer = await client.context.get({ project: "<project>" });
     * ```
     */
    readonly get: Method<C["context"]["get"]>;
    /**
     * Update the project's context sections
     *
     * `PATCH /projects/{project}/context` (§8.3)
     *
     * @example
     * ```ts
     * const answer = await client.context.update({ project: "<project>" });
     * ```
     */
    readonly update: Method<C["context"]["update"]>;
    /**
     * Search the live context chunks by relevance (BM25)
     *
     * `POST /projects/{project}/context/query` (§8.2)
     *
     * Ranks with BM25 rather than vectors; `search_method` says so.
     *
     * @example
     * ```ts
     * const answer = await client.context.query({ project: "<project>", query: "<query>" });
     * ```
     */
    readonly query: Method<C["context"]["query"]>;
    /**
     * Summarize the recent live chunks into a summary chunk (extractive)
     *
     * `POST /projects/{project}/context/summarize` (§8.4)
     *
     * The summary is extractive (sentences chosen on the server), not written by a model.
     *
     * @example
     * ```ts
     * const answer = await client.context.summarize({ project: "<project>" });
     * ```
     */
    readonly summarize: Method<C["context"]["summarize"]>;
    /**
     * List the live context chunks, newest first (20 per page by default)
     *
     * `GET /projects/{project}/context/chunks` (§8.5)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.context.listChunks({ project: "<project>" })) {
     *   console.log(item);
     * }
     * ```
     */
    readonly listChunks: Method<C["context"]["listChunks"]>;
    /**
     * Add a context chunk
     *
     * `POST /projects/{project}/context/chunks` (§8.6)
     *
     * @example
     * ```ts
     * const answer = await client.context.addChunk({ project: "<project>", content: "Important decision: Using JWT for auth", type: "decision", instance_id: "instance_1", task_id: "5e8a1c3f-7d2b-4f6e-9a0c-3d1b6e8f2a47", files: ["auth.php"], importance_score: 0.9, expires_at: "2026-03-02T00:00:00Z" });
     * ```
     */
    readonly addChunk: Method<C["context"]["addChunk"]>;
    /**
     * Delete a context chunk
     *
     * `DELETE /projects/{project}/context/chunks/{chunkId}` (§8.7)
     *
     * @example
     * ```ts
     * const answer = await client.context.removeChunk({ project: "<project>", chunkId: "<chunkId>" });
     * ```
     */
    readonly removeChunk: Method<C["context"]["removeChunk"]>;
    /**
     * Search a project's context chunks, or list the newest (the agent's context query)
     *
     * `POST /projects/{project}/context`
     *
     * Beyond the document: ClaudeNest's agent, packages/agent/src/context/client.ts queryContext (ClaudeNest's own server has no such route).
     *
     * @example
     * ```ts
     * const answer = await client.context.queryChunks({ project: "<project>", query: "<query>" });
     * ```
     */
    readonly queryChunks: Method<C["context"]["queryChunks"]>;
    /**
     * Store context updates of several projects at once
     *
     * `POST /context/batch`
     *
     * Beyond the document: ClaudeNest's own server, ContextController::batch (called by ClaudeNest's agent, packages/agent/src/context/client.ts sync).
     *
     * @example
     * ```ts
     * const answer = await client.context.batch({ updates: [] });
     * ```
     */
    readonly batch: Method<C["context"]["batch"]>;
  };
  /** The `locks` endpoints (§9.1–§9.8). */
  readonly locks: {
    /**
     * The live file locks of the project
     *
     * `GET /projects/{project}/locks` (§9.1)
     *
     * @example
     * ```ts
     * const answer = await client.locks.list({ project: "<project>" });
     * ```
     */
    readonly list: Method<C["locks"]["list"]>;
    /**
     * Lock a file for an instance (refreshes the instance's own lock)
     *
     * `POST /projects/{project}/locks` (§9.2)
     *
     * @example
     * ```ts
     * const answer = await client.locks.acquire({ project: "<project>", path: "src/auth.php", instance_id: "instance_1", reason: "Refactoring authentication", duration_minutes: 30 });
     * ```
     */
    readonly acquire: Method<C["locks"]["acquire"]>;
    /**
     * Whether a file is locked, and by whom
     *
     * `POST /projects/{project}/locks/check` (§9.3)
     *
     * @example
     * ```ts
     * const answer = await client.locks.check({ project: "<project>", path: "<path>" });
     * ```
     */
    readonly check: Method<C["locks"]["check"]>;
    /**
     * Extend the instance's own lock
     *
     * `POST /projects/{project}/locks/extend` (§9.4)
     *
     * A path with no live lock answers NOT_FOUND (404), which §14 does not list.
     *
     * @example
     * ```ts
     * const answer = await client.locks.extend({ project: "<project>", path: "<path>", instance_id: "<instance_id>", additional_minutes: 1 });
     * ```
     */
    readonly extend: Method<C["locks"]["extend"]>;
    /**
     * Lock several files; locks what it can and reports the rest
     *
     * `POST /projects/{project}/locks/bulk` (§9.5)
     *
     * @example
     * ```ts
     * const answer = await client.locks.bulk({ project: "<project>", paths: [], instance_id: "<instance_id>" });
     * ```
     */
    readonly bulk: Method<C["locks"]["bulk"]>;
    /**
     * Release the instance's own lock
     *
     * `POST /projects/{project}/locks/release` (§9.6)
     *
     * @example
     * ```ts
     * const answer = await client.locks.release({ project: "<project>", path: "<path>", instance_id: "<instance_id>" });
     * ```
     */
    readonly release: Method<C["locks"]["release"]>;
    /**
     * Release a lock whoever holds it (the project's owner, personal token)
     *
     * `POST /projects/{project}/locks/force-release` (§9.7)
     *
     * @example
     * ```ts
     * const answer = await client.locks.forceRelease({ project: "<project>", path: "<path>" });
     * ```
     */
    readonly forceRelease: Method<C["locks"]["forceRelease"]>;
    /**
     * Release every lock of an instance
     *
     * `POST /projects/{project}/locks/release-by-instance` (§9.8)
     *
     * @example
     * ```ts
     * const answer = await client.locks.releaseByInstance({ project: "<project>", instance_id: "<instance_id>" });
     * ```
     */
    readonly releaseByInstance: Method<C["locks"]["releaseByInstance"]>;
    /**
     * Unlock a file (the machine's own instance's lock, or any lock for the owner)
     *
     * `DELETE /projects/{project}/locks/{path+}`
     *
     * Beyond the document: ClaudeNest's agent, packages/agent/src/context/client.ts unlockFile (ClaudeNest's own server has no such route).
     *
     * @example
     * ```ts
     * const answer = await client.locks.remove({ project: "<project>", path: "<path>" });
     * ```
     */
    readonly remove: Method<C["locks"]["remove"]>;
  };
  /** The `skills` endpoints (§10.1–§10.7). */
  readonly skills: {
    /**
     * List the skills of a machine, highest priority first
     *
     * `GET /machines/{machine}/skills` (§10.1)
     *
     * @example
     * ```ts
     * const answer = await client.skills.list({ machine: "<machine>" });
     * ```
     */
    readonly list: Method<C["skills"]["list"]>;
    /**
     * Get a skill with its content
     *
     * `GET /machines/{machine}/skills/{path+}` (§10.2)
     *
     * @example
     * ```ts
     * const answer = await client.skills.get({ machine: "<machine>", path: "<path>" });
     * ```
     */
    readonly get: Method<C["skills"]["get"]>;
    /**
     * Create a skill, or update the one at the same path
     *
     * `POST /machines/{machine}/skills` (§10.3)
     *
     * @example
     * ```ts
     * const answer = await client.skills.createOrUpdate({ machine: "<machine>", path: "custom-skill", name: "Custom Skill", content: "# Custom Skill\n\nInstructions...", description: "Description of the skill", priority: 5, metadata: { tags: ["custom"] } });
     * ```
     */
    readonly createOrUpdate: Method<C["skills"]["createOrUpdate"]>;
    /**
     * Update a skill
     *
     * `PATCH /machines/{machine}/skills/{path+}` (§10.4)
     *
     * @example
     * ```ts
     * const answer = await client.skills.update({ machine: "<machine>", path: "<path>" });
     * ```
     */
    readonly update: Method<C["skills"]["update"]>;
    /**
     * Enable a disabled skill or disable an enabled one
     *
     * `POST /machines/{machine}/skills/{path+}/toggle` (§10.5)
     *
     * @example
     * ```ts
     * const answer = await client.skills.toggle({ machine: "<machine>", path: "<path>" });
     * ```
     */
    readonly toggle: Method<C["skills"]["toggle"]>;
    /**
     * Delete a skill
     *
     * `DELETE /machines/{machine}/skills/{path+}` (§10.6)
     *
     * @example
     * ```ts
     * const answer = await client.skills.remove({ machine: "<machine>", path: "<path>" });
     * ```
     */
    readonly remove: Method<C["skills"]["remove"]>;
    /**
     * Update several skills at once; unknown paths are skipped and reported
     *
     * `POST /machines/{machine}/skills/bulk` (§10.7)
     *
     * @example
     * ```ts
     * const answer = await client.skills.bulk({ machine: "<machine>", updates: [] });
     * ```
     */
    readonly bulk: Method<C["skills"]["bulk"]>;
  };
  /** The `mcp` endpoints (§11.1–§11.10). */
  readonly mcp: {
    /**
     * List the MCP servers of a machine
     *
     * `GET /machines/{machine}/mcp` (§11.1)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.list({ machine: "<machine>" });
     * ```
     */
    readonly list: Method<C["mcp"]["list"]>;
    /**
     * Get an MCP server
     *
     * `GET /machines/{machine}/mcp/{name}` (§11.2)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.get({ machine: "<machine>", name: "<name>" });
     * ```
     */
    readonly get: Method<C["mcp"]["get"]>;
    /**
     * Add an MCP server
     *
     * `POST /machines/{machine}/mcp` (§11.3)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.add({ machine: "<machine>", name: "fetch", display_name: "Web Fetch", command: "uvx", args: ["mcp-server-fetch"], env: { HTTP_PROXY: "http://proxy.internal:3128" }, auto_start: true });
     * ```
     */
    readonly add: Method<C["mcp"]["add"]>;
    /**
     * Update an MCP server (applies at its next start)
     *
     * `PATCH /machines/{machine}/mcp/{name}` (§11.4)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.update({ machine: "<machine>", name: "<name>" });
     * ```
     */
    readonly update: Method<C["mcp"]["update"]>;
    /**
     * Start an MCP server and list its tools
     *
     * `POST /machines/{machine}/mcp/{name}/start` (§11.5)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.start({ machine: "<machine>", name: "<name>" });
     * ```
     */
    readonly start: Method<C["mcp"]["start"]>;
    /**
     * Stop an MCP server
     *
     * `POST /machines/{machine}/mcp/{name}/stop` (§11.6)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.stop({ machine: "<machine>", name: "<name>" });
     * ```
     */
    readonly stop: Method<C["mcp"]["stop"]>;
    /**
     * The tools an MCP server offered at its last start
     *
     * `GET /machines/{machine}/mcp/{name}/tools` (§11.7)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.tools({ machine: "<machine>", name: "<name>" });
     * ```
     */
    readonly tools: Method<C["mcp"]["tools"]>;
    /**
     * Call a tool of a running MCP server
     *
     * `POST /machines/{machine}/mcp/{name}/execute` (§11.8)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.execute({ machine: "<machine>", name: "<name>", tool: "<tool>" });
     * ```
     */
    readonly execute: Method<C["mcp"]["execute"]>;
    /**
     * The tools of every running MCP server of a machine
     *
     * `GET /machines/{machine}/mcp/all-tools` (§11.9)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.allTools({ machine: "<machine>" });
     * ```
     */
    readonly allTools: Method<C["mcp"]["allTools"]>;
    /**
     * Delete an MCP server, stopping it first
     *
     * `DELETE /machines/{machine}/mcp/{name}` (§11.10)
     *
     * @example
     * ```ts
     * const answer = await client.mcp.remove({ machine: "<machine>", name: "<name>" });
     * ```
     */
    readonly remove: Method<C["mcp"]["remove"]>;
  };
  /** The `commands` endpoints (§12.1–§12.8). */
  readonly commands: {
    /**
     * List the commands discovered on a machine (50 per page by default)
     *
     * `GET /machines/{machine}/commands` (§12.1)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.commands.list({ machine: "<machine>" })) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["commands"]["list"]>;
    /**
     * Search commands by name, description, command or category
     *
     * `GET /machines/{machine}/commands/search` (§12.2)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.commands.search({ machine: "<machine>", q: "<q>" })) {
     *   console.log(item);
     * }
     * ```
     */
    readonly search: Method<C["commands"]["search"]>;
    /**
     * Get a command
     *
     * `GET /machines/{machine}/commands/{id}` (§12.3)
     *
     * @example
     * ```ts
     * const answer = await client.commands.get({ machine: "<machine>", id: "<id>" });
     * ```
     */
    readonly get: Method<C["commands"]["get"]>;
    /**
     * Register a discovered command
     *
     * `POST /machines/{machine}/commands` (§12.4)
     *
     * @example
     * ```ts
     * const answer = await client.commands.register({ machine: "<machine>", name: "npm run build", type: "npm", description: "Build production assets", command: "npm run build", category: "build", is_dangerous: false, arguments: [], options: [] });
     * ```
     */
    readonly register: Method<C["commands"]["register"]>;
    /**
     * Register several commands, skipping those already known
     *
     * `POST /machines/{machine}/commands/bulk` (§12.5)
     *
     * @example
     * ```ts
     * const answer = await client.commands.bulk({ machine: "<machine>", commands: [] });
     * ```
     */
    readonly bulk: Method<C["commands"]["bulk"]>;
    /**
     * Queue a command for the machine's agent to run
     *
     * `POST /machines/{machine}/commands/{id}/execute` (§12.6)
     *
     * @example
     * ```ts
     * const answer = await client.commands.execute({ machine: "<machine>", id: "<id>" });
     * ```
     */
    readonly execute: Method<C["commands"]["execute"]>;
    /**
     * Delete a command
     *
     * `DELETE /machines/{machine}/commands/{id}` (§12.7)
     *
     * @example
     * ```ts
     * const answer = await client.commands.remove({ machine: "<machine>", id: "<id>" });
     * ```
     */
    readonly remove: Method<C["commands"]["remove"]>;
    /**
     * Delete every command of a machine
     *
     * `DELETE /machines/{machine}/commands` (§12.8)
     *
     * @example
     * ```ts
     * const answer = await client.commands.clear({ machine: "<machine>" });
     * ```
     */
    readonly clear: Method<C["commands"]["clear"]>;
  };
  /** The `dashboard` endpoints. */
  readonly dashboard: {
    /**
     * The caller's dashboard figures
     *
     * `GET /dashboard/stats`
     *
     * Beyond the document: ClaudeNest's own server, DashboardController::stats (its web UI's dashboard).
     *
     * @example
     * ```ts
     * const answer = await client.dashboard.stats();
     * ```
     */
    readonly stats: Method<C["dashboard"]["stats"]>;
  };
  /** The `credentials` endpoints. */
  readonly credentials: {
    /**
     * The caller's credentials, oldest first
     *
     * `GET /credentials`
     *
     * Beyond the document: ClaudeNest's own server, CredentialController::index (every page of its web UI).
     *
     * @example
     * ```ts
     * const answer = await client.credentials.list();
     * ```
     */
    readonly list: Method<C["credentials"]["list"]>;
    /**
     * One of the caller's credentials, its secret masked
     *
     * `GET /credentials/{id}`
     *
     * Beyond the document: ClaudeNest's own server, CredentialController::show.
     *
     * @example
     * ```ts
     * const answer = await client.credentials.get({ id: "<id>" });
     * ```
     */
    readonly get: Method<C["credentials"]["get"]>;
    /**
     * Store a credential
     *
     * `POST /credentials`
     *
     * Beyond the document: ClaudeNest's own server, CredentialController::store.
     *
     * @example
     * ```ts
     * const answer = await client.credentials.create({ name: "<name>", auth_type: "api_key" });
     * ```
     */
    readonly create: Method<C["credentials"]["create"]>;
    /**
     * Change a credential's name, type, folder mode or secrets
     *
     * `PATCH /credentials/{id}`
     *
     * Beyond the document: ClaudeNest's own server, CredentialController::update (the credentials page's edit dialog).
     *
     * @example
     * ```ts
     * const answer = await client.credentials.update({ id: "<id>" });
     * ```
     */
    readonly update: Method<C["credentials"]["update"]>;
    /**
     * Delete a credential; the oldest remaining one becomes the default if it was
     *
     * `DELETE /credentials/{id}`
     *
     * Beyond the document: ClaudeNest's own server, CredentialController::destroy.
     *
     * @example
     * ```ts
     * const answer = await client.credentials.remove({ id: "<id>" });
     * ```
     */
    readonly remove: Method<C["credentials"]["remove"]>;
    /**
     * Make a credential the default
     *
     * `PATCH /credentials/{id}/default`
     *
     * Beyond the document: ClaudeNest's own server, CredentialController::setDefault.
     *
     * @example
     * ```ts
     * const answer = await client.credentials.setDefault({ id: "<id>" });
     * ```
     */
    readonly setDefault: Method<C["credentials"]["setDefault"]>;
    /**
     * Test a credential: an OAuth token by its status, an API key with its provider where the server can reach it
     *
     * `POST /credentials/{id}/test`
     *
     * Beyond the document: ClaudeNest's own server, CredentialController::test (the credentials page's Test button).
     *
     * @example
     * ```ts
     * const answer = await client.credentials.test({ id: "<id>" });
     * ```
     */
    readonly test: Method<C["credentials"]["test"]>;
  };
  /** The `orchestration` endpoints. */
  readonly orchestration: {
    /**
     * Whether the project's orchestrator runs, and its workers
     *
     * `GET /projects/{id}/orchestrator/status`
     *
     * Beyond the document: ClaudeNest's own server, ProjectController::orchestratorStatus.
     *
     * @example
     * ```ts
     * const answer = await client.orchestration.status({ id: "<id>" });
     * ```
     */
    readonly status: Method<C["orchestration"]["status"]>;
    /**
     * A project's instances and tasks, counted
     *
     * `GET /projects/{id}/orchestration-stats`
     *
     * Beyond the document: ClaudeNest's own server, InstanceController::orchestrationStats.
     *
     * @example
     * ```ts
     * const answer = await client.orchestration.stats({ id: "<id>" });
     * ```
     */
    readonly stats: Method<C["orchestration"]["stats"]>;
    /**
     * Start the project's orchestrator; answers its status
     *
     * `POST /projects/{id}/orchestrator/start`
     *
     * Beyond the document: ClaudeNest's own server, ProjectController::startOrchestrator.
     *
     * @example
     * ```ts
     * const answer = await client.orchestration.start({ id: "<id>" });
     * ```
     */
    readonly start: Method<C["orchestration"]["start"]>;
    /**
     * Stop the project's orchestrator
     *
     * `POST /projects/{id}/orchestrator/stop`
     *
     * Beyond the document: ClaudeNest's own server, ProjectController::stopOrchestrator.
     *
     * @example
     * ```ts
     * const answer = await client.orchestration.stop({ id: "<id>" });
     * ```
     */
    readonly stop: Method<C["orchestration"]["stop"]>;
  };
  /** The `machineSync` endpoints (Agent sync (not in the document)). */
  readonly machineSync: {
    /**
     * The agent sends the skills it found on its machine (upserted by path)
     *
     * `POST /machines/{machine}/skills/sync` (Agent sync (not in the document))
     *
     * @example
     * ```ts
     * const answer = await client.machineSync.skills({ machine: "<machine>", skills: [] });
     * ```
     */
    readonly skills: Method<C["machineSync"]["skills"]>;
    /**
     * The agent sends the MCP servers it found on its machine (upserted by name)
     *
     * `POST /machines/{machine}/mcp/sync` (Agent sync (not in the document))
     *
     * @example
     * ```ts
     * const answer = await client.machineSync.mcp({ machine: "<machine>", servers: [] });
     * ```
     */
    readonly mcp: Method<C["machineSync"]["mcp"]>;
  };
}
