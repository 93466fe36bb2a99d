/**
 * @module
 * The JSON example responses of seed document 001, read by hand into a table of documented keys and JSON types,
 * and `departures()`, which lists where an answer does not carry them. Used by `contract-fidelity.test.ts`.
 */

/** A JSON type; `?` admits `null` too (fields the document shows filled that are empty until something happens). */
export type Kind = "string" | "number" | "boolean" | "array" | "object" | "null" | `${"string" | "number" | "object"}?`;
/** Documented keys: `a.b` nests, `[]` is every item of a (non-empty) array, `*` every value of an object. */
export type Keys = Record<string, Kind>;

const USER: Keys = {
  "user.id": "string",
  "user.email": "string",
  "user.name": "string",
  // §2.1 shows a URL; users who never set an avatar have none.
  "user.avatar_url": "string?",
};
const AUTH_SESSION: Keys = { ...USER, token: "string", expires_at: "string" };
const MACHINE_ITEM: Keys = {
  "[].id": "string",
  "[].name": "string",
  "[].platform": "string",
  "[].hostname": "string",
  "[].arch": "string",
  "[].status": "string",
  "[].active_sessions_count": "number",
  "[].max_sessions": "number",
  "[].capabilities": "array",
  "[].last_seen_at": "string",
  "[].connected_at": "string",
};
const COMMAND_ITEM: Keys = {
  "[].id": "string",
  "[].name": "string",
  "[].type": "string",
  "[].description": "string",
  "[].command": "string",
  "[].category": "string",
  "[].is_dangerous": "boolean",
};

/** The documented keys of each example response, by endpoint (with the § they come from). */
export const documented = {
  "auth.oauthRedirect": { redirect_url: "string" }, // §2.1
  "auth.oauthCallback": AUTH_SESSION, // §2.1
  "auth.login": AUTH_SESSION, // §2.2 "Same as OAuth callback"
  "auth.me": { ...USER, "user.email_verified_at": "string" }, // §2.5
  "auth.listTokens": {
    // §2.6
    "[].id": "string",
    "[].name": "string",
    "[].abilities": "array",
    "[].last_used_at": "string?",
    "[].expires_at": "string?",
    "[].is_active": "boolean",
    "[].created_at": "string",
  },
  "auth.createToken": { token: "string", name: "string", abilities: "array", expires_at: "string" }, // §2.6
  "auth.requestMagicLink": { message: "string" }, // §2.7
  "auth.verifyMagicLink": { ...USER, "tokens.access_token": "string", "tokens.refresh_token": "string" }, // §2.7
  "auth.logout": {}, // §2.4: data null
  "pairing.initiate": { code: "string", token: "string", expires_at: "string" }, // §3.1
  "pairing.status (pending)": { status: "string", expires_at: "string" }, // §3.2
  "pairing.status (completed)": { status: "string", "machine.id": "string", "machine.token": "string" }, // §3.2
  "pairing.complete": {
    // §3.3
    "machine.id": "string",
    "machine.name": "string",
    "machine.platform": "string",
    "machine.hostname": "string",
    "machine.status": "string",
    "pairing.code": "string",
    "pairing.completed_at": "string",
  },
  "machines.list": MACHINE_ITEM, // §4.1
  "machines.register": { machine: "object", token: "string" }, // §4.2
  "machines.regenerateToken": { token: "string" }, // §4.6
  "machines.environment": {
    // §4.7
    platform: "string",
    hostname: "string",
    arch: "string",
    node_version: "string",
    agent_version: "string",
    claude_version: "string",
    claude_path: "string",
    capabilities: "array",
    max_sessions: "number",
  },
  "machines.wake": { message: "string", machine: "object" }, // §4.8
  "sessions.list": {
    // §5.1; a session that runs nothing (no exec allow-list) has not started, so no start or duration yet.
    "[].id": "string",
    "[].machine_id": "string",
    "[].mode": "string",
    "[].project_path": "string",
    "[].status": "string",
    "[].pty_size.cols": "number",
    "[].pty_size.rows": "number",
    "[].total_tokens": "number",
    "[].total_cost": "number",
    "[].started_at": "string?",
    "[].duration": "number?",
    "[].formatted_duration": "string?",
  },
  "sessions.create": {
    "session.id": "string",
    "session.status": "string",
    "session.mode": "string",
    websocket_token: "string",
  }, // §5.2
  "sessions.logs": {
    // §5.5
    "[].id": "string",
    "[].type": "string",
    "[].data": "string",
    "[].metadata": "object",
    "[].created_at": "string",
  },
  "sessions.attachToken": { websocket_token: "string", session: "object" }, // §5.6
  "projects.list": {
    // §6.1
    "[].id": "string",
    "[].name": "string",
    "[].project_path": "string",
    "[].summary": "string",
    "[].token_usage_percent": "number",
    "[].active_instances_count": "number",
    "[].pending_tasks_count": "number",
    "[].created_at": "string",
  },
  "projects.stats": {
    // §6.6
    total_tokens: "number",
    max_tokens: "number",
    token_usage_percent: "number",
    active_instances: "number",
    total_tasks: "number",
    completed_tasks: "number",
    pending_tasks: "number",
    in_progress_tasks: "number",
    active_locks: "number",
  },
  "projects.instances": {
    // §6.7
    "[].id": "string",
    "[].status": "string",
    "[].context_usage": "number",
    "[].tasks_completed": "number",
    // Only a busy instance has a current task; the idle one of the example answers null.
    "[].current_task_id": "string?",
    "[].uptime": "number",
  },
  "projects.activity (task_claimed)": {
    // §6.8
    "[].id": "string",
    "[].instance_id": "string",
    "[].type": "string",
    "[].details.task_id": "string",
    "[].details.task_title": "string",
    "[].created_at": "string",
  },
  "tasks.list": {
    // §7.1
    "[].id": "string",
    "[].title": "string",
    "[].description": "string",
    "[].priority": "string",
    "[].status": "string",
    "[].assigned_to": "string",
    "[].is_claimed": "boolean",
    "[].is_blocked": "boolean",
    "[].files": "array",
    "[].estimated_tokens": "number",
    "[].created_at": "string",
  },
  "tasks.claim": { task: "object", message: "string" }, // §7.7
  "context.get": {
    // §8.1
    summary: "string",
    architecture: "string",
    conventions: "string",
    current_focus: "string",
    recent_changes: "string",
    compiled_context: "string",
    "token_usage.total": "number",
    "token_usage.max": "number",
    "token_usage.percent": "number",
  },
  "context.query": {
    // §8.2
    query: "string",
    "results[].id": "string",
    "results[].content": "string",
    "results[].type": "string",
    "results[].similarity": "number",
    "results[].files": "array",
    "results[].created_at": "string",
    total_results: "number",
    search_method: "string",
  },
  "context.summarize": { summary: "string", chunks_processed: "number", tokens_used: "number" }, // §8.4
  "locks.list": {
    // §9.1
    "[].path": "string",
    "[].locked_by": "string",
    "[].reason": "string",
    "[].locked_at": "string",
    "[].expires_at": "string",
    "[].remaining_seconds": "number",
  },
  "locks.check": { locked: "boolean", locked_by: "string", reason: "string", expires_at: "string" }, // §9.3
  "locks.bulk": {
    // §9.5
    acquired: "array",
    failed: "array",
    "failed_details.*.locked_by": "string",
    "failed_details.*.reason": "string",
  },
  "skills.list": {
    // §10.1
    "[].id": "string",
    "[].path": "string",
    "[].name": "string",
    "[].description": "string",
    "[].enabled": "boolean",
    "[].priority": "number",
    "[].size_bytes": "number",
    "[].last_modified": "string",
  },
  "skills.get": {
    // §10.2
    id: "string",
    path: "string",
    name: "string",
    content: "string",
    enabled: "boolean",
    metadata: "object",
  },
  "skills.toggle": { path: "string", enabled: "boolean" }, // §10.5
  "mcp.list": {
    // §11.1
    "[].id": "string",
    "[].name": "string",
    "[].display_name": "string",
    "[].status": "string",
    "[].transport": "string",
    "[].command": "string",
    "[].args": "array",
    "[].tools_count": "number",
    "[].last_started_at": "string",
  },
  "mcp.tools": { "[].name": "string", "[].description": "string", "[].parameters": "object" }, // §11.7
  "mcp.execute": { content: "string", mimeType: "string" }, // §11.8
  "commands.list": { ...COMMAND_ITEM, "[].created_at": "string" }, // §12.1
  "commands.search": COMMAND_ITEM, // §12.2
  "commands.get": {
    // §12.3
    id: "string",
    name: "string",
    type: "string",
    description: "string",
    command: "string",
    category: "string",
    is_dangerous: "boolean",
    arguments: "array",
    options: "array",
    created_at: "string",
  },
  "commands.bulk": { registered: "number", skipped: "number" }, // §12.5
  "commands.execute": { execution_id: "string", status: "string", command: "string", queued_at: "string" }, // §12.6
  "commands.clear": { deleted: "number" }, // §12.8
  "health.check": { status: "string", version: "string", timestamp: "string" }, // §16
} satisfies Record<string, Keys>;

