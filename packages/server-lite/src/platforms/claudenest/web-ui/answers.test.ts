import { afterEach, describe, expect, it } from "vitest";
import { startUiServer, type UiServer } from "./ui-server.ts";

// What ClaudeNest's own web UI (QrCommunication/claudenest, packages/server/resources/js) reads from each answer,
// over HTTP, against server-lite with the document's answers as the default.
let ui: UiServer;
afterEach(async () => {
  await ui.server.close();
});

async function projectWithTask(title = "Write the migration") {
  const project = await ui.nest.projects.create({ machine: ui.machineId, name: "App", project_path: "/srv/app" });
  const task = await ui.nest.tasks.create({ project: project.id, title });
  return { project, task };
}

describe("answers as ClaudeNest's web UI reads them", () => {
  it("a new session opens by data.id (pages/sessions/New.vue: router.push({params: {id: session.id}}))", async () => {
    ui = await startUiServer();
    const { status, body } = await ui.api("POST", `/machines/${ui.machineId}/sessions`, { mode: "interactive" });
    expect(status).toBe(201);
    expect(body.data.id).toEqual(expect.any(String));
    // The document's keys stay beside the real server's.
    expect(body.data.session.id).toBe(body.data.id);
    expect(body.data.websocket_token).toMatch(/^ws_/);
    // pages/sessions/Terminal.vue replays recent_logs and watches is_running.
    const session = await ui.api("GET", `/sessions/${body.data.id}`);
    expect(session.body.data).toMatchObject({
      id: body.data.id,
      is_running: false,
      is_completed: false,
      recent_logs: [],
    });
  });

  it("claim, release and complete answer the task itself (stores/tasks.ts: tasks.value[index] = response.data.data)", async () => {
    ui = await startUiServer();
    const { task } = await projectWithTask();
    const claimed = await ui.api("POST", `/tasks/${task.id}/claim`, { instance_id: "web" });
    expect(claimed.body.data).toMatchObject({
      id: task.id,
      status: "in_progress",
      assigned_to: "web",
      is_claimed: true,
    });
    expect(claimed.body.data.task.id).toBe(task.id);
    expect(claimed.body.data.message).toBe("Task claimed successfully");
    const released = await ui.api("POST", `/tasks/${task.id}/release`, { reason: "later" });
    expect(released.body.data).toMatchObject({ id: task.id, status: "pending", is_claimed: false });
    await ui.api("POST", `/tasks/${task.id}/claim`, { instance_id: "web" });
    const completed = await ui.api("POST", `/tasks/${task.id}/complete`, { summary: "Done", instance_id: "web" });
    // The document's value by default; compat "real" answers `done` (below).
    expect(completed.body.data).toMatchObject({ id: task.id, status: "completed", is_completed: true });
  });

  it("toggling a skill answers the whole skill (stores/skills.ts: skills.value[index] = updatedSkill)", async () => {
    ui = await startUiServer();
    await ui.nest.skills.createOrUpdate({
      machine: ui.machineId,
      path: "team/debugging",
      name: "debugging",
      content: "# Debugging",
      metadata: { category: "git", tags: ["bugs"] },
    });
    const toggled = await ui.api("POST", `/machines/${ui.machineId}/skills/team%2Fdebugging/toggle`);
    // pages/skills/SkillCard.vue reads display_name, category, category_color, tags, version, has_config.
    expect(toggled.body.data).toMatchObject({
      path: "team/debugging",
      enabled: false,
      display_name: "debugging",
      category: "git",
      category_color: "red",
      tags: ["bugs"],
      has_config: true,
    });
    // stores/skills.ts reads meta.pagination of the list, and data.skill and data.related of one skill.
    const list = await ui.api("GET", `/machines/${ui.machineId}/skills`);
    expect(list.body.meta.pagination).toEqual({ current_page: 1, last_page: 1, per_page: 1, total: 1 });
    const one = await ui.api("GET", `/machines/${ui.machineId}/skills/team%2Fdebugging`);
    expect(one.body.data.skill).toMatchObject({ path: "team/debugging", content: "# Debugging" });
    expect(one.body.data.related).toEqual([]);
  });

  it("a command renders (pages/commands/Index.vue reads signature, parameters.length, aliases.length)", async () => {
    ui = await startUiServer();
    await ui.nest.commands.register({
      machine: ui.machineId,
      name: "deploy",
      type: "shell",
      command: "./deploy.sh",
      arguments: ["env"],
      options: ["--force"],
    });
    const { body } = await ui.api("GET", `/machines/${ui.machineId}/commands`);
    expect(body.data[0]).toMatchObject({
      display_name: "deploy",
      signature: "./deploy.sh <env> [--force]",
      parameters: [
        { name: "env", type: "string", required: true, description: null },
        { name: "--force", type: "option", required: false, description: null },
      ],
      aliases: [],
      examples: [],
      skill_path: null,
      command: "./deploy.sh",
    });
  });

  it("a machine has display_name and an instance context_usage_percent", async () => {
    ui = await startUiServer();
    const machine = await ui.api("GET", `/machines/${ui.machineId}`);
    expect(machine.body.data.display_name).toBe("box");
    const { project, task } = await projectWithTask();
    await ui.api("POST", `/tasks/${task.id}/claim`, { instance_id: "web" });
    const instances = await ui.api("GET", `/projects/${project.id}/instances`);
    expect(instances.body.data[0]).toMatchObject({ id: "web", context_usage_percent: 0, context_usage: 0 });
  });
});

