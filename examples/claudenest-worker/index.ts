/**
 * @module
 * Two Claude instances share one ClaudeNest project. server-lite runs on 127.0.0.1; a user registers a machine
 * and plans a project as tasks with dependencies; two workers (`nest.tasks.work`) on the machine's token take
 * turns claiming, doing and completing them, and the program shows that no task was done twice.
 *
 * Run it from the repository root: `node --conditions=agentlane-source examples/claudenest-worker/index.ts`.
 */
import { ClaudeNest } from "@agentlane/sdk";
import type { Task, WorkerEvent } from "@agentlane/sdk/claudenest";
import { createServer } from "@agentlane/server-lite";

/** The plan: each task with the titles of the tasks it waits for. */
const PLAN: { title: string; priority: Task["priority"]; files: string[]; after?: string[] }[] = [
  { title: "Design the database schema", priority: "critical", files: ["db/schema.sql"] },
  { title: "Write the User model", priority: "high", files: ["src/user.ts"], after: ["Design the database schema"] },
  { title: "Add JWT authentication", priority: "high", files: ["src/auth.ts"], after: ["Write the User model"] },
  { title: "Add rate limiting", priority: "medium", files: ["src/limits.ts"], after: ["Add JWT authentication"] },
  {
    title: "Write integration tests",
    priority: "medium",
    files: ["test/api.test.ts"],
    after: ["Add JWT authentication"],
  },
  { title: "Set up CI", priority: "medium", files: [".ci/run"] },
  { title: "Write the API docs", priority: "low", files: ["docs/api.md"] },
  { title: "Update the README", priority: "low", files: ["README.md"], after: ["Write the API docs"] },
];

const INSTANCES = ["claude-1", "claude-2"];

export interface WorkerRun {
  /** Task title to the instance that completed it, in completion order. */
  completedBy: Record<string, string>;
  /** How many times each task was handed to a handler (1 everywhere when no task was done twice). */
  runs: Record<string, number>;
  /** What each worker's loop reported when it stopped. */
  results: Record<string, { claimed: number; completed: number; conflicts: number }>;
}

export async function main(log: (line: string) => void = console.log): Promise<WorkerRun> {
  const server = await createServer();
  const url = await server.listen(0, "127.0.0.1");
  const baseUrl = `${url}${server.bases.claudenest}`;
  log(`server-lite is listening on ${url}`);

  try {
    const session = await new ClaudeNest({ baseUrl }).auth.register({
      name: "Alice",
      email: `alice-${Date.now()}@example.com`,
      password: "correct horse battery",
      password_confirmation: "correct horse battery",
    });
    const nest = new ClaudeNest({ baseUrl, token: session.token });
    const { machine, token } = await nest.machines.register({ name: "Dev box", platform: "linux", hostname: "dev" });
    const project = await nest.projects.create({ machine: machine.id, name: "Web app", project_path: "/srv/web" });
    log(`Alice plans project "${project.name}" on ${machine.name}:`);
    const ids = new Map<string, string>();
    for (const step of PLAN) {
      const task = await nest.tasks.create({
        project: project.id,
        title: step.title,
        priority: step.priority,
        files: step.files,
        dependencies: (step.after ?? []).map((title) => ids.get(title)!),
        instance_id: "planner",
      });
      ids.set(task.title, task.id);
      const after = step.after ? ` (after: ${step.after.join(", ")})` : "";
      log(`  [${task.priority}] ${task.title}${after}`);
    }

    const completedBy: Record<string, string> = {};
    const runs: Record<string, number> = {};
    const stop = new AbortController();
    const describe = (instance: string, event: WorkerEvent): string | undefined => {
      switch (event.type) {
        case "claimed":
          return `${instance}: claimed "${event.task.title}"`;
        case "conflict":
          return `${instance}: "${event.task.title}" was taken first, asking for the next task`;
        case "completed":
          return `${instance}: completed "${event.task.title}": ${event.summary}`;
        case "released":
          return `${instance}: released "${event.task.title}": ${event.reason}`;
        case "idle":
          return `${instance}: nothing available yet, waiting ${event.delay} ms`;
        default:
          return `${instance}: ${event.type} "${event.task.title}"`;
      }
    };

    // Both instances run on the machine's token, as agents on that machine would.
    const agent = new ClaudeNest({ baseUrl, token });
    log("Two instances start working:");
    const results = await Promise.all(
      INSTANCES.map((instance) =>
        agent.tasks.work(
          project.id,
          instance,
          async (task, { signal }) => {
            runs[task.title] = (runs[task.title] ?? 0) + 1;
            log(`${instance}: working on "${task.title}" (${task.files.join(", ")})`);
            await new Promise((resolve) => setTimeout(resolve, 20 + Math.floor(Math.random() * 20)));
            if (signal.aborted) throw new Error("Stopped before finishing");
            return { summary: `done by ${instance}`, files_modified: task.files };
          },
          {
            signal: stop.signal,
            idleDelay: 10,
            maxIdleDelay: 80,
            onEvent: (event) => {
              const line = describe(instance, event);
              if (line) log(line);
              if (event.type !== "completed") return;
              completedBy[event.task.title] = instance;
              if (Object.keys(completedBy).length === PLAN.length) stop.abort();
            },
          },
        ),
      ),
    );

    log("Who did what:");
    for (const [title, instance] of Object.entries(completedBy)) log(`  ${instance.padEnd(9)} ${title}`);
    const outcome: WorkerRun = { completedBy, runs, results: {} };
    for (const [i, result] of results.entries()) {
      const { claimed, completed, conflicts } = result;
      outcome.results[INSTANCES[i]!] = { claimed, completed, conflicts };
      log(`  ${INSTANCES[i]}: claimed ${claimed}, completed ${completed}, lost ${conflicts} claim races`);
    }
    const twice = Object.entries(runs).filter(([, count]) => count > 1);
    const stats = await nest.projects.stats({ id: project.id });
    log(
      `${stats.completed_tasks} of ${stats.total_tasks} tasks completed; ` +
        (twice.length === 0 ? "no task was done twice" : `done twice: ${twice.map(([title]) => title).join(", ")}`),
    );
    if (twice.length > 0 || stats.completed_tasks !== PLAN.length) throw new Error("The workers did not share fairly");
    return outcome;
  } finally {
    await server.close();
    log("server stopped");
  }
}

if (import.meta.main) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