/** An example response of the document: an endpoint, with the case it shows when it shows several. */
export type Documented = keyof typeof documented;

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function matches(value: unknown, kind: Kind): boolean {
  const actual = kindOf(value);
  return kind.endsWith("?") ? actual === "null" || actual === kind.slice(0, -1) : actual === kind;
}

/** Where `data` departs from the documented keys: `path: expected kind, got ...`. */
export function departures(data: unknown, keys: Keys): string[] {
  const problems: string[] = [];
  for (const [path, kind] of Object.entries(keys)) {
    const segments = path.replace(/\[\]/g, ".[]").split(".").filter(Boolean);
    const walk = (value: unknown, at: number, where: string): void => {
      if (at === segments.length) {
        if (!matches(value, kind)) problems.push(`${where}: expected ${kind}, got ${kindOf(value)}`);
        return;
      }
      const segment = segments[at]!;
      if (segment === "[]" || segment === "*") {
        const items =
          segment === "[]" ? value : value !== null && typeof value === "object" ? Object.values(value) : value;
        if (!Array.isArray(items) || items.length === 0) {
          problems.push(`${where || "data"}: expected a non-empty ${segment === "[]" ? "array" : "object"}`);
          return;
        }
        for (const [i, item] of items.entries()) walk(item, at + 1, `${where}[${i}]`);
        return;
      }
      if (value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) {
        problems.push(`${where ? `${where}.` : ""}${segment}: missing`);
        return;
      }
      walk((value as Record<string, unknown>)[segment], at + 1, where ? `${where}.${segment}` : segment);
    };
    walk(data, 0, "");
  }
  return problems;
}
