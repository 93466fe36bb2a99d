// Generated from the contract by scripts/gen-platforms.ts: do not edit.
import type { Endpoint } from "../../contract/endpoint.ts";
import type { RouteTable } from "../../contract/routes.ts";
import type { ClientMethod } from "../../core/resource.ts";
import type { ActusContract } from "./contract/index.ts";

type C = ActusContract;
type Method<E extends Endpoint<any>> = ClientMethod<NonNullable<E["~client"]>>;

/** Each endpoint's method, path, auth and parameter names: all a client needs at run time, without zod. */
export const routes = {
  auth: {
    register: {"method":"POST","path":"/auth/register","auth":"none","params":[],"query":[]},
    login: {"method":"POST","path":"/auth/login","auth":"none","params":[],"query":[]},
    refresh: {"method":"POST","path":"/auth/refresh","auth":"none","params":[],"query":[]},
    me: {"method":"GET","path":"/auth/me","auth":"user","params":[],"query":[]},
    updateMe: {"method":"PUT","path":"/auth/me","auth":"user","params":[],"query":[]},
    wechatAuthorize: {"method":"GET","path":"/auth/wechat/authorize","auth":"none","params":[],"query":["state","scope"]},
  },
  status: {
    health: {"method":"GET","path":"/status","auth":"user","params":[],"query":[]},
    storage: {"method":"GET","path":"/status/minio","auth":"user","params":[],"query":["smoke","bucket"]},
    storageUpload: {"method":"POST","path":"/status/minio/upload","auth":"admin","params":[],"query":["bucket","object_name","prefix","presign","expiry_seconds"],"contentType":"multipart"},
  },
  appConfig: {
    getLlm: {"method":"GET","path":"/app-config/llm","auth":"user","params":[],"query":[]},
    updateLlm: {"method":"POST","path":"/app-config/llm","auth":"admin","params":[],"query":[]},
    getAgent: {"method":"GET","path":"/app-config/agent","auth":"user","params":[],"query":[]},
    updateAgent: {"method":"POST","path":"/app-config/agent","auth":"admin","params":[],"query":[]},
    listMcpServers: {"method":"GET","path":"/app-config/mcp-servers","auth":"user","params":[],"query":[]},
    createMcpServers: {"method":"POST","path":"/app-config/mcp-servers","auth":"admin","params":[],"query":[]},
    deleteMcpServer: {"method":"POST","path":"/app-config/mcp-servers/{server_name}/delete","auth":"admin","params":["server_name"],"query":[]},
    setMcpServerEnabled: {"method":"POST","path":"/app-config/mcp-servers/{server_name}/enabled","auth":"admin","params":["server_name"],"query":[]},
    listA2aServers: {"method":"GET","path":"/app-config/a2a-servers","auth":"user","params":[],"query":[]},
    createA2aServer: {"method":"POST","path":"/app-config/a2a-servers","auth":"admin","params":[],"query":[]},
    deleteA2aServer: {"method":"POST","path":"/app-config/a2a-servers/{a2a_id}/delete","auth":"admin","params":["a2a_id"],"query":[]},
    setA2aServerEnabled: {"method":"POST","path":"/app-config/a2a-servers/{a2a_id}/enabled","auth":"admin","params":["a2a_id"],"query":[]},
  },
  userTools: {
    listMcp: {"method":"GET","path":"/user/tools/mcp","auth":"user","params":[],"query":[]},
    setMcpEnabled: {"method":"POST","path":"/user/tools/mcp/{server_name}/enabled","auth":"user","params":["server_name"],"query":[]},
    listA2a: {"method":"GET","path":"/user/tools/a2a","auth":"user","params":[],"query":[]},
    setA2aEnabled: {"method":"POST","path":"/user/tools/a2a/{a2a_id}/enabled","auth":"user","params":["a2a_id"],"query":[]},
  },
  sessions: {
    create: {"method":"POST","path":"/sessions","auth":"user","params":[],"query":[]},
    list: {"method":"GET","path":"/sessions","auth":"user","params":[],"query":[]},
    stream: {"method":"POST","path":"/sessions/stream","auth":"user","params":[],"query":[],"stream":"sse"},
    get: {"method":"GET","path":"/sessions/{session_id}","auth":"user","params":["session_id"],"query":[]},
    chat: {"method":"POST","path":"/sessions/{session_id}/chat","auth":"user","params":["session_id"],"query":[],"stream":"sse"},
    stop: {"method":"POST","path":"/sessions/{session_id}/stop","auth":"user","params":["session_id"],"query":[]},
    clearUnread: {"method":"POST","path":"/sessions/{session_id}/clear-unread-message-count","auth":"user","params":["session_id"],"query":[]},
    remove: {"method":"POST","path":"/sessions/{session_id}/delete","auth":"user","params":["session_id"],"query":[]},
    files: {"method":"GET","path":"/sessions/{session_id}/files","auth":"user","params":["session_id"],"query":[]},
    readFile: {"method":"POST","path":"/sessions/{session_id}/file","auth":"user","params":["session_id"],"query":[]},
    shell: {"method":"POST","path":"/sessions/{id}/shell","auth":"user","params":["id"],"query":[]},
  },
  admin: {
    listUsers: {"method":"GET","path":"/admin/users","auth":"admin","params":[],"query":["skip","limit"],"paginated":true,"items":"users"},
    getUser: {"method":"GET","path":"/admin/users/{user_id}","auth":"admin","params":["user_id"],"query":[]},
    setUserStatus: {"method":"PUT","path":"/admin/users/{user_id}/status","auth":"admin","params":["user_id"],"query":[]},
    deleteUser: {"method":"DELETE","path":"/admin/users/{user_id}","auth":"admin","params":["user_id"],"query":[]},
  },
  files: {
    upload: {"method":"POST","path":"/files","auth":"user","params":[],"query":[],"contentType":"multipart"},
    get: {"method":"GET","path":"/files/{file_id}","auth":"user","params":["file_id"],"query":[]},
    remove: {"method":"DELETE","path":"/files/{file_id}","auth":"user","params":["file_id"],"query":[]},
  },
  skills: {
    list: {"method":"GET","path":"/v2/skills","auth":"admin","params":[],"query":[]},
    install: {"method":"POST","path":"/v2/skills/install","auth":"admin","params":[],"query":[]},
    setEnabled: {"method":"POST","path":"/v2/skills/{skill_key}/enabled","auth":"admin","params":["skill_key"],"query":[]},
    remove: {"method":"DELETE","path":"/v2/skills/{skill_key}","auth":"admin","params":["skill_key"],"query":[]},
    getPolicy: {"method":"GET","path":"/v2/skills/policy","auth":"admin","params":[],"query":[]},
    setPolicy: {"method":"POST","path":"/v2/skills/policy","auth":"admin","params":[],"query":[]},
  },
} as const satisfies RouteTable;

