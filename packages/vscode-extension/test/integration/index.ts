/**
 * @module
 * Integration tests of the extension's commands, run inside VS Code's extension host (code-server's, started
 * by the end-to-end suite) against the server-lite that suite runs: `AGENTLANE_E2E_BASE_URL` and
 * `AGENTLANE_E2E_TOKEN` in the extension host's environment say where. Each case drives commands the way
 * menus and automation do (with arguments, so that no prompt opens) and checks the views' models.
 */
import * as assert from "node:assert/strict";
import * as vscode from "vscode";
import type { AgentlaneApi } from "../../src/extension.ts";
import type { SkillNode } from "../../src/models/skill-catalog.ts";

const EXTENSION_ID = "agentlane.agentlane-vscode";

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Case = [name: string, body: (api: AgentlaneApi) => Promise<void>];

const run$ = (command: string, ...args: unknown[]) => vscode.commands.executeCommand(command, ...args);

const cases: Case[] = [
  [
    "connect with a token (no prompt)",
    async (api) => {
      const ok = await run$("agentlane.connect", {
        name: "integration",
        baseUrl: process.env.AGENTLANE_E2E_BASE_URL,
        token: process.env.AGENTLANE_E2E_TOKEN,
      });
      assert.equal(ok, true);
      assert.equal(api.connection.current?.profile.name, "integration");
      await until("the live connection", () => api.connection.status.state === "connected");
      const profiles = vscode.workspace.getConfiguration("agentlane").get<{ name: string }[]>("profiles") ?? [];
      assert.ok(
        profiles.some((profile) => profile.name === "integration"),
        "the profile is saved in settings",
      );
      assert.ok(!JSON.stringify(profiles).includes(process.env.AGENTLANE_E2E_TOKEN!), "no token in settings");
    },
  ],
  [
    "skills: the groups load; open, set the priority, toggle, filter, create and delete",
    async (api) => {
      await api.skills.reload();
      const group = api.skills.catalog.groups.find((g) => g.label === "Local workstation");
      assert.ok(group, "the sample machine is a skill group");
      const at = { groupId: group.id, path: "debugging" };

      await run$("agentlane.skills.open", at);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.scheme, "agentlane-skill");
      assert.equal(editor?.document.languageId, "markdown");
      assert.match(editor?.document.getText() ?? "", /^# Debugging/);

      await run$("agentlane.skills.setPriority", at, 7);
      assert.equal(api.skills.catalog.skill(group.id, "debugging")?.priority, 7);
      await run$("agentlane.skills.toggle", at);
      assert.equal(api.skills.catalog.skill(group.id, "debugging")?.enabled, false);
      await run$("agentlane.skills.toggle", at);
      assert.equal(api.skills.catalog.skill(group.id, "debugging")?.enabled, true);

      await run$("agentlane.skills.filter", "review");
      const node = api.skills.catalog.children().find((n) => n.kind === "group" && n.group.id === group.id)!;
      const shown = api.skills.catalog.children(node) as SkillNode[];
      assert.deepEqual(
        shown.map((n) => n.skill.path),
        ["team/code-review"],
      );
      await run$("agentlane.skills.clearFilter");

      const backend = api.connection.current!.backend.skills!;
      await backend.save!(group.id, { path: "integration/tmp", name: "Temporary", content: "# Tmp\n" });
      await api.skills.reloadGroup(group.id);
      await run$("agentlane.skills.delete", { groupId: group.id, path: "integration/tmp" }, { confirmed: true });
      assert.equal(api.skills.catalog.skill(group.id, "integration/tmp"), undefined);
    },
  ],
  [
    "skills: the view reloads by itself while visible (the platform sends no skill events)",
    async (api) => {
      await vscode.workspace
        .getConfiguration("agentlane")
        .update("refreshSeconds", 1, vscode.ConfigurationTarget.Global);
      await run$("agentlane.skills.focus");
      const group = api.skills.catalog.groups.find((g) => g.label === "Local workstation")!;
      await api.connection.current!.backend.skills!.save!(group.id, {
        path: "integration/elsewhere",
        name: "Made elsewhere",
        content: "# Elsewhere\n",
      });
      await until("the new skill", () => api.skills.catalog.skill(group.id, "integration/elsewhere") !== undefined);
      await api.connection.current!.backend.skills!.remove!(group.id, "integration/elsewhere");
      await vscode.workspace
        .getConfiguration("agentlane")
        .update("refreshSeconds", 0, vscode.ConfigurationTarget.Global);
    },
  ],
  [
    "tasks: create, claim, release with a reason, claim next, complete",
    async (api) => {
      await until("the tasks", () => api.tasks.board.projectIds.some((id) => api.tasks.board.isLoaded(id)));
      const projectId = api.tasks.board.projectIds[0]!;
      const created = (await run$("agentlane.tasks.create", {
        projectId,
        title: "Integration task",
        priority: "critical",
        files: ["README.md"],
      })) as { id: string };
      assert.ok(api.tasks.board.task(created.id), "the new task shows at once");

      await run$("agentlane.tasks.claim", { taskId: created.id });
      assert.equal(api.tasks.board.task(created.id)?.status, "in_progress");
      assert.equal(api.tasks.board.task(created.id)?.assignee, api.tasks.instanceId);

      await run$("agentlane.tasks.release", { taskId: created.id }, "switching to something else");
      assert.equal(api.tasks.board.task(created.id)?.status, "pending");

      const next = (await run$("agentlane.tasks.claimNext", projectId)) as { id: string; priority: string };
      assert.equal(next.priority, "critical", "the highest priority is taken first");
      assert.equal(api.tasks.board.task(next.id)?.assignee, api.tasks.instanceId);

      await run$(
        "agentlane.tasks.complete",
        { taskId: next.id },
        { summary: "Done in the integration test", files: [] },
      );
      assert.equal(api.tasks.board.task(next.id)?.status, "completed");

      await run$("agentlane.tasks.show", { taskId: next.id });
      const details = vscode.window.activeTextEditor?.document;
      assert.equal(details?.uri.scheme, "agentlane-task");
      assert.equal(details?.languageId, "markdown");
      assert.match(details?.getText() ?? "", /- Status: completed/);
    },
  ],
  [
    "sessions: a new session opens an attached terminal; closing it detaches",
    async (api) => {
      await vscode.workspace
        .getConfiguration("agentlane.terminal")
        .update("onClose", "detach", vscode.ConfigurationTarget.Global);
      await api.hosts.reload();
      const host = api.hosts.hosts.hosts.find((h) => h.status === "online");
      assert.ok(host, "an online machine");
      const session = (await run$("agentlane.sessions.create", { hostId: host.id })) as { id: string };
      await until("the terminal", () => vscode.window.terminals.some((t) => t.name.startsWith("Agentlane:")));
      const terminal = vscode.window.terminals.find((t) => t.name.startsWith("Agentlane:"))!;
      terminal.dispose();
      await api.hosts.reloadHost(host.id);
      const sessions = api.hosts.hosts.children({ kind: "host", host });
      const after = sessions.find((n) => n.kind === "session" && n.session.id === session.id);
      assert.ok(after?.kind === "session" && after.session.running, "the session keeps running after a detach");
      await run$("agentlane.sessions.terminate", { sessionId: session.id, hostId: host.id });
    },
  ],
  [
    "disconnect",
    async (api) => {
      await run$("agentlane.disconnect");
      assert.equal(api.connection.current, undefined);
      assert.equal(api.connection.status.state, "offline");
    },
  ],
  [
    "start local server: runs server-lite with the sample data and connects to it; stop",
    async (api) => {
      assert.equal(await run$("agentlane.startLocalServer"), true);
      assert.equal(api.connection.current?.profile.name, "Local server");
      await api.skills.loaded();
      await until("the sample skills", () =>
        api.skills.catalog.groups.some(
          (group) => group.label === "Local workstation" && api.skills.catalog.skill(group.id, "debugging"),
        ),
      );
      await until("the sample tasks", () =>
        api.tasks.board.projectIds.some((id) => api.tasks.board.tasks(id).length === 5),
      );
      await run$("agentlane.stopLocalServer");
      assert.equal(api.connection.current, undefined);
    },
  ],
];

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<AgentlaneApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  const api = await extension.activate();
  const failures: string[] = [];
  console.log(`1..${cases.length}`);
  for (const [name, body] of cases) {
    try {
      await body(api);
      console.log(`ok - ${name}`);
    } catch (error) {
      console.log(`not ok - ${name}: ${(error as Error).stack ?? error}`);
      failures.push(name);
    }
  }
  if (failures.length > 0) throw new Error(`${failures.length} integration test(s) failed: ${failures.join("; ")}`);
}
