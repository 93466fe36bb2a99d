import { AuthenticationError } from "@agentlane/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Lite, PLAIN_BASH, startLite, until } from "../../../test/support/lite.ts";
import type { Backend, LockChange, TaskChange, TokenCredentials } from "../types.ts";

describe("the ClaudeNest adapter against server-lite", () => {
  let lite: Lite;
  let backend: Backend;

  beforeAll(async () => {
    lite = await startLite({ exec: [PLAIN_BASH] });
    backend = await lite.adapter.connect(lite.baseUrl, { token: lite.token });
  });
  afterAll(async () => {
    backend?.dispose();
    await lite?.close();
  });

  it("signs in with email and password, and refuses a bad token with the platform's error", async () => {
    const { token } = (await lite.adapter.signInWithPassword!(
      lite.baseUrl,
      lite.email,
      lite.password,
    )) as TokenCredentials;
    const other = await lite.adapter.connect(lite.baseUrl, { token });
    other.dispose();
    await expect(lite.adapter.connect(lite.baseUrl, { token: "cn_wrong" })).rejects.toBeInstanceOf(AuthenticationError);
  });

  it("pairs a machine: shows the code, and answers a machine token once the user confirms", async () => {
    const abort = new AbortController();
    const user = lite.client();
    const credentials = (await lite.adapter.pair!(lite.baseUrl, {
      hostname: "test-box",
      signal: abort.signal,
      onCode: (code) => void user.pairing.complete({ code, name: "Paired box" }),
    })) as TokenCredentials;
    expect(credentials.machineId).toBeTruthy();
    const paired = await lite.adapter.connect(lite.baseUrl, credentials);
    const groups = await paired.skills!.groups();
    expect(groups.map((group) => group.label)).toEqual(["Paired box"]);
    paired.dispose();
  });

  it("reports the live connection", async () => {
    await until("connected", () => backend.status.state === "connected");
  });

  it("lists skill groups (machines) and skills, highest priority first", async () => {
    const groups = await backend.skills!.groups();
    expect(groups.map((group) => group.label)).toContain("Local workstation");
    const skills = await backend.skills!.list(lite.sample.machineId);
    expect(skills.map((skill) => skill.path)).toEqual(["debugging", "team/code-review", "writing/release-notes"]);
    expect(skills.find((skill) => skill.path === "writing/release-notes")?.enabled).toBe(false);
  });

  it("reads, saves, toggles, re-prioritizes and deletes a skill", async () => {
    const skills = backend.skills!;
    const machine = lite.sample.machineId;
    expect((await skills.read(machine, "team/code-review")).content).toContain("# Code review");
    const saved = await skills.save!(machine, { path: "notes/new", name: "New", content: "# New\n" });
    expect(saved).toMatchObject({ path: "notes/new", enabled: true, priority: 0 });
    expect(await skills.toggle!(machine, "notes/new")).toBe(false);
    expect((await skills.setPriority!(machine, "notes/new", 900)).priority).toBe(900);
    expect((await skills.list(machine))[0]?.path).toBe("notes/new");
    await skills.remove!(machine, "notes/new");
    expect((await skills.list(machine)).some((skill) => skill.path === "notes/new")).toBe(false);
  });

  it("follows a project's tasks live: a resync, then a claim made by another client", async () => {
    const changes: TaskChange[] = [];
    const watch = backend.tasks!.watch(lite.sample.projectId, (change) => changes.push(change));
    await until("resync", () => changes.some((change) => change.kind === "resync"));
    const resync = changes.find((change) => change.kind === "resync") as Extract<TaskChange, { kind: "resync" }>;
    expect(resync.tasks).toHaveLength(5);
    expect(resync.tasks.find((task) => task.id === lite.sample.taskIds.ship)?.blocked).toBe(true);

    await lite.client().tasks.claim!({ id: lite.sample.taskIds.docs!, instance_id: "elsewhere" });
    await until("the claim", () => changes.some((change) => change.kind === "changed"));
    expect(changes.at(-1)).toMatchObject({
      kind: "changed",
      event: "claimed",
      by: "elsewhere",
      task: { id: lite.sample.taskIds.docs, status: "in_progress", assignee: "elsewhere" },
    });
    watch.dispose();
  });

  it("claims, releases, completes and offers the next available task", async () => {
    const tasks = backend.tasks!;
    const project = lite.sample.projectId;
    const next = await tasks.nextAvailable!(project);
    expect(next?.priority).toBe("critical");
    const claimed = await tasks.claim!(next!.id, "me");
    expect(claimed).toMatchObject({ status: "in_progress", assignee: "me" });
    const released = await tasks.release!(next!.id, "me", "not now");
    expect(released).toMatchObject({ status: "pending", assignee: null });
    await tasks.claim!(next!.id, "me");
    const done = await tasks.complete!(next!.id, "me", "Fixed", ["src/auth/redirect.ts"]);
    expect(done.status).toBe("completed");
    const created = await tasks.create(project, { title: "Follow-up", priority: "low", files: ["a.ts"] });
    expect(created).toMatchObject({ title: "Follow-up", status: "pending", files: ["a.ts"] });
    expect((await tasks.projects()).map((p) => p.name)).toContain("Sample project");
  });

  it("locks a task's files (all or none) and follows the locks live", async () => {
    const locks = backend.tasks!.locks!;
    const changes: LockChange[] = [];
    const watch = locks.watch(lite.sample.projectId, (change) => changes.push(change));
    await until("resync", () => changes.some((change) => change.kind === "resync"));
    await locks.lockFiles(lite.sample.projectId, "me", ["a.ts", "b.ts"], "Task: x");
    await until("two locks", () => changes.filter((change) => change.kind === "locked").length === 2);
    await expect(locks.lockFiles(lite.sample.projectId, "other", ["c.ts", "a.ts"], "Task: y")).rejects.toThrow();
    await locks.unlockFiles(lite.sample.projectId, "me", ["a.ts", "b.ts"]);
    const unlocked = () => changes.flatMap((change) => (change.kind === "unlocked" ? [change.path] : []));
    // `c.ts` was locked and released again by the refused all-or-none attempt.
    await until("unlocked", () => ["a.ts", "b.ts"].every((path) => unlocked().includes(path)));
    expect(unlocked()).toContain("c.ts");
    expect(await lite.client().locks.list({ project: lite.sample.projectId })).toEqual([]);
    watch.dispose();
  });

  it("starts a session and attaches a live terminal: resize, typed input, output, exit", async () => {
    const terminals = backend.terminals!;
    const hosts = await terminals.hosts();
    expect(hosts.find((host) => host.id === lite.sample.machineId)?.status).toBe("online");
    const session = await terminals.create(lite.sample.machineId, { cols: 10, rows: 5 });
    expect(session.running).toBe(true);
    const stream = terminals.attach(session.id);
    let output = "";
    let exitCode: number | null | undefined;
    stream.onOutput((data) => {
      output += data;
    });
    stream.onExit((code) => {
      exitCode = code;
    });
    stream.resize(100, 30);
    stream.write("stty size\r");
    await until("the new size", () => output.includes("30 100"));
    stream.write("echo sum=$((40+2))\r");
    await until("the echo", () => output.includes("sum=42")).catch((error) => {
      throw new Error(`${error.message}; the terminal showed ${JSON.stringify(output)}`);
    });
    stream.write("exit 3\r");
    await until("the exit", () => exitCode !== undefined);
    expect(exitCode).toBe(3);
    stream.dispose();
    expect((await terminals.sessions(lite.sample.machineId)).find((s) => s.id === session.id)?.running).toBe(false);
  });
});
