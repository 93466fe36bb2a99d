/**
 * @module
 * The world of the malformed-input and access sweeps: a server that records unexpected errors, an admin, a user
 * (alice) owning one of everything (a session with a finished turn, an upload, a skill; MCP and A2A servers
 * exist), another user (bob), and a well-formed sample request of every endpoint naming alice's rows.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { uuid } from "../../../core/ids.ts";
import type { EndpointSample } from "../../../core/test-malformed.ts";
import { createServer, type LiteServer } from "../../../server.ts";
import type { ActusServices } from "../state/services.ts";
import { newUser, type TestUser } from "./harness.ts";

export interface SweepWorld {
  server: LiteServer;
  services: ActusServices;
  baseUrl: string;
  admin: TestUser;
  alice: TestUser;
  bob: TestUser;
  sessionId: string;
  fileId: string;
  skillId: string;
  a2aId: string;
  unexpected: unknown[];
  samples: Record<string, EndpointSample>;
  /** Ids of alice's rows, which no answer to bob may contain. */
  aliceIds(): string[];
  close(): Promise<void>;
}

export async function sweepWorld(): Promise<SweepWorld> {
  const unexpected: unknown[] = [];
  const server = await createServer({ platform: "actus", onError: (e) => unexpected.push(e) });
  const services = server.services("actus") as ActusServices;
  const admin = await newUser(server, "admin");
  const alice = await newUser(server, "alice");
  const bob = await newUser(server, "bob");
  const { session_id: sessionId } = await alice.actus.sessions.create();
  for await (const _ of alice.actus.sessions.chat({ session_id: sessionId, message: "$ echo hi\n> a.txt: a" }));
  const file = await alice.actus.files.upload({ file: new File(["alice's"], "alice.txt") });
  const folder = mkdtempSync(join(tmpdir(), "actus-sweep-skill-"));
  writeFileSync(join(folder, "SKILL.md"), "---\nname: Sweep Skill\n---\nbody\n");
  const skill = await admin.actus.skills.install({ source_type: "local", source_ref: folder });
  await admin.actus.appConfig.createMcpServers({ mcpServers: { sweep: { command: "sweep-mcp" } } });
  const a2aId = uuid();
  services.db.run(
    "INSERT INTO act_a2a_servers (id, base_url, card, enabled, seq) VALUES (?, 'http://127.0.0.1:9/', ?, 1, 1)",
    a2aId,
    JSON.stringify({
      name: "A",
      description: "",
      input_modes: [],
      output_modes: [],
      streaming: false,
      push_notifications: false,
    }),
  );
  const blob = { file: "FILE" };
  const samples: Record<string, EndpointSample> = {
    "auth.register": { params: {}, body: { username: "sweeper_new", password: "password123" } },
    "auth.login": { params: {}, body: { username: alice.username, password: "password123" } },
    "auth.refresh": { params: {}, body: { refresh_token: "acr_unknown" } },
    "auth.me": { params: {} },
    "auth.updateMe": { params: {}, body: { nickname: "n" } },
    "auth.wechatAuthorize": { params: {} },
    "status.health": { params: {} },
    "status.storage": { params: {} },
    "status.storageUpload": { params: {}, body: blob },
    "appConfig.getLlm": { params: {} },
    "appConfig.updateLlm": {
      params: {},
      body: { base_url: "https://x.test", model_name: "m", temperature: 0.5, max_tokens: 10 },
    },
    "appConfig.getAgent": { params: {} },
    "appConfig.updateAgent": { params: {}, body: { max_iterations: 1, max_retries: 1, max_search_results: 1 } },
    "appConfig.listMcpServers": { params: {} },
    "appConfig.createMcpServers": { params: {}, body: { mcpServers: { other: { command: "c" } } } },
    "appConfig.deleteMcpServer": { params: { server_name: "sweep" } },
    "appConfig.setMcpServerEnabled": { params: { server_name: "sweep" }, body: { enabled: true } },
    "appConfig.listA2aServers": { params: {} },
    "appConfig.createA2aServer": { params: {}, body: { base_url: "http://127.0.0.1:9" } },
    "appConfig.deleteA2aServer": { params: { a2a_id: a2aId } },
    "appConfig.setA2aServerEnabled": { params: { a2a_id: a2aId }, body: { enabled: true } },
    "userTools.listMcp": { params: {} },
    "userTools.setMcpEnabled": { params: { server_name: "sweep" }, body: { enabled: false } },
    "userTools.listA2a": { params: {} },
    "userTools.setA2aEnabled": { params: { a2a_id: a2aId }, body: { enabled: false } },
    "sessions.create": { params: {} },
    "sessions.list": { params: {} },
    "sessions.stream": { params: {} },
    "sessions.get": { params: { session_id: sessionId } },
    "sessions.chat": { params: { session_id: sessionId }, body: { message: "$ echo again" } },
    "sessions.stop": { params: { session_id: sessionId } },
    "sessions.clearUnread": { params: { session_id: sessionId } },
    "sessions.remove": { params: { session_id: sessionId } },
    "sessions.files": { params: { session_id: sessionId } },
    "sessions.readFile": { params: { session_id: sessionId }, body: { filepath: "/home/ubuntu/a.txt" } },
    "sessions.shell": { params: { id: sessionId }, body: { session_id: "main" } },
    "admin.listUsers": { params: {} },
    "admin.getUser": { params: { user_id: alice.id } },
    "admin.setUserStatus": { params: { user_id: alice.id }, body: { status: "active" } },
    "admin.deleteUser": { params: { user_id: alice.id } },
    "files.upload": { params: {}, body: blob },
    "files.get": { params: { file_id: file.id } },
    "files.remove": { params: { file_id: file.id } },
    "skills.list": { params: {} },
    "skills.install": { params: {}, body: { source_type: "local", source_ref: folder } },
    "skills.setEnabled": { params: { skill_key: skill.id }, body: { enabled: true } },
    "skills.remove": { params: { skill_key: skill.id } },
    "skills.getPolicy": { params: {} },
    "skills.setPolicy": { params: {}, body: { mode: "off" } },
  };
  return {
    server,
    services,
    baseUrl: "http://lite.test/api",
    admin,
    alice,
    bob,
    sessionId,
    fileId: file.id,
    skillId: skill.id,
    a2aId,
    unexpected,
    samples,
    aliceIds: () => [sessionId, file.id],
    async close() {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
