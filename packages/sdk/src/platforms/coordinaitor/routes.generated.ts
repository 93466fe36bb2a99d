// Generated from the contract by scripts/gen-platforms.ts: do not edit.
import type { Endpoint } from "../../contract/endpoint.ts";
import type { RouteTable } from "../../contract/routes.ts";
import type { ClientMethod } from "../../core/resource.ts";
import type { CoordinAItorContract } from "./contract/index.ts";

type C = CoordinAItorContract;
type Method<E extends Endpoint<any>> = ClientMethod<NonNullable<E["~client"]>>;

/** Each endpoint's method, path, auth and parameter names: all a client needs at run time, without zod. */
export const routes = {
  auth: {
    login: {"method":"POST","path":"/api/v1/auth/login","auth":"none","params":[],"query":[]},
    refresh: {"method":"POST","path":"/api/v1/auth/refresh","auth":"none","params":[],"query":[]},
    logout: {"method":"POST","path":"/api/v1/auth/logout","auth":"user","params":[],"query":[]},
    loginExample: {"method":"POST","path":"/api/auth/login","auth":"none","params":[],"query":[]},
    refreshExample: {"method":"POST","path":"/api/auth/refresh","auth":"none","params":[],"query":[]},
    createApiKey: {"method":"POST","path":"/api/auth/api-keys","auth":"session","params":[],"query":[]},
    authorize: {"method":"GET","path":"/oauth/authorize","auth":"session","params":[],"query":["client_id","response_type","scope","redirect_uri","state"]},
    token: {"method":"POST","path":"/oauth/token","auth":"none","params":[],"query":[],"contentType":"form"},
    createOAuthClient: {"method":"POST","path":"/api/v1/oauth/clients","auth":"session","params":[],"query":[]},
  },
  tasks: {
    list: {"method":"GET","path":"/api/v1/tasks","auth":"tasks:read","params":[],"query":["page","limit","status","priority","projectId","agentId","search","tags","createdAfter","createdBefore","sortBy","sortOrder"],"paginated":true},
    listExample: {"method":"GET","path":"/api/tasks","auth":"tasks:read","params":[],"query":["page","limit","status","priority","projectId","agentId","search","tags","createdAfter","createdBefore","sortBy","sortOrder"],"paginated":true},
    create: {"method":"POST","path":"/api/v1/tasks","auth":"tasks:write","params":[],"query":[]},
    get: {"method":"GET","path":"/api/v1/tasks/{taskId}","auth":"tasks:read","params":["taskId"],"query":["include"]},
    update: {"method":"PUT","path":"/api/v1/tasks/{taskId}","auth":"tasks:write","params":["taskId"],"query":[]},
    patch: {"method":"PATCH","path":"/api/v1/tasks/{taskId}","auth":"tasks:write","params":["taskId"],"query":[]},
    delete: {"method":"DELETE","path":"/api/v1/tasks/{taskId}","auth":"tasks:write","params":["taskId"],"query":["reason"]},
    assign: {"method":"POST","path":"/api/v1/tasks/{taskId}/assign","auth":"tasks:write","params":["taskId"],"query":[]},
    addComment: {"method":"POST","path":"/api/v1/tasks/{taskId}/comments","auth":"tasks:write","params":["taskId"],"query":[]},
    uploadFile: {"method":"POST","path":"/api/v1/tasks/{taskId}/files","auth":"tasks:write","params":["taskId"],"query":[],"contentType":"multipart"},
  },
  agents: {
    list: {"method":"GET","path":"/api/v1/agents","auth":"agents:read","params":[],"query":["page","limit","type","status","capabilities","available"],"paginated":true},
    create: {"method":"POST","path":"/api/v1/agents","auth":"agents:write","params":[],"query":[]},
    get: {"method":"GET","path":"/api/v1/agents/{agentId}","auth":"agents:read","params":["agentId"],"query":["include"]},
    update: {"method":"PUT","path":"/api/v1/agents/{agentId}","auth":"agents:write","params":["agentId"],"query":[]},
    enable: {"method":"POST","path":"/api/v1/agents/{agentId}/enable","auth":"agents:write","params":["agentId"],"query":[]},
    disable: {"method":"POST","path":"/api/v1/agents/{agentId}/disable","auth":"agents:write","params":["agentId"],"query":[]},
    tasks: {"method":"GET","path":"/api/v1/agents/{agentId}/tasks","auth":"agents:read","params":["agentId"],"query":["page","limit","status"],"paginated":true},
    metrics: {"method":"GET","path":"/api/v1/agents/{agentId}/metrics","auth":"agents:read","params":["agentId"],"query":[]},
  },
  projects: {
    list: {"method":"GET","path":"/api/v1/projects","auth":"projects:read","params":[],"query":["page","limit","status","search","memberId"],"paginated":true},
    create: {"method":"POST","path":"/api/v1/projects","auth":"projects:write","params":[],"query":[]},
    get: {"method":"GET","path":"/api/v1/projects/{projectId}","auth":"projects:read","params":["projectId"],"query":[]},
    update: {"method":"PUT","path":"/api/v1/projects/{projectId}","auth":"projects:write","params":["projectId"],"query":[]},
    delete: {"method":"DELETE","path":"/api/v1/projects/{projectId}","auth":"projects:write","params":["projectId"],"query":[]},
    tasks: {"method":"GET","path":"/api/v1/projects/{projectId}/tasks","auth":"projects:read","params":["projectId"],"query":["page","limit","status"],"paginated":true},
    addMember: {"method":"POST","path":"/api/v1/projects/{projectId}/members","auth":"projects:write","params":["projectId"],"query":[]},
    removeMember: {"method":"DELETE","path":"/api/v1/projects/{projectId}/members/{userId}","auth":"projects:write","params":["projectId","userId"],"query":[]},
  },
  users: {
    list: {"method":"GET","path":"/api/v1/users","auth":"admin","params":[],"query":["page","limit","search","role"],"paginated":true},
    create: {"method":"POST","path":"/api/v1/users","auth":"admin","params":[],"query":[]},
    me: {"method":"GET","path":"/api/v1/users/me","auth":"users:read","params":[],"query":[]},
    updateMe: {"method":"PUT","path":"/api/v1/users/me","auth":"users:write","params":[],"query":[]},
    uploadAvatar: {"method":"POST","path":"/api/v1/users/me/avatar","auth":"users:write","params":[],"query":[],"contentType":"multipart"},
    notifications: {"method":"GET","path":"/api/v1/users/me/notifications","auth":"users:read","params":[],"query":["page","limit","unread"],"paginated":true},
    markNotificationRead: {"method":"PUT","path":"/api/v1/users/me/notifications/{notificationId}/read","auth":"users:write","params":["notificationId"],"query":[]},
  },
  system: {
    health: {"method":"GET","path":"/api/v1/system/health","auth":"none","params":[],"query":[]},
    metrics: {"method":"GET","path":"/api/v1/system/metrics","auth":"system:read","params":[],"query":[]},
    logs: {"method":"GET","path":"/api/v1/system/logs","auth":"admin","params":[],"query":["level","service","since","limit"]},
    status: {"method":"GET","path":"/api/v1/system/status","auth":"system:read","params":[],"query":[]},
  },
  webhooks: {
    create: {"method":"POST","path":"/api/v1/webhooks","auth":"webhooks:write","params":[],"query":[]},
    list: {"method":"GET","path":"/api/v1/webhooks","auth":"webhooks:read","params":[],"query":[]},
    get: {"method":"GET","path":"/api/v1/webhooks/{webhookId}","auth":"webhooks:read","params":["webhookId"],"query":[]},
    update: {"method":"PUT","path":"/api/v1/webhooks/{webhookId}","auth":"webhooks:write","params":["webhookId"],"query":[]},
    delete: {"method":"DELETE","path":"/api/v1/webhooks/{webhookId}","auth":"webhooks:write","params":["webhookId"],"query":[]},
    deliveries: {"method":"GET","path":"/api/v1/webhooks/{webhookId}/deliveries","auth":"webhooks:read","params":["webhookId"],"query":["limit"]},
  },
} as const satisfies RouteTable;

