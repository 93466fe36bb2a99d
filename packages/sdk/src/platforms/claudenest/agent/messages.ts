/**
 * @module
 * The messages of ClaudeNest's agent socket (`/ws/agent`), both directions, as the ClaudeNest agent and server
 * exchange them. Every frame is `{type, payload, id, timestamp}` (`timestamp` in epoch milliseconds). Payload
 * fields are camelCase on this socket, unlike the REST API. The maps below type each message by its `type`;
 * types not listed here still travel, with an `unknown` payload.
 */

/** One frame of the agent socket. */
export interface AgentFrame<Type extends string = string, Payload = unknown> {
  type: Type;
  payload: Payload;
  /** Unique per frame; a reply to a request carries the request's `requestId` in its payload instead. */
  id: string;
  /** When the frame was sent, in epoch milliseconds. */
  timestamp: number;
}

/** A terminal size. */
export interface AgentPtySize {
  cols: number;
  rows: number;
}

/** `session:create`: run a new session's PTY on the agent's machine. */
export interface SessionCreatePayload {
  sessionId: string;
  mode: "interactive" | "headless" | "oneshot";
  projectPath: string | null;
  initialPrompt: string | null;
  ptySize: AgentPtySize;
  /** Environment variables carrying the user's Claude credentials, when the server holds any. */
  credentialEnv: Record<string, string> | null;
}

/** What the server asks of the agent. */
export interface ServerToAgentMessages {
  "session:create": SessionCreatePayload;
  "session:input": { sessionId: string; data: string };
  "session:resize": { sessionId: string; cols: number; rows: number };
  "session:terminate": { sessionId: string; force?: boolean };
  "skills:list": Record<string, never>;
  "skills:refresh": Record<string, never>;
  "skills:get": { path: string };
  "mcp:list": Record<string, never>;
  "mcp:start": { name: string };
  "mcp:stop": { name: string };
  "mcp:call_tool": { server: string; tool: string; args: Record<string, unknown> };
  "mcp:restart": { name: string };
  /**
   * Runs a discovered command (ClaudeNest's server: `CommandsController::execute`); server-lite adds the command
   * line it built and the working directory. An agent that cannot answers `error` with the `request_id`.
   */
  "commands:execute": {
    command_name: string;
    command_path: string | null;
    args: string[];
    options: string[];
    request_id: string;
    command?: string;
    cwd?: string | null;
  };
  /**
   * Lists a folder of the machine (ClaudeNest's server: `FileBrowserController::browse`, for
   * `GET /machines/{id}/browse`); `requestId` comes back in the agent's `file:browse_result`. An empty `path` is
   * the home folder.
   */
  "file:browse": { requestId: string; path?: string; dirsOnly?: boolean; showHidden?: boolean };
  /**
   * Scans a project folder of the machine (ClaudeNest's server: `ProjectScanController::scan`, for
   * `POST /machines/{id}/projects/scan`); `requestId` comes back in the agent's `project:scan_result`.
   */
  "project:scan": { requestId: string; path: string };
  ping: { timestamp: number };
  pong: { timestamp: number };
}

/** What an agent tells of its host once connected; fills the machine's versions and capabilities. */
export interface MachineInfoPayload {
  id?: string;
  name?: string;
  platform?: string;
  hostname?: string;
  arch?: string;
  nodeVersion?: string;
  agentVersion?: string;
  claudeVersion?: string;
  claudePath?: string;
  capabilities?: {
    supportsPTY?: boolean;
    supportsTmux?: boolean;
    supportsMCP?: boolean;
    supportsSkills?: boolean;
    availableSkills?: string[];
    availableMCPs?: string[];
  };
  maxSessions?: number;
}

/** A session's state as the agent reports it. */
export type AgentSessionStatus = "created" | "starting" | "running" | "waiting_input" | "terminated" | "error";

/** What an agent tells the server. */
export interface AgentToServerMessages {
  "machine:info": MachineInfoPayload;
  /** A status change, a PTY's pid once started, or its new size after a resize. */
  "session:status": {
    sessionId: string;
    status?: AgentSessionStatus;
    pid?: number;
    ptySize?: AgentPtySize;
    error?: string;
  };
  "session:output": { sessionId: string; type: "output" | "error" | "status"; data: string; timestamp: number };
  "session:exited": { sessionId: string; exitCode: number | null };
  /** A session that survived an agent restart (a tmux session found again). */
  "session:recovered": { sessionId: string };
  "skills:discovered": { count: number; skills: Array<{ name: string; description?: string }> };
  "mcp:status": { name: string; status: string; tools?: string[] };
  "mcp:tool_result": { server: string; tool: string; result: unknown };
  "file:browse_result": {
    requestId: string;
    path?: string;
    homePath?: string;
    entries?: Array<{ name: string; type: "directory" | "file"; size?: number; modifiedAt?: string }>;
    error?: string;
  };
  /** What a `project:scan` found; with `error` (and empty findings) when the folder could not be scanned. */
  "project:scan_result": {
    requestId: string;
    projectName: string;
    /** Languages, tools and frameworks told by the folder's manifests (`node`, `typescript`, `docker`). */
    techStack: string[];
    hasGit: boolean;
    /** The README, at most 5000 characters; `null` without one. */
    readme: string | null;
    /** Entries two levels deep, indented by two spaces a level, folders ending in `/`. */
    structure: string[];
    error?: string;
  };
  /** A request the agent could not carry out. */
  error: {
    originalType: string;
    code?: string;
    message: string;
    /** What the request was about: a session, a request id, an MCP server (`name` or `server`) and tool. */
    sessionId?: string;
    requestId?: string;
    /** The execution of a `commands:execute`. */
    request_id?: string;
    name?: string;
    server?: string;
    tool?: string;
  };
  ping: { timestamp: number };
  pong: { timestamp: number };
}

/** The type of a message the server sends an agent. */
export type ServerToAgentType = keyof ServerToAgentMessages;
/** The type of a message an agent sends the server. */
export type AgentToServerType = keyof AgentToServerMessages;
