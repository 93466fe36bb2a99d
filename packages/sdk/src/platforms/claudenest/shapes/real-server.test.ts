import { describe, expect, it } from "vitest";
import {
  laravelCommand,
  laravelDetailedTask,
  laravelFetch,
  laravelInstance,
  laravelMachine,
  laravelOk,
  laravelSession,
  laravelSkill,
  laravelTask,
} from "../../../../test/claudenest-real-answers.ts";
import { ClaudeNest } from "../client.ts";
import { contract } from "../contract/index.ts";

const baseUrl = "https://nest.test/api";
const ids = {
  task: "9b1c0a52-0000-4000-8000-000000000001",
  project: "9b1c0a52-0000-4000-8000-0000000000aa",
  machine: "9b1c0a52-0000-4000-8000-0000000000c1",
  session: "9b1c0a52-0000-4000-8000-0000000000b1",
};

/** A client on answers shaped as ClaudeNest's own server writes them, validating every answer against the contract. */
function nestOn(answers: Parameters<typeof laravelFetch>[1]) {
  const { fetch, asked } = laravelFetch(baseUrl, answers);
  return { nest: new ClaudeNest({ baseUrl, token: "1|sanctum", fetch, validate: { contract }, retry: 0 }), asked };
}

describe("the SDK against ClaudeNest's own server", () => {
  it("reads claim, release and complete, which answer the task flat (TaskController::claim/release/complete)", async () => {
    const claimed = laravelTask({
      status: "in_progress",
      is_claimed: true,
      assigned_to: "instance-a",
      claimed_at: "x",
    });
    const done = laravelTask({ status: "done", is_completed: true, assigned_to: "instance-a", completed_at: "y" });
    const { nest } = nestOn({
      [`POST /tasks/${ids.task}/claim`]: { body: laravelOk(claimed) },
      [`POST /tasks/${ids.task}/release`]: { body: laravelOk(laravelTask({ blocked_by: "stuck" })) },
      [`POST /tasks/${ids.task}/complete`]: { body: laravelOk(done) },
    });
    const claim = await nest.tasks.claim({ id: ids.task, instance_id: "instance-a" });
    expect(claim.message).toBe("Task claimed");
    expect(claim.task).toMatchObject({ id: ids.task, status: "in_progress", assigned_to: "instance-a" });
    // Keys the real server leaves out of an undetailed task get their empty values.
    expect(claim.task).toMatchObject({ files: [], dependencies: [], estimated_tokens: null, files_modified: null });
    const release = await nest.tasks.release({ id: ids.task });
    expect(release).toMatchObject({ message: "Task released", task: { status: "pending", blocked_by: "stuck" } });
    const complete = await nest.tasks.complete({ id: ids.task, summary: "Migrated", instance_id: "instance-a" });
    expect(complete).toMatchObject({ message: "Task completed", task: { status: "done", is_completed: true } });
    expect(Object.keys(complete).sort()).toEqual(["message", "task"]);
  });

  it("reads the real statuses (app/Models/SharedTask.php) in lists and the detailed task of `show`", async () => {
    const { nest, asked } = nestOn({
      [`GET /projects/${ids.project}/tasks`]: {
        body: laravelOk(
          [laravelTask({ status: "review" }), laravelTask({ id: "t2", status: "blocked", is_blocked: true })],
          {
            pagination: { current_page: 1, per_page: 20, total: 2, last_page: 1 },
          },
        ),
      },
      [`GET /tasks/${ids.task}`]: { body: laravelOk(laravelDetailedTask({ status: "done", is_completed: true })) },
    });
    const tasks = await nest.tasks.list({ project: ids.project, status: "review" });
    expect(tasks.map((t) => t.status)).toEqual(["review", "blocked"]);
    expect(tasks[1]).toMatchObject({ is_blocked: true, is_completed: false, files: [] });
    expect(asked).toEqual([`GET /projects/${ids.project}/tasks`]);
    const task = await nest.tasks.get({ id: ids.task });
    expect(task).toMatchObject({ status: "done", is_completed: true, files: ["database/migrations/x.php"] });
  });

  it("reads a new session answered flat (SessionController::store), which the web UI opens by data.id", async () => {
    const { nest } = nestOn({
      [`POST /machines/${ids.machine}/sessions`]: { body: laravelOk(laravelSession()), status: 201 },
      [`GET /sessions/${ids.session}`]: {
        body: laravelOk({
          ...laravelSession({ status: "running", is_running: true, total_cost: "0.1250" }),
          recent_logs: [{ type: "output", data: "$ ", created_at: "2026-03-01T10:00:01.000000Z" }],
        }),
      },
      [`POST /sessions/${ids.session}/attach`]: {
        body: laravelOk({ ws_token: "f00d", session_id: ids.session, ws_url: "https://nest.test:8080" }),
      },
    });
    const created = await nest.sessions.create({ machine: ids.machine, project_path: "/home/dev/app" });
    expect(created.websocket_token).toBeNull();
    expect(created.session).toMatchObject({ id: ids.session, status: "created", status_message: null, total_cost: 0 });
    const session = await nest.sessions.get({ id: ids.session });
    // `decimal:4` arrives as a string; the SDK's Session has a number.
    expect(session).toMatchObject({ is_running: true, is_completed: false, total_cost: 0.125 });
    expect(session.recent_logs).toEqual([{ type: "output", data: "$ ", created_at: "2026-03-01T10:00:01.000000Z" }]);
    expect(await nest.sessions.attachToken({ id: ids.session })).toEqual({ session: null, websocket_token: "f00d" });
  });

  it("reads toggle's whole skill (SkillsController::toggle) as {path, enabled}, and `show`'s {skill, related}", async () => {
    const at = { machine: ids.machine, path: "team/debugging" };
    const { nest } = nestOn({
      [`POST /machines/${ids.machine}/skills/team/debugging/toggle`]: {
        body: laravelOk(laravelSkill({ enabled: false })),
      },
      [`GET /machines/${ids.machine}/skills/team/debugging`]: {
        body: laravelOk({ skill: laravelSkill(), related: [] }),
      },
      [`GET /machines/${ids.machine}/skills`]: {
        body: laravelOk([laravelSkill()], { pagination: { current_page: 1, last_page: 1, per_page: 50, total: 1 } }),
      },
    });
    expect(await nest.skills.toggle(at)).toEqual({ path: "team/debugging", enabled: false });
    const skill = await nest.skills.get(at);
    expect(skill).toMatchObject({ display_name: "Debugging", metadata: { depth: 2 }, priority: 0 });
    expect(skill.last_modified).toBe("2026-03-02T08:00:00.000000Z");
    const [listed] = await nest.skills.list({ machine: ids.machine });
    expect(listed).toMatchObject({ path: "team/debugging", display_name: "Debugging", enabled: true });
  });

  it("reads commands (CommandResource) with the document's fields derived, and search's {query, results}", async () => {
    const { nest } = nestOn({
      [`GET /machines/${ids.machine}/commands`]: { body: laravelOk([laravelCommand()]) },
      [`GET /machines/${ids.machine}/commands/search`]: {
        body: laravelOk({ query: "dep", results: [laravelCommand()], count: 1 }),
      },
      [`GET /machines/${ids.machine}/commands/c1`]: { body: laravelOk({ command: laravelCommand(), related: [] }) },
    });
    const [command] = await nest.commands.list({ machine: ids.machine });
    expect(command).toMatchObject({
      signature: "deploy <env> [--force]",
      aliases: ["ship"],
      examples: [{ title: "Staging", command: "deploy staging" }],
      command: "deploy",
      type: "command",
      arguments: ["env"],
      options: ["--force"],
      is_dangerous: false,
    });
    expect((await nest.commands.search({ machine: ids.machine, q: "dep" })).map((c) => c.name)).toEqual(["deploy"]);
    expect((await nest.commands.get({ machine: ids.machine, id: "c1" })).display_name).toBe("Deploy");
  });

  it("reads machines (MachineResource) and instances (ProjectController::instances)", async () => {
    const { nest } = nestOn({
      [`GET /machines/${ids.machine}`]: { body: laravelOk(laravelMachine()) },
      [`GET /projects/${ids.project}/instances`]: { body: laravelOk([laravelInstance()]) },
    });
    expect(await nest.machines.get({ id: ids.machine })).toMatchObject({ name: "dev-box", display_name: "Dev Box" });
    const [instance] = await nest.projects.instances({ id: ids.project });
    expect(instance).toMatchObject({ context_usage: 32, context_usage_percent: 32, current_task_id: ids.task });
  });
});