/** Every endpoint of the CoordinAItor contract as a typed method, by resource, with its documentation. */
export interface CoordinAItorMethods {
  /** The `auth` endpoints (Authentication › API Key Authentication–Authentication Endpoints). */
  readonly auth: {
    /**
     * Authenticate user and receive JWT token
     *
     * `POST /api/v1/auth/login` (Authentication Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.auth.login({ email: "<email>", password: "<password>" });
     * ```
     */
    readonly login: Method<C["auth"]["login"]>;
    /**
     * Refresh expired access token
     *
     * `POST /api/v1/auth/refresh` (Authentication Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.auth.refresh({ refreshToken: "<refreshToken>" });
     * ```
     */
    readonly refresh: Method<C["auth"]["refresh"]>;
    /**
     * Invalidate current session
     *
     * `POST /api/v1/auth/logout` (Authentication Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.auth.logout({ refreshToken: "<refreshToken>" });
     * ```
     */
    readonly logout: Method<C["auth"]["logout"]>;
    /**
     * Log in (the Authentication section's unversioned example)
     *
     * `POST /api/auth/login` (Authentication › JWT Bearer Token)
     *
     * @example
     * ```ts
     * const answer = await client.auth.loginExample({ email: "<email>", password: "<password>" });
     * ```
     */
    readonly loginExample: Method<C["auth"]["loginExample"]>;
    /**
     * Refresh a token (the Authentication section's unversioned example)
     *
     * `POST /api/auth/refresh` (Authentication › Token Refresh)
     *
     * @example
     * ```ts
     * const answer = await client.auth.refreshExample({ refreshToken: "<refreshToken>" });
     * ```
     */
    readonly refreshExample: Method<C["auth"]["refreshExample"]>;
    /**
     * Generate an API key
     *
     * `POST /api/auth/api-keys` (Authentication › API Key Authentication)
     *
     * @example
     * ```ts
     * const answer = await client.auth.createApiKey({ name: "<name>", permissions: [] });
     * ```
     */
    readonly createApiKey: Method<C["auth"]["createApiKey"]>;
    /**
     * Grant an OAuth client an authorization code
     *
     * `GET /oauth/authorize` (Authentication › OAuth 2.0)
     *
     * @example
     * ```ts
     * const answer = await client.auth.authorize({ client_id: "<client_id>", response_type: "code" });
     * ```
     */
    readonly authorize: Method<C["auth"]["authorize"]>;
    /**
     * Exchange an authorization code or client credentials for a token
     *
     * `POST /oauth/token` (Authentication › OAuth 2.0)
     *
     * @example
     * ```ts
     * const answer = await client.auth.token({ grant_type: "authorization_code", client_id: "<client_id>", client_secret: "<client_secret>" });
     * ```
     */
    readonly token: Method<C["auth"]["token"]>;
    /**
     * Register an OAuth client (not in the document)
     *
     * `POST /api/v1/oauth/clients` (Authentication › OAuth 2.0)
     *
     * The document's OAuth flow needs a client id and secret; this is where they come from.
     *
     * @example
     * ```ts
     * const answer = await client.auth.createOAuthClient({ name: "<name>", scopes: [] });
     * ```
     */
    readonly createOAuthClient: Method<C["auth"]["createOAuthClient"]>;
  };
  /** The `tasks` endpoints (Authentication › JWT Bearer Token–Task Endpoints). */
  readonly tasks: {
    /**
     * Retrieve list of tasks with optional filtering
     *
     * `GET /api/v1/tasks` (Task Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.tasks.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["tasks"]["list"]>;
    /**
     * List tasks (the Authentication section's unversioned example)
     *
     * `GET /api/tasks` (Authentication › JWT Bearer Token)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.tasks.listExample()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly listExample: Method<C["tasks"]["listExample"]>;
    /**
     * Create a new task
     *
     * `POST /api/v1/tasks` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.create({ title: "Build user dashboard", description: "Create a comprehensive user dashboard with analytics and controls", priority: "medium", projectId: "proj-123", agentId: "agent-456", tags: ["frontend", "dashboard", "analytics"], estimatedHours: 12, dueDate: "2024-02-20T00:00:00Z", requirements: ["Responsive design", "Real-time data updates", "Export functionality"], acceptanceCriteria: ["Dashboard loads within 2 seconds", "All data is real-time", "Export works for all data formats"] });
     * ```
     */
    readonly create: Method<C["tasks"]["create"]>;
    /**
     * Retrieve specific task details
     *
     * `GET /api/v1/tasks/{taskId}` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.get({ taskId: "<taskId>" });
     * ```
     */
    readonly get: Method<C["tasks"]["get"]>;
    /**
     * Update task details
     *
     * `PUT /api/v1/tasks/{taskId}` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.update({ taskId: "<taskId>", title: "<title>" });
     * ```
     */
    readonly update: Method<C["tasks"]["update"]>;
    /**
     * Partially update task (only specified fields)
     *
     * `PATCH /api/v1/tasks/{taskId}` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.patch({ taskId: "<taskId>" });
     * ```
     */
    readonly patch: Method<C["tasks"]["patch"]>;
    /**
     * Delete a task
     *
     * `DELETE /api/v1/tasks/{taskId}` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.delete({ taskId: "<taskId>" });
     * ```
     */
    readonly delete: Method<C["tasks"]["delete"]>;
    /**
     * Assign task to an agent
     *
     * `POST /api/v1/tasks/{taskId}/assign` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.assign({ taskId: "<taskId>", agentId: "<agentId>" });
     * ```
     */
    readonly assign: Method<C["tasks"]["assign"]>;
    /**
     * Add comment to task
     *
     * `POST /api/v1/tasks/{taskId}/comments` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.addComment({ taskId: "<taskId>", content: "<content>" });
     * ```
     */
    readonly addComment: Method<C["tasks"]["addComment"]>;
    /**
     * Upload file to task
     *
     * `POST /api/v1/tasks/{taskId}/files` (Task Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.tasks.uploadFile({ taskId: "<taskId>", file: new File(["hello"], "hello.txt") });
     * ```
     */
    readonly uploadFile: Method<C["tasks"]["uploadFile"]>;
  };
  /** The `agents` endpoints (Agent Endpoints). */
  readonly agents: {
    /**
     * Retrieve list of agents
     *
     * `GET /api/v1/agents` (Agent Endpoints)
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
     * Create a new agent
     *
     * `POST /api/v1/agents` (Agent Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.agents.create({ name: "Full Stack Developer Bot", type: "coding", model: "gpt-4", provider: "openai", capabilities: ["react", "nodejs", "python", "postgresql", "aws"], specializations: ["full-stack", "microservices", "devops"], maxConcurrentTasks: 2, workingHours: { timezone: "America/New_York", start: "09:00", end: "17:00", days: ["monday", "tuesday", "wednesday", "thursday", "friday"] }, configuration: { temperature: 0.7, maxTokens: 4000, codeStyle: "clean-code", testingFramework: "jest", documentationLevel: "comprehensive" } });
     * ```
     */
    readonly create: Method<C["agents"]["create"]>;
    /**
     * Get agent details
     *
     * `GET /api/v1/agents/{agentId}` (Agent Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.agents.get({ agentId: "<agentId>" });
     * ```
     */
    readonly get: Method<C["agents"]["get"]>;
    /**
     * Update agent configuration
     *
     * `PUT /api/v1/agents/{agentId}` (Agent Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.agents.update({ agentId: "<agentId>" });
     * ```
     */
    readonly update: Method<C["agents"]["update"]>;
    /**
     * Enable an agent
     *
     * `POST /api/v1/agents/{agentId}/enable` (Agent Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.agents.enable({ agentId: "<agentId>" });
     * ```
     */
    readonly enable: Method<C["agents"]["enable"]>;
    /**
     * Disable an agent
     *
     * `POST /api/v1/agents/{agentId}/disable` (Agent Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.agents.disable({ agentId: "<agentId>" });
     * ```
     */
    readonly disable: Method<C["agents"]["disable"]>;
    /**
     * Get tasks assigned to agent
     *
     * `GET /api/v1/agents/{agentId}/tasks` (Agent Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.agents.tasks({ agentId: "<agentId>" })) {
     *   console.log(item);
     * }
     * ```
     */
    readonly tasks: Method<C["agents"]["tasks"]>;
    /**
     * Get agent performance metrics
     *
     * `GET /api/v1/agents/{agentId}/metrics` (Agent Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.agents.metrics({ agentId: "<agentId>" });
     * ```
     */
    readonly metrics: Method<C["agents"]["metrics"]>;
  };
  /** The `projects` endpoints (Project Endpoints). */
  readonly projects: {
    /**
     * Retrieve list of projects
     *
     * `GET /api/v1/projects` (Project Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.projects.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["projects"]["list"]>;
    /**
     * Create a new project
     *
     * `POST /api/v1/projects` (Project Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.projects.create({ name: "Mobile Application", description: "Cross-platform mobile app for iOS and Android", startDate: "2024-02-01T00:00:00Z", endDate: "2024-06-30T23:59:59Z", priority: "medium", budget: { hours: 500, cost: 75000 }, teamMembers: [{ userId: "user-123", role: "project-manager" }, { userId: "user-456", role: "developer" }], agents: ["agent-123", "agent-456"], tags: ["mobile", "react-native", "ios", "android"] });
     * ```
     */
    readonly create: Method<C["projects"]["create"]>;
    /**
     * Get project details
     *
     * `GET /api/v1/projects/{projectId}` (Project Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.projects.get({ projectId: "<projectId>" });
     * ```
     */
    readonly get: Method<C["projects"]["get"]>;
    /**
     * Update project
     *
     * `PUT /api/v1/projects/{projectId}` (Project Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.projects.update({ projectId: "<projectId>" });
     * ```
     */
    readonly update: Method<C["projects"]["update"]>;
    /**
     * Delete project
     *
     * `DELETE /api/v1/projects/{projectId}` (Project Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.projects.delete({ projectId: "<projectId>" });
     * ```
     */
    readonly delete: Method<C["projects"]["delete"]>;
    /**
     * Get project tasks
     *
     * `GET /api/v1/projects/{projectId}/tasks` (Project Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.projects.tasks({ projectId: "<projectId>" })) {
     *   console.log(item);
     * }
     * ```
     */
    readonly tasks: Method<C["projects"]["tasks"]>;
    /**
     * Add team member to project
     *
     * `POST /api/v1/projects/{projectId}/members` (Project Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.projects.addMember({ projectId: "<projectId>", userId: "<userId>", role: "<role>" });
     * ```
     */
    readonly addMember: Method<C["projects"]["addMember"]>;
    /**
     * Remove team member from project
     *
     * `DELETE /api/v1/projects/{projectId}/members/{userId}` (Project Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.projects.removeMember({ projectId: "<projectId>", userId: "<userId>" });
     * ```
     */
    readonly removeMember: Method<C["projects"]["removeMember"]>;
  };
  /** The `users` endpoints (User Endpoints). */
  readonly users: {
    /**
     * Get list of users (admin only)
     *
     * `GET /api/v1/users` (User Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.users.list()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly list: Method<C["users"]["list"]>;
    /**
     * Create a user (admin only; not in the document)
     *
     * `POST /api/v1/users` (User Endpoints)
     *
     * The document has no sign-up, yet its examples log in: administrators create users.
     *
     * @example
     * ```ts
     * const answer = await client.users.create({ email: "<email>", password: "<password>", name: "<name>" });
     * ```
     */
    readonly create: Method<C["users"]["create"]>;
    /**
     * Get current user profile
     *
     * `GET /api/v1/users/me` (User Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.users.me();
     * ```
     */
    readonly me: Method<C["users"]["me"]>;
    /**
     * Update current user profile
     *
     * `PUT /api/v1/users/me` (User Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.users.updateMe();
     * ```
     */
    readonly updateMe: Method<C["users"]["updateMe"]>;
    /**
     * Upload user avatar
     *
     * `POST /api/v1/users/me/avatar` (User Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.users.uploadAvatar({ avatar: new File(["hello"], "hello.txt") });
     * ```
     */
    readonly uploadAvatar: Method<C["users"]["uploadAvatar"]>;
    /**
     * Get user notifications
     *
     * `GET /api/v1/users/me/notifications` (User Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     *
     * @example
     * ```ts
     * for await (const item of client.users.notifications()) {
     *   console.log(item);
     * }
     * ```
     */
    readonly notifications: Method<C["users"]["notifications"]>;
    /**
     * Mark notification as read
     *
     * `PUT /api/v1/users/me/notifications/{notificationId}/read` (User Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.users.markNotificationRead({ notificationId: "<notificationId>" });
     * ```
     */
    readonly markNotificationRead: Method<C["users"]["markNotificationRead"]>;
  };
  /** The `system` endpoints (System Endpoints). */
  readonly system: {
    /**
     * Get system health status
     *
     * `GET /api/v1/system/health` (System Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.system.health();
     * ```
     */
    readonly health: Method<C["system"]["health"]>;
    /**
     * Get system metrics
     *
     * `GET /api/v1/system/metrics` (System Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.system.metrics();
     * ```
     */
    readonly metrics: Method<C["system"]["metrics"]>;
    /**
     * Get system logs (admin only)
     *
     * `GET /api/v1/system/logs` (System Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.system.logs();
     * ```
     */
    readonly logs: Method<C["system"]["logs"]>;
    /**
     * Get detailed system status
     *
     * `GET /api/v1/system/status` (System Endpoints)
     *
     * @example
     * ```ts
     * const answer = await client.system.status();
     * ```
     */
    readonly status: Method<C["system"]["status"]>;
  };
  /** The `webhooks` endpoints (Webhooks). */
  readonly webhooks: {
    /**
     * Create a webhook
     *
     * `POST /api/v1/webhooks` (Webhooks)
     *
     * @example
     * ```ts
     * const answer = await client.webhooks.create({ url: "https://your-app.com/webhook/orchestrator", events: ["task.created", "task.completed", "task.failed", "agent.status_changed"], secret: "your-webhook-secret", active: true, headers: { "User-Agent": "Orchestrator-Webhook/1.0" } });
     * ```
     */
    readonly create: Method<C["webhooks"]["create"]>;
    /**
     * List webhooks (not in the document)
     *
     * `GET /api/v1/webhooks` (Webhooks)
     *
     * @example
     * ```ts
     * const answer = await client.webhooks.list();
     * ```
     */
    readonly list: Method<C["webhooks"]["list"]>;
    /**
     * Get a webhook (not in the document)
     *
     * `GET /api/v1/webhooks/{webhookId}` (Webhooks)
     *
     * @example
     * ```ts
     * const answer = await client.webhooks.get({ webhookId: "<webhookId>" });
     * ```
     */
    readonly get: Method<C["webhooks"]["get"]>;
    /**
     * Update a webhook (not in the document)
     *
     * `PUT /api/v1/webhooks/{webhookId}` (Webhooks)
     *
     * @example
     * ```ts
     * const answer = await client.webhooks.update({ webhookId: "<webhookId>" });
     * ```
     */
    readonly update: Method<C["webhooks"]["update"]>;
    /**
     * Delete a webhook (not in the document)
     *
     * `DELETE /api/v1/webhooks/{webhookId}` (Webhooks)
     *
     * @example
     * ```ts
     * const answer = await client.webhooks.delete({ webhookId: "<webhookId>" });
     * ```
     */
    readonly delete: Method<C["webhooks"]["delete"]>;
    /**
     * A webhook's delivery log, newest first (not in the document)
     *
     * `GET /api/v1/webhooks/{webhookId}/deliveries` (Webhooks)
     *
     * @example
     * ```ts
     * const answer = await client.webhooks.deliveries({ webhookId: "<webhookId>" });
     * ```
     */
    readonly deliveries: Method<C["webhooks"]["deliveries"]>;
  };
}
