/**
 * @module
 * A populated ClaudeNest server for tests that sweep every endpoint: an owner with two online machines, a
 * project with tasks (one claimed), a session, a context chunk, a lock, a skill, an MCP server with a secret
 * environment value, a command, a spare personal token and a pending pairing; a stranger with a machine of
 * their own. `samples` gives a well-formed request of every contract endpoint against these rows.
 */
import type { ClaudeNest } from "@agentlane/sdk";
import type { EndpointSample } from "../../../core/test-malformed.ts";
import { Clock, createServer, type LiteServer } from "../../../index.ts";
import { beyondDocumentSamples } from "./test-beyond-samples.ts";
import { ORIGIN, START } from "./test-nest.ts";
import { clientFor } from "./test-support.ts";

/** The MCP server's environment value: no answer may ever contain it. */
export const MCP_SECRET = "mcp-secret-value-5b1f";
const PASSWORD = "correct horse battery";

export interface NestWorld {
  server: LiteServer;
  baseUrl: string;
  /** Errors the server did not expect (answered 500). */
  unexpected: unknown[];
  owner: { token: string; nest: ClaudeNest; email: string };
  stranger: { token: string; nest: ClaudeNest; machineId: string };
  machine: { id: string; token: string };
  /** The owner's second machine: its token must not reach the first machine's rows. */
  otherMachine: { id: string; token: string };
  projectId: string;
  taskId: string;
  claimedTaskId: string;
  sessionId: string;
  chunkId: string;
  lockPath: string;
  skillPath: string;
  mcpName: string;
  commandId: string;
  spareTokenId: string;
  credentialId: string;
  pairing: { code: string; token: string };
  /** Every id of the owner's rows, for checking that nobody else is told of them. */
  ownerIds(): string[];
  close(): Promise<void>;
}

export async function nestWorld(): Promise<NestWorld> {
  const clock = new Clock();
  clock.freeze(START);
  const unexpected: unknown[] = [];
  const server = await createServer({ clock, onError: (error) => unexpected.push(error) });
  const baseUrl = ORIGIN + server.bases.claudenest;
  const client = (token?: string) => clientFor(server, token, { baseUrl });

  const register = async (email: string) => {
    const session = await client().auth.register({
      name: email.split("@")[0]!,
      email,
      password: PASSWORD,
      password_confirmation: PASSWORD,
    });
    return { token: session.token, nest: client(session.token), email };
  };
  const owner = await register("owner@example.test");
  const strangerUser = await register("stranger@example.test");

  const online = async (nest: ClaudeNest, name: string) => {
    const { machine, token } = await nest.machines.register({
      name,
      platform: "linux",
      hostname: `${name}.local`,
      capabilities: ["wake_on_lan"],
      max_sessions: 1000,
    });
    await client(token).machines.get({ id: machine.id });
    return { id: machine.id, token };
  };
  const machine = await online(owner.nest, "workstation");
  const otherMachine = await online(owner.nest, "laptop");
  const strangerMachine = await online(strangerUser.nest, "theirs");

  const nest = owner.nest;
  const project = await nest.projects.create({ machine: machine.id, name: "app", project_path: "/srv/app" });
  const task = await nest.tasks.create({ project: project.id, title: "Write the parser" });
  const claimed = await nest.tasks.create({ project: project.id, title: "Review the parser" });
  await nest.tasks.claim({ id: claimed.id, instance_id: "claude-1" });
  const { session } = await nest.sessions.create({ machine: machine.id });
  const chunk = await nest.context.addChunk({ project: project.id, content: "Parser uses Pratt.", type: "decision" });
  await nest.locks.acquire({ project: project.id, path: "src/parser.ts", instance_id: "claude-1" });
  await nest.skills.createOrUpdate({
    machine: machine.id,
    path: "team/debugging",
    name: "Debugging",
    content: "# Debug",
  });
  const mcp = await nest.mcp.add({ machine: machine.id, name: "echo", command: "node", env: { API_KEY: MCP_SECRET } });
  const command = await nest.commands.register({ machine: machine.id, name: "test", type: "npm", command: "npm test" });
  const spare = await nest.auth.createToken({ name: "spare" });
  const credential = await nest.credentials.create({
    name: "work",
    auth_type: "api_key",
    api_key: "sk-ant-secret-123456",
  });
  const ticket = await client().pairing.initiate({ agent_info: { platform: "linux", hostname: "new.local" } });

  return {
    server,
    baseUrl,
    unexpected,
    owner,
    stranger: { token: strangerUser.token, nest: strangerUser.nest, machineId: strangerMachine.id },
    machine,
    otherMachine,
    projectId: project.id,
    taskId: task.id,
    claimedTaskId: claimed.id,
    sessionId: session.id,
    chunkId: chunk.id,
    lockPath: "src/parser.ts",
    skillPath: "team/debugging",
    mcpName: mcp.name,
    commandId: command.id,
    spareTokenId: spare.id,
    credentialId: credential.id,
    pairing: { code: ticket.code, token: ticket.token },
    ownerIds: () => [
      machine.id,
      otherMachine.id,
      project.id,
      task.id,
      claimed.id,
      session.id,
      chunk.id,
      mcp.id,
      command.id,
      spare.id,
      credential.id,
      owner.email,
    ],
    close: () => server.close(),
  };
}