describe("compat: real", () => {
  it("answers the real server's values where they differ from the document's", async () => {
    ui = await startUiServer({ platformOptions: { claudenest: { compat: "real" } } });
    const { project, task } = await projectWithTask();
    await ui.api("POST", `/tasks/${task.id}/claim`, { instance_id: "web" });
    const completed = await ui.api("POST", `/tasks/${task.id}/complete`, { summary: "Done", instance_id: "web" });
    // app/Models/SharedTask.php: complete() sets status 'done'.
    expect(completed.body.data).toMatchObject({ status: "done", is_completed: true });
    const done = await ui.api("GET", `/projects/${project.id}/tasks?status=done`);
    expect(done.body.data.map((t: { id: string }) => t.id)).toEqual([task.id]);
    // stores/commands.ts: data.command and data.related of one command, data.results of a search.
    const command = await ui.nest.commands.register({
      machine: ui.machineId,
      name: "ls",
      type: "shell",
      command: "ls",
    });
    const one = await ui.api("GET", `/machines/${ui.machineId}/commands/${command.id}`);
    expect(one.body.data).toEqual({
      command: expect.objectContaining({ id: command.id, signature: "ls" }),
      related: [],
    });
    const found = await ui.api("GET", `/machines/${ui.machineId}/commands/search?q=ls`);
    expect(found.body.data).toMatchObject({ query: "ls", count: 1, results: [{ id: command.id }] });
    // The SDK reads either shape into the same objects.
    expect((await ui.nest.commands.get({ machine: ui.machineId, id: command.id })).command).toBe("ls");
    expect((await ui.nest.tasks.get({ id: task.id })).status).toBe("done");
  });

  it("answers TSK_003 as the real server does: 400 and its words; the document's 403 by default", async () => {
    for (const [compat, status] of [
      ["document", 403],
      ["real", 400],
    ] as const) {
      ui = await startUiServer({ platformOptions: { claudenest: { compat } } });
      const { task } = await projectWithTask();
      // stores/tasks.ts: releaseTask posts `{reason}`, completeTask the CompleteTaskForm; a refusal is an axios
      // error whose `response.data.error` the pages show (utils/api.ts, getErrorMessage).
      const release = await ui.api("POST", `/tasks/${task.id}/release`, { reason: "later" });
      const complete = await ui.api("POST", `/tasks/${task.id}/complete`, { summary: "Done", instance_id: "web" });
      // app/Http/Controllers/Api/TaskController.php: release and complete of a task that is not claimed.
      const words =
        compat === "real"
          ? ["Task is not claimed", "Task must be claimed before completion"]
          : ["Task is not claimed", "Task is not claimed"];
      expect([release, complete]).toEqual(
        words.map((message) => ({
          status,
          body: expect.objectContaining({
            success: false,
            error: expect.objectContaining({ code: "TSK_003", message }),
          }),
        })),
      );
      // Another instance's claim stays refused in both modes, with the same status.
      await ui.api("POST", `/tasks/${task.id}/claim`, { instance_id: "web" });
      const stolen = await ui.api("POST", `/tasks/${task.id}/complete`, { summary: "Done", instance_id: "other" });
      expect(stolen).toMatchObject({ status, body: { error: { code: "TSK_003" } } });
      // The SDK reads either status as the same error code.
      await expect(ui.nest.tasks.release({ id: task.id, instance_id: "other" })).rejects.toMatchObject({
        code: "TSK_003",
        httpStatus: status,
      });
      await ui.server.close();
    }
    ui = await startUiServer();
  });

  it("refuses an unknown compat value when the server is made", async () => {
    const { createServer } = await import("../../../server.ts");
    await expect(
      createServer({ platform: "claudenest", platformOptions: { claudenest: { compat: "laravel" } } }),
    ).rejects.toThrow(/claudenest options: .*compat/);
    ui = await startUiServer();
  });
});