/** Every endpoint of the Actus contract as a typed method, by resource, with its documentation. */
export interface ActusMethods {
  /** The `auth` endpoints (Auth Module). */
  readonly auth: {
    /**
     * Register a new user (username or email required)
     *
     * `POST /auth/register` (Auth Module)
     *
     * @example
     * ```ts
     * const answer = await client.auth.register({ password: "<password>" });
     * ```
     */
    readonly register: Method<C["auth"]["register"]>;
    /**
     * Login by username or email
     *
     * `POST /auth/login` (Auth Module)
     *
     * @example
     * ```ts
     * const answer = await client.auth.login({ password: "<password>" });
     * ```
     */
    readonly login: Method<C["auth"]["login"]>;
    /**
     * Refresh the access token
     *
     * `POST /auth/refresh` (Auth Module)
     *
     * @example
     * ```ts
     * const answer = await client.auth.refresh({ refresh_token: "<refresh_token>" });
     * ```
     */
    readonly refresh: Method<C["auth"]["refresh"]>;
    /**
     * Current user profile
     *
     * `GET /auth/me` (Auth Module)
     *
     * @example
     * ```ts
     * const answer = await client.auth.me();
     * ```
     */
    readonly me: Method<C["auth"]["me"]>;
    /**
     * Update the current user profile
     *
     * `PUT /auth/me` (Auth Module)
     *
     * @example
     * ```ts
     * const answer = await client.auth.updateMe();
     * ```
     */
    readonly updateMe: Method<C["auth"]["updateMe"]>;
    /**
     * WeChat OAuth authorization URL
     *
     * `GET /auth/wechat/authorize` (Auth Module)
     *
     * @example
     * ```ts
     * const answer = await client.auth.wechatAuthorize();
     * ```
     */
    readonly wechatAuthorize: Method<C["auth"]["wechatAuthorize"]>;
  };
  /** The `status` endpoints (Status Module). */
  readonly status: {
    /**
     * System health check
     *
     * `GET /status` (Status Module)
     *
     * @example
     * ```ts
     * const answer = await client.status.health();
     * ```
     */
    readonly health: Method<C["status"]["health"]>;
    /**
     * MinIO health check (smoke=true: put/get/remove self-test)
     *
     * `GET /status/minio` (Status Module)
     *
     * @example
     * ```ts
     * const answer = await client.status.storage();
     * ```
     */
    readonly storage: Method<C["status"]["storage"]>;
    /**
     * Upload a test file to MinIO (multipart)
     *
     * `POST /status/minio/upload` (Status Module)
     *
     * @example
     * ```ts
     * const answer = await client.status.storageUpload({ file: new File(["hello"], "hello.txt") });
     * ```
     */
    readonly storageUpload: Method<C["status"]["storageUpload"]>;
  };
  /** The `appConfig` endpoints (App Config Module). */
  readonly appConfig: {
    /**
     * Get the LLM configuration (api_key excluded)
     *
     * `GET /app-config/llm` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.getLlm();
     * ```
     */
    readonly getLlm: Method<C["appConfig"]["getLlm"]>;
    /**
     * Update the LLM configuration (empty api_key keeps the stored one)
     *
     * `POST /app-config/llm` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.updateLlm({ base_url: "<base_url>", model_name: "<model_name>", temperature: 1, max_tokens: 1 });
     * ```
     */
    readonly updateLlm: Method<C["appConfig"]["updateLlm"]>;
    /**
     * Get the agent configuration
     *
     * `GET /app-config/agent` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.getAgent();
     * ```
     */
    readonly getAgent: Method<C["appConfig"]["getAgent"]>;
    /**
     * Update the agent configuration
     *
     * `POST /app-config/agent` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.updateAgent({ max_iterations: 1, max_retries: 1, max_search_results: 1 });
     * ```
     */
    readonly updateAgent: Method<C["appConfig"]["updateAgent"]>;
    /**
     * List MCP servers
     *
     * `GET /app-config/mcp-servers` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.listMcpServers();
     * ```
     */
    readonly listMcpServers: Method<C["appConfig"]["listMcpServers"]>;
    /**
     * Create or replace MCP server configurations
     *
     * `POST /app-config/mcp-servers` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.createMcpServers({ mcpServers: {} });
     * ```
     */
    readonly createMcpServers: Method<C["appConfig"]["createMcpServers"]>;
    /**
     * Delete an MCP server configuration
     *
     * `POST /app-config/mcp-servers/{server_name}/delete` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.deleteMcpServer({ server_name: "<server_name>" });
     * ```
     */
    readonly deleteMcpServer: Method<C["appConfig"]["deleteMcpServer"]>;
    /**
     * Enable or disable an MCP server
     *
     * `POST /app-config/mcp-servers/{server_name}/enabled` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.setMcpServerEnabled({ server_name: "<server_name>", enabled: true });
     * ```
     */
    readonly setMcpServerEnabled: Method<C["appConfig"]["setMcpServerEnabled"]>;
    /**
     * List A2A servers
     *
     * `GET /app-config/a2a-servers` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.listA2aServers();
     * ```
     */
    readonly listA2aServers: Method<C["appConfig"]["listA2aServers"]>;
    /**
     * Add an A2A server (its agent card is read from the base URL)
     *
     * `POST /app-config/a2a-servers` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.createA2aServer({ base_url: "<base_url>" });
     * ```
     */
    readonly createA2aServer: Method<C["appConfig"]["createA2aServer"]>;
    /**
     * Delete an A2A server
     *
     * `POST /app-config/a2a-servers/{a2a_id}/delete` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.deleteA2aServer({ a2a_id: "<a2a_id>" });
     * ```
     */
    readonly deleteA2aServer: Method<C["appConfig"]["deleteA2aServer"]>;
    /**
     * Enable or disable an A2A server
     *
     * `POST /app-config/a2a-servers/{a2a_id}/enabled` (App Config Module)
     *
     * @example
     * ```ts
     * const answer = await client.appConfig.setA2aServerEnabled({ a2a_id: "<a2a_id>", enabled: true });
     * ```
     */
    readonly setA2aServerEnabled: Method<C["appConfig"]["setA2aServerEnabled"]>;
  };
  /** The `userTools` endpoints (User Tools Module). */
  readonly userTools: {
    /**
     * MCP tools with the user's preferences
     *
     * `GET /user/tools/mcp` (User Tools Module)
     *
     * @example
     * ```ts
     * const answer = await client.userTools.listMcp();
     * ```
     */
    readonly listMcp: Method<C["userTools"]["listMcp"]>;
    /**
     * Set the user's preference for an MCP tool
     *
     * `POST /user/tools/mcp/{server_name}/enabled` (User Tools Module)
     *
     * @example
     * ```ts
     * const answer = await client.userTools.setMcpEnabled({ server_name: "<server_name>", enabled: true });
     * ```
     */
    readonly setMcpEnabled: Method<C["userTools"]["setMcpEnabled"]>;
    /**
     * A2A tools with the user's preferences
     *
     * `GET /user/tools/a2a` (User Tools Module)
     *
     * @example
     * ```ts
     * const answer = await client.userTools.listA2a();
     * ```
     */
    readonly listA2a: Method<C["userTools"]["listA2a"]>;
    /**
     * Set the user's preference for an A2A tool
     *
     * `POST /user/tools/a2a/{a2a_id}/enabled` (User Tools Module)
     *
     * @example
     * ```ts
     * const answer = await client.userTools.setA2aEnabled({ a2a_id: "<a2a_id>", enabled: true });
     * ```
     */
    readonly setA2aEnabled: Method<C["userTools"]["setA2aEnabled"]>;
  };
  /** The `sessions` endpoints (Session Module). */
  readonly sessions: {
    /**
     * Create a session
     *
     * `POST /sessions` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.create();
     * ```
     */
    readonly create: Method<C["sessions"]["create"]>;
    /**
     * List the user's sessions
     *
     * `GET /sessions` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.list();
     * ```
     */
    readonly list: Method<C["sessions"]["list"]>;
    /**
     * Stream the session list (SSE)
     *
     * `POST /sessions/stream` (Session Module)
     *
     * Answers a stream of Server-Sent Events: iterate it with `for await`.
     *
     * @example
     * ```ts
     * for await (const event of client.sessions.stream()) {
     *   console.log(event.event, event.data);
     * }
     * ```
     */
    readonly stream: Method<C["sessions"]["stream"]>;
    /**
     * Session detail with its events
     *
     * `GET /sessions/{session_id}` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.get({ session_id: "<session_id>" });
     * ```
     */
    readonly get: Method<C["sessions"]["get"]>;
    /**
     * Chat on a session (SSE)
     *
     * `POST /sessions/{session_id}/chat` (Session Module)
     *
     * Answers a stream of Server-Sent Events: iterate it with `for await`.
     *
     * @example
     * ```ts
     * for await (const event of client.sessions.chat({ session_id: "<session_id>" })) {
     *   console.log(event.event, event.data);
     * }
     * ```
     */
    readonly chat: Method<C["sessions"]["chat"]>;
    /**
     * Stop a session
     *
     * `POST /sessions/{session_id}/stop` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.stop({ session_id: "<session_id>" });
     * ```
     */
    readonly stop: Method<C["sessions"]["stop"]>;
    /**
     * Clear the unread count (owner only)
     *
     * `POST /sessions/{session_id}/clear-unread-message-count` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.clearUnread({ session_id: "<session_id>" });
     * ```
     */
    readonly clearUnread: Method<C["sessions"]["clearUnread"]>;
    /**
     * Delete a session (owner only)
     *
     * `POST /sessions/{session_id}/delete` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.remove({ session_id: "<session_id>" });
     * ```
     */
    readonly remove: Method<C["sessions"]["remove"]>;
    /**
     * List the session's files
     *
     * `GET /sessions/{session_id}/files` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.files({ session_id: "<session_id>" });
     * ```
     */
    readonly files: Method<C["sessions"]["files"]>;
    /**
     * Read a file in the session's sandbox
     *
     * `POST /sessions/{session_id}/file` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.readFile({ session_id: "<session_id>", filepath: "<filepath>" });
     * ```
     */
    readonly readFile: Method<C["sessions"]["readFile"]>;
    /**
     * Read a shell's output in the session's sandbox
     *
     * `POST /sessions/{id}/shell` (Session Module)
     *
     * @example
     * ```ts
     * const answer = await client.sessions.shell({ id: "<id>", session_id: "<session_id>" });
     * ```
     */
    readonly shell: Method<C["sessions"]["shell"]>;
  };
  /** The `admin` endpoints (Admin Module). */
  readonly admin: {
    /**
     * List users (super_admin)
     *
     * `GET /admin/users` (Admin Module)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.admin.listUsers()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly listUsers: Method<C["admin"]["listUsers"]>;
    /**
     * Get a user (super_admin)
     *
     * `GET /admin/users/{user_id}` (Admin Module)
     *
     * @example
     * ```ts
     * const answer = await client.admin.getUser({ user_id: "<user_id>" });
     * ```
     */
    readonly getUser: Method<C["admin"]["getUser"]>;
    /**
     * Update a user's status (not yourself, not another admin)
     *
     * `PUT /admin/users/{user_id}/status` (Admin Module)
     *
     * @example
     * ```ts
     * const answer = await client.admin.setUserStatus({ user_id: "<user_id>", status: "active" });
     * ```
     */
    readonly setUserStatus: Method<C["admin"]["setUserStatus"]>;
    /**
     * Delete a user (not yourself, not another admin)
     *
     * `DELETE /admin/users/{user_id}` (Admin Module)
     *
     * @example
     * ```ts
     * const answer = await client.admin.deleteUser({ user_id: "<user_id>" });
     * ```
     */
    readonly deleteUser: Method<C["admin"]["deleteUser"]>;
  };
  /** The `files` endpoints (File Module). */
  readonly files: {
    /**
     * Upload a file (multipart)
     *
     * `POST /files` (File Module)
     *
     * @example
     * ```ts
     * const answer = await client.files.upload({ file: new File(["hello"], "hello.txt") });
     * ```
     */
    readonly upload: Method<C["files"]["upload"]>;
    /**
     * File metadata
     *
     * `GET /files/{file_id}` (File Module)
     *
     * @example
     * ```ts
     * const answer = await client.files.get({ file_id: "<file_id>" });
     * ```
     */
    readonly get: Method<C["files"]["get"]>;
    /**
     * Delete a file
     *
     * `DELETE /files/{file_id}` (File Module)
     *
     * @example
     * ```ts
     * const answer = await client.files.remove({ file_id: "<file_id>" });
     * ```
     */
    readonly remove: Method<C["files"]["remove"]>;
  };
  /** The `skills` endpoints (Skill Ecosystem Module (v2)). */
  readonly skills: {
    /**
     * List installed skills
     *
     * `GET /v2/skills` (Skill Ecosystem Module (v2))
     *
     * @example
     * ```ts
     * const answer = await client.skills.list();
     * ```
     */
    readonly list: Method<C["skills"]["list"]>;
    /**
     * Install a skill from a local folder or a GitHub tree URL
     *
     * `POST /v2/skills/install` (Skill Ecosystem Module (v2))
     *
     * @example
     * ```ts
     * const answer = await client.skills.install({ source_type: "github", source_ref: "https://github.com/owner/repo/tree/main/skills/my-skill" });
     * ```
     */
    readonly install: Method<C["skills"]["install"]>;
    /**
     * Enable or disable a skill
     *
     * `POST /v2/skills/{skill_key}/enabled` (Skill Ecosystem Module (v2))
     *
     * @example
     * ```ts
     * const answer = await client.skills.setEnabled({ skill_key: "<skill_key>", enabled: true });
     * ```
     */
    readonly setEnabled: Method<C["skills"]["setEnabled"]>;
    /**
     * Delete a skill (and the users' preferences for it)
     *
     * `DELETE /v2/skills/{skill_key}` (Skill Ecosystem Module (v2))
     *
     * @example
     * ```ts
     * const answer = await client.skills.remove({ skill_key: "<skill_key>" });
     * ```
     */
    readonly remove: Method<C["skills"]["remove"]>;
    /**
     * Get the skill risk policy
     *
     * `GET /v2/skills/policy` (Skill Ecosystem Module (v2))
     *
     * @example
     * ```ts
     * const answer = await client.skills.getPolicy();
     * ```
     */
    readonly getPolicy: Method<C["skills"]["getPolicy"]>;
    /**
     * Update the skill risk policy
     *
     * `POST /v2/skills/policy` (Skill Ecosystem Module (v2))
     *
     * @example
     * ```ts
     * const answer = await client.skills.setPolicy({ mode: "off" });
     * ```
     */
    readonly setPolicy: Method<C["skills"]["setPolicy"]>;
  };
}
