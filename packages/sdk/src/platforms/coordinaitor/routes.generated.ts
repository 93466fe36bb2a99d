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
     */
    readonly login: Method<C["auth"]["login"]>;
    /**
     * Refresh expired access token
     *
     * `POST /api/v1/auth/refresh` (Authentication Endpoints)
     */
    readonly refresh: Method<C["auth"]["refresh"]>;
    /**
     * Invalidate current session
     *
     * `POST /api/v1/auth/logout` (Authentication Endpoints)
     */
    readonly logout: Method<C["auth"]["logout"]>;
    /**
     * Log in (the Authentication section's unversioned example)
     *
     * `POST /api/auth/login` (Authentication › JWT Bearer Token)
     */
    readonly loginExample: Method<C["auth"]["loginExample"]>;
    /**
     * Refresh a token (the Authentication section's unversioned example)
     *
     * `POST /api/auth/refresh` (Authentication › Token Refresh)
     */
    readonly refreshExample: Method<C["auth"]["refreshExample"]>;
    /**
     * Generate an API key
     *
     * `POST /api/auth/api-keys` (Authentication › API Key Authentication)
     */
    readonly createApiKey: Method<C["auth"]["createApiKey"]>;
    /**
     * Grant an OAuth client an authorization code
     *
     * `GET /oauth/authorize` (Authentication › OAuth 2.0)
     */
    readonly authorize: Method<C["auth"]["authorize"]>;
    /**
     * Exchange an authorization code or client credentials for a token
     *
     * `POST /oauth/token` (Authentication › OAuth 2.0)
     */
    readonly token: Method<C["auth"]["token"]>;
    /**
     * Register an OAuth client (not in the document)
     *
     * `POST /api/v1/oauth/clients` (Authentication › OAuth 2.0)
     *
     * The document's OAuth flow needs a client id and secret; this is where they come from.
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
     */
    readonly list: Method<C["tasks"]["list"]>;
    /**
     * List tasks (the Authentication section's unversioned example)
     *
     * `GET /api/tasks` (Authentication › JWT Bearer Token)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     */
    readonly listExample: Method<C["tasks"]["listExample"]>;
    /**
     * Create a new task
     *
     * `POST /api/v1/tasks` (Task Endpoints)
     */
    readonly create: Method<C["tasks"]["create"]>;
    /**
     * Retrieve specific task details
     *
     * `GET /api/v1/tasks/{taskId}` (Task Endpoints)
     */
    readonly get: Method<C["tasks"]["get"]>;
    /**
     * Update task details
     *
     * `PUT /api/v1/tasks/{taskId}` (Task Endpoints)
     */
    readonly update: Method<C["tasks"]["update"]>;
    /**
     * Partially update task (only specified fields)
     *
     * `PATCH /api/v1/tasks/{taskId}` (Task Endpoints)
     */
    readonly patch: Method<C["tasks"]["patch"]>;
    /**
     * Delete a task
     *
     * `DELETE /api/v1/tasks/{taskId}` (Task Endpoints)
     */
    readonly delete: Method<C["tasks"]["delete"]>;
    /**
     * Assign task to an agent
     *
     * `POST /api/v1/tasks/{taskId}/assign` (Task Endpoints)
     */
    readonly assign: Method<C["tasks"]["assign"]>;
    /**
     * Add comment to task
     *
     * `POST /api/v1/tasks/{taskId}/comments` (Task Endpoints)
     */
    readonly addComment: Method<C["tasks"]["addComment"]>;
    /**
     * Upload file to task
     *
     * `POST /api/v1/tasks/{taskId}/files` (Task Endpoints)
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
     */
    readonly list: Method<C["agents"]["list"]>;
    /**
     * Create a new agent
     *
     * `POST /api/v1/agents` (Agent Endpoints)
     */
    readonly create: Method<C["agents"]["create"]>;
    /**
     * Get agent details
     *
     * `GET /api/v1/agents/{agentId}` (Agent Endpoints)
     */
    readonly get: Method<C["agents"]["get"]>;
    /**
     * Update agent configuration
     *
     * `PUT /api/v1/agents/{agentId}` (Agent Endpoints)
     */
    readonly update: Method<C["agents"]["update"]>;
    /**
     * Enable an agent
     *
     * `POST /api/v1/agents/{agentId}/enable` (Agent Endpoints)
     */
    readonly enable: Method<C["agents"]["enable"]>;
    /**
     * Disable an agent
     *
     * `POST /api/v1/agents/{agentId}/disable` (Agent Endpoints)
     */
    readonly disable: Method<C["agents"]["disable"]>;
    /**
     * Get tasks assigned to agent
     *
     * `GET /api/v1/agents/{agentId}/tasks` (Agent Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     */
    readonly tasks: Method<C["agents"]["tasks"]>;
    /**
     * Get agent performance metrics
     *
     * `GET /api/v1/agents/{agentId}/metrics` (Agent Endpoints)
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
     */
    readonly list: Method<C["projects"]["list"]>;
    /**
     * Create a new project
     *
     * `POST /api/v1/projects` (Project Endpoints)
     */
    readonly create: Method<C["projects"]["create"]>;
    /**
     * Get project details
     *
     * `GET /api/v1/projects/{projectId}` (Project Endpoints)
     */
    readonly get: Method<C["projects"]["get"]>;
    /**
     * Update project
     *
     * `PUT /api/v1/projects/{projectId}` (Project Endpoints)
     */
    readonly update: Method<C["projects"]["update"]>;
    /**
     * Delete project
     *
     * `DELETE /api/v1/projects/{projectId}` (Project Endpoints)
     */
    readonly delete: Method<C["projects"]["delete"]>;
    /**
     * Get project tasks
     *
     * `GET /api/v1/projects/{projectId}/tasks` (Project Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     */
    readonly tasks: Method<C["projects"]["tasks"]>;
    /**
     * Add team member to project
     *
     * `POST /api/v1/projects/{projectId}/members` (Project Endpoints)
     */
    readonly addMember: Method<C["projects"]["addMember"]>;
    /**
     * Remove team member from project
     *
     * `DELETE /api/v1/projects/{projectId}/members/{userId}` (Project Endpoints)
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
     */
    readonly list: Method<C["users"]["list"]>;
    /**
     * Create a user (admin only; not in the document)
     *
     * `POST /api/v1/users` (User Endpoints)
     *
     * The document has no sign-up, yet its examples log in: administrators create users.
     */
    readonly create: Method<C["users"]["create"]>;
    /**
     * Get current user profile
     *
     * `GET /api/v1/users/me` (User Endpoints)
     */
    readonly me: Method<C["users"]["me"]>;
    /**
     * Update current user profile
     *
     * `PUT /api/v1/users/me` (User Endpoints)
     */
    readonly updateMe: Method<C["users"]["updateMe"]>;
    /**
     * Upload user avatar
     *
     * `POST /api/v1/users/me/avatar` (User Endpoints)
     */
    readonly uploadAvatar: Method<C["users"]["uploadAvatar"]>;
    /**
     * Get user notifications
     *
     * `GET /api/v1/users/me/notifications` (User Endpoints)
     *
     * Resolves to the first page; `for await` iterates every item of every page.
     */
    readonly notifications: Method<C["users"]["notifications"]>;
    /**
     * Mark notification as read
     *
     * `PUT /api/v1/users/me/notifications/{notificationId}/read` (User Endpoints)
     */
    readonly markNotificationRead: Method<C["users"]["markNotificationRead"]>;
  };
  /** The `system` endpoints (System Endpoints). */
  readonly system: {
    /**
     * Get system health status
     *
     * `GET /api/v1/system/health` (System Endpoints)
     */
    readonly health: Method<C["system"]["health"]>;
    /**
     * Get system metrics
     *
     * `GET /api/v1/system/metrics` (System Endpoints)
     */
    readonly metrics: Method<C["system"]["metrics"]>;
    /**
     * Get system logs (admin only)
     *
     * `GET /api/v1/system/logs` (System Endpoints)
     */
    readonly logs: Method<C["system"]["logs"]>;
    /**
     * Get detailed system status
     *
     * `GET /api/v1/system/status` (System Endpoints)
     */
    readonly status: Method<C["system"]["status"]>;
  };
  /** The `webhooks` endpoints (Webhooks). */
  readonly webhooks: {
    /**
     * Create a webhook
     *
     * `POST /api/v1/webhooks` (Webhooks)
     */
    readonly create: Method<C["webhooks"]["create"]>;
    /**
     * List webhooks (not in the document)
     *
     * `GET /api/v1/webhooks` (Webhooks)
     */
    readonly list: Method<C["webhooks"]["list"]>;
    /**
     * Get a webhook (not in the document)
     *
     * `GET /api/v1/webhooks/{webhookId}` (Webhooks)
     */
    readonly get: Method<C["webhooks"]["get"]>;
    /**
     * Update a webhook (not in the document)
     *
     * `PUT /api/v1/webhooks/{webhookId}` (Webhooks)
     */
    readonly update: Method<C["webhooks"]["update"]>;
    /**
     * Delete a webhook (not in the document)
     *
     * `DELETE /api/v1/webhooks/{webhookId}` (Webhooks)
     */
    readonly delete: Method<C["webhooks"]["delete"]>;
    /**
     * A webhook's delivery log, newest first (not in the document)
     *
     * `GET /api/v1/webhooks/{webhookId}/deliveries` (Webhooks)
     */
    readonly deliveries: Method<C["webhooks"]["deliveries"]>;
  };
}