/** A well-formed request of every contract endpoint, by `resource.endpoint`, against the world's rows. */
export function samples(w: NestWorld): Record<string, EndpointSample> {
  const machine = { machine: w.machine.id };
  const project = { project: w.projectId };
  const skill = { machine: w.machine.id, path: w.skillPath };
  const mcp = { machine: w.machine.id, name: w.mcpName };
  const command = { machine: w.machine.id, id: w.commandId };
  return {
    "health.check": { params: {} },
    "auth.oauthRedirect": { params: { provider: "github" } },
    "auth.oauthCallback": { params: { provider: "github" }, query: { code: "not-a-code" } },
    "auth.login": { params: {}, body: { email: w.owner.email, password: PASSWORD, remember: true } },
    "auth.register": {
      params: {},
      body: { name: "New", email: "new@example.test", password: PASSWORD, password_confirmation: PASSWORD },
    },
    "auth.logout": { params: {} },
    "auth.me": { params: {} },
    "auth.listTokens": { params: {} },
    "auth.createToken": { params: {}, body: { name: "ci", abilities: ["tasks:read"], expires_in_days: 30 } },
    "auth.revokeToken": { params: { id: w.spareTokenId } },
    "auth.requestMagicLink": { params: {}, body: { email: w.owner.email } },
    "auth.verifyMagicLink": { params: {}, body: { token: "not-a-token" } },
    "pairing.initiate": {
      params: {},
      body: {
        agent_info: { platform: "linux", hostname: "box.local", arch: "x64", node_version: "22", agent_version: "1" },
      },
    },
    "pairing.status": { params: { code: w.pairing.code } },
    "pairing.complete": { params: { code: w.pairing.code }, body: { name: "paired" } },
    "machines.list": { params: {}, query: { search: "work", status: "online", page: "1", per_page: "10" } },
    "machines.register": {
      params: {},
      body: {
        name: "box",
        platform: "linux",
        hostname: "box.local",
        arch: "x64",
        node_version: "22",
        agent_version: "1.0.0",
        claude_version: "2.0.0",
        claude_path: "/usr/bin/claude",
        capabilities: ["wake_on_lan"],
        max_sessions: 5,
      },
    },
    "machines.get": { params: { id: w.machine.id } },
    "machines.update": {
      params: { id: w.machine.id },
      body: { name: "ws", max_sessions: 1000, capabilities: ["gpu"] },
    },
    "machines.remove": { params: { id: w.machine.id } },
    "machines.regenerateToken": { params: { id: w.otherMachine.id } },
    "machines.environment": { params: { id: w.machine.id } },
    "machines.wake": { params: { id: w.machine.id } },
    "sessions.list": { params: machine, query: { status: "created", page: "1", per_page: "5" } },
    "sessions.create": {
      params: machine,
      body: {
        mode: "interactive",
        project_path: "/srv/app",
        initial_prompt: "hello",
        pty_size: { cols: 80, rows: 24 },
      },
    },
    "sessions.get": { params: { id: w.sessionId } },
    "sessions.remove": { params: { id: w.sessionId } },
    "sessions.logs": { params: { id: w.sessionId }, query: { limit: "10", type: "input" } },
    "sessions.attachToken": { params: { id: w.sessionId } },
    "sessions.input": { params: { id: w.sessionId }, body: { data: "ls\n" } },
    "sessions.resize": { params: { id: w.sessionId }, body: { cols: 100, rows: 30 } },
    "projects.list": { params: machine },
    "projects.create": {
      params: machine,
      body: {
        name: "lib",
        project_path: "/srv/lib",
        summary: "A library.",
        architecture: "Layers.",
        conventions: "Tabs.",
        settings: { maxContextTokens: 8000, taskTimeoutMinutes: 30 },
      },
    },
    "projects.get": { params: { id: w.projectId } },
    "projects.update": {
      params: { id: w.projectId },
      body: {
        name: "app",
        summary: "An app.",
        architecture: null,
        conventions: "Spaces.",
        current_focus: "Parser",
        recent_changes: "None",
        settings: { maxContextTokens: 9000, taskTimeoutMinutes: 60 },
      },
    },
    "projects.remove": { params: { id: w.projectId } },
    "projects.stats": { params: { id: w.projectId } },
    "projects.instances": { params: { id: w.projectId } },
    "projects.activity": { params: { id: w.projectId }, query: { limit: "5" } },
    "projects.broadcast": {
      params: { id: w.projectId },
      body: { type: "info", content: "Deploying now.", target: "all" },
    },
    "tasks.list": { params: project, query: { status: "pending", priority: "medium", page: "1", per_page: "10" } },
    "tasks.create": {
      params: project,
      body: {
        title: "Lex",
        description: "Write the lexer.",
        priority: "high",
        files: ["src/lexer.ts"],
        dependencies: [w.taskId],
        estimated_tokens: 2000,
        instance_id: "claude-2",
      },
    },
    "tasks.nextAvailable": { params: project },
    "tasks.get": { params: { id: w.taskId } },
    "tasks.update": {
      params: { id: w.taskId },
      body: {
        title: "Write the parser",
        description: null,
        priority: "low",
        files: ["src/parser.ts"],
        dependencies: [],
        estimated_tokens: 100,
        instance_id: "claude-2",
      },
    },
    "tasks.remove": { params: { id: w.taskId }, query: { instance_id: "claude-2" } },
    "tasks.claim": { params: { id: w.taskId }, body: { instance_id: "claude-2" } },
    "tasks.release": { params: { id: w.claimedTaskId }, body: { instance_id: "claude-1", reason: "Blocked." } },
    "tasks.complete": {
      params: { id: w.claimedTaskId },
      body: { instance_id: "claude-1", summary: "Done.", files_modified: ["src/parser.ts"] },
    },
    "context.get": { params: project },
    "context.update": {
      params: project,
      body: {
        summary: "An app.",
        architecture: "Layers.",
        conventions: null,
        current_focus: "Parser",
        recent_changes: "Lexer",
      },
    },
    "context.query": { params: project, body: { query: "parser", limit: 5, min_similarity: 0.1 } },
    "context.summarize": { params: project },
    "context.listChunks": {
      params: project,
      query: { type: "decision", instance_id: "claude-1", page: "1", per_page: "5" },
    },
    "context.addChunk": {
      params: project,
      body: {
        content: "The lexer is hand-written.",
        type: "decision",
        instance_id: "claude-1",
        task_id: w.taskId,
        files: ["src/lexer.ts"],
        importance_score: 0.7,
        expires_at: "2026-03-01T00:00:00Z",
      },
    },
    "context.removeChunk": { params: { project: w.projectId, chunkId: w.chunkId } },
    "locks.list": { params: project },
    "locks.acquire": {
      params: project,
      body: { path: "src/lexer.ts", instance_id: "claude-2", reason: "Editing", duration_minutes: 10 },
    },
    "locks.check": { params: project, body: { path: w.lockPath } },
    "locks.extend": { params: project, body: { path: w.lockPath, instance_id: "claude-1", additional_minutes: 5 } },
    "locks.bulk": {
      params: project,
      body: { paths: ["src/a.ts", "src/b.ts"], instance_id: "claude-2", reason: "Refactor", duration_minutes: 10 },
    },
    "locks.release": { params: project, body: { path: w.lockPath, instance_id: "claude-1" } },
    "locks.forceRelease": { params: project, body: { path: w.lockPath } },
    "locks.releaseByInstance": { params: project, body: { instance_id: "claude-1" } },
    "skills.list": { params: machine },
    "skills.get": { params: skill },
    "skills.createOrUpdate": {
      params: machine,
      body: {
        path: "team/review",
        name: "Review",
        content: "# Review",
        description: "How we review.",
        priority: 5,
        enabled: true,
        metadata: { tags: ["review"] },
      },
    },
    "skills.update": {
      params: skill,
      body: {
        name: "Debugging",
        content: "# Debug it",
        description: null,
        priority: 3,
        enabled: false,
        metadata: { tags: ["debug"] },
      },
    },
    "skills.toggle": { params: skill },
    "skills.remove": { params: skill },
    "skills.bulk": {
      params: machine,
      body: { updates: [{ path: w.skillPath, enabled: true, priority: 2, metadata: { a: 1 } }] },
    },
    "mcp.list": { params: machine },
    "mcp.get": { params: mcp },
    "mcp.add": {
      params: machine,
      body: {
        name: "files",
        display_name: "Files",
        transport: "stdio",
        command: "node",
        args: ["server.js"],
        env: { ROOT: "/srv" },
        auto_start: false,
      },
    },
    "mcp.update": {
      params: mcp,
      body: {
        display_name: "Echo",
        command: "node",
        args: ["echo.js"],
        env: { API_KEY: MCP_SECRET },
        auto_start: false,
      },
    },
    "mcp.start": { params: mcp },
    "mcp.stop": { params: mcp },
    "mcp.tools": { params: mcp },
    "mcp.execute": { params: mcp, body: { tool: "echo", parameters: { text: "hi" } } },
    "mcp.allTools": { params: machine },
    "mcp.remove": { params: mcp },
    "machineSync.skills": {
      params: machine,
      body: { skills: [{ name: "Review", path: "/home/dev/.claude/skills/review", category: "quality", tags: [] }] },
    },
    "machineSync.mcp": {
      params: machine,
      body: { servers: [{ name: "files", command: "node", args: ["files.js"], status: "stopped", tools: [] }] },
    },
    "commands.list": { params: machine, query: { page: "1", per_page: "10" } },
    "commands.search": { params: machine, query: { q: "test", page: "1", per_page: "10" } },
    "commands.get": { params: command },
    "commands.register": {
      params: machine,
      body: {
        name: "lint",
        type: "npm",
        description: "Lint the code.",
        command: "npm run lint",
        category: "quality",
        is_dangerous: false,
        arguments: ["--fix"],
        options: ["--quiet"],
      },
    },
    "commands.bulk": {
      params: machine,
      body: { commands: [{ name: "build", type: "npm", command: "npm run build", arguments: [], options: [] }] },
    },
    "commands.execute": {
      params: command,
      body: { arguments: ["--watch"], options: [], cwd: "/srv/app" },
    },
    "commands.remove": { params: command },
    "commands.clear": { params: machine },
    ...beyondDocumentSamples(w),
  };
}
