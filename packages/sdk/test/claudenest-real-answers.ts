/**
 * @module
 * Answers shaped exactly as ClaudeNest's own Laravel server (QrCommunication/claudenest, `packages/server`)
 * produces them, key for key, for the SDK's tests: each builder names the Resource or controller method it follows.
 * Laravel serializes `datetime` casts as `2026-03-01T10:00:00.000000Z` and `decimal:4` casts as strings.
 */

const at = "2026-03-01T10:00:00.000000Z";

/** The success envelope every controller writes: `{success, data, meta: {timestamp, request_id}}`. */
export function laravelOk(data: unknown, meta: Record<string, unknown> = {}): Record<string, unknown> {
  return { success: true, data, meta: { timestamp: "2026-03-01T10:00:00+00:00", request_id: "6600aa", ...meta } };
}

/** `TaskController::formatTask($task)` (not detailed), as `index`, `claim`, `release` and `complete` answer it. */
export function laravelTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "9b1c0a52-0000-4000-8000-000000000001",
    project_id: "9b1c0a52-0000-4000-8000-0000000000aa",
    title: "Write the migration",
    description: null,
    priority: "high",
    status: "pending",
    is_claimed: false,
    is_completed: false,
    is_blocked: false,
    assigned_to: null,
    claimed_at: null,
    completed_at: null,
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

/** `TaskController::formatTask($task, true)`, as `show` answers it: the detailed keys added. */
export function laravelDetailedTask(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...laravelTask(),
    files: ["database/migrations/x.php"],
    estimated_tokens: 1200,
    dependencies: [],
    blocked_by: null,
    completion_summary: null,
    files_modified: null,
    created_by: "instance-a",
    duration: null,
    ...overrides,
  };
}

/** `SessionController::formatSession($session)`: `store` answers it flat in `data` (with status 201). */
export function laravelSession(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "9b1c0a52-0000-4000-8000-0000000000b1",
    machine_id: "9b1c0a52-0000-4000-8000-0000000000c1",
    mode: "interactive",
    project_path: "/home/dev/app",
    initial_prompt: null,
    status: "created",
    is_running: false,
    is_completed: false,
    pid: null,
    exit_code: null,
    pty_size: { cols: 120, rows: 40 },
    total_tokens: 0,
    total_cost: "0.0000",
    duration: null,
    formatted_duration: null,
    started_at: null,
    completed_at: null,
    created_at: at,
    updated_at: at,
    ...overrides,
  };
}

/** `MachineResource::toArray`. */
export function laravelMachine(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "9b1c0a52-0000-4000-8000-0000000000c1",
    name: "dev-box",
    display_name: "Dev Box",
    platform: "linux",
    hostname: "dev-box.local",
    arch: "x64",
    status: "online",
    is_online: true,
    claude_version: "1.0.0",
    agent_version: "1.2.0",
    node_version: "v20.11.0",
    claude_path: "/usr/local/bin/claude",
    capabilities: ["wake_on_lan"],
    max_sessions: 10,
    active_sessions_count: 1,
    can_accept_more_sessions: true,
    last_seen_at: at,
    connected_at: at,
    created_at: at,
    updated_at: at,
    last_seen_human: "1 minute ago",
    created_at_human: "2 days ago",
    ...overrides,
  };
}

/** `SkillResource::toArray`. */
export function laravelSkill(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "9b1c0a52-0000-4000-8000-0000000000d1",
    name: "debugging",
    display_name: "Debugging",
    description: "How to debug",
    category: "general",
    category_color: "#888888",
    path: "team/debugging",
    version: "1.0.0",
    enabled: true,
    config: { depth: 2 },
    tags: [],
    examples: [],
    has_config: true,
    machine_id: "9b1c0a52-0000-4000-8000-0000000000c1",
    discovered_at: at,
    created_at: at,
    updated_at: "2026-03-02T08:00:00.000000Z",
    discovered_at_human: "1 day ago",
    created_at_human: "1 day ago",
    ...overrides,
  };
}

/** `CommandResource::toArray`. */
export function laravelCommand(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "9b1c0a52-0000-4000-8000-0000000000e1",
    name: "deploy",
    display_name: "Deploy",
    description: "Deploy the app",
    category: "devops",
    category_color: "#00aa00",
    signature: "deploy <env> [--force]",
    parameters: [
      { name: "env", type: "string", required: true, description: "Target environment" },
      { name: "--force", type: "boolean", required: false, description: null },
    ],
    parameters_count: 2,
    aliases: ["ship"],
    has_aliases: true,
    examples: [{ title: "Staging", command: "deploy staging" }],
    skill_path: null,
    machine_id: "9b1c0a52-0000-4000-8000-0000000000c1",
    discovered_at: at,
    created_at: at,
    updated_at: at,
    discovered_at_human: "1 day ago",
    created_at_human: "1 day ago",
    ...overrides,
  };
}

/** One entry of `ProjectController::instances`. */
export function laravelInstance(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "instance-a",
    status: "busy",
    is_connected: true,
    is_available: false,
    context_tokens: 64000,
    context_usage_percent: 32,
    max_context_tokens: 200000,
    tasks_completed: 3,
    current_task: { id: "9b1c0a52-0000-4000-8000-000000000001", title: "Write the migration" },
    uptime: 3600,
    connected_at: at,
    last_activity_at: at,
    ...overrides,
  };
}

/**
 * A `fetch` that answers `METHOD /path` (after the base URL) with the body given for it, as the real server
 * would (status 200 unless given), and records what was asked.
 */
export function laravelFetch(
  baseUrl: string,
  answers: Record<string, { body: unknown; status?: number }>,
): { fetch: typeof fetch; asked: string[] } {
  const asked: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = decodeURIComponent(request.url.slice(baseUrl.length).split("?")[0]!);
    const key = `${request.method} ${path}`;
    asked.push(key);
    const answer = answers[key];
    if (!answer) return Response.json({ success: false, error: { code: "NOT_FOUND", message: key } }, { status: 404 });
    return Response.json(answer.body, { status: answer.status ?? 200 });
  };
  return { fetch: fetch as typeof globalThis.fetch, asked };
}
