/**
 * @module
 * The worker loop under contention: many instances started together on one project, each taking tasks until
 * none is left, with a handler that returns at once and no files. Measured for `nest.tasks.work()` and, as the
 * baseline, for a loop that only ever claims the task `next-available` names and asks again after losing.
 */
import type { ClaudeNest } from "../../packages/sdk/src/index.ts";

export interface LoopRun {
  /** Claims per second, each followed by its completion. */
  rate: number;
  claimed: number;
  /** Claims lost to another instance in a race. */
  lost: number;
}

/** A fresh project of `tasks` medium priority tasks. */
async function projectWithTasks(nest: ClaudeNest, machineId: string, name: string, tasks: number) {
  const project = await nest.projects.create({ machine: machineId, name, project_path: `/${name}` });
  for (let i = 0; i < tasks; i += 32) {
    await Promise.all(
      Array.from({ length: Math.min(32, tasks - i) }, (_, j) =>
        nest.tasks.create({ project: project.id, title: `Task ${i + j}` }),
      ),
    );
  }
  return project.id;
}

/** `workers` instances run `tasks.work()` until every task is completed. */
export async function workLoop(
  nest: ClaudeNest,
  machineId: string,
  name: string,
  workers: number,
  tasks: number,
): Promise<LoopRun> {
  const projectId = await projectWithTasks(nest, machineId, name, tasks);
  const stop = new AbortController();
  let completed = 0;
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: workers }, (_, w) =>
      nest.tasks.work(projectId, `w${w}`, () => ({ summary: "done" }), {
        signal: stop.signal,
        idleDelay: 5,
        lockFiles: false,
        onEvent: (event) => {
          if (event.type === "completed" && ++completed === tasks) stop.abort();
        },
      }),
    ),
  );
  const claimed = results.reduce((sum, r) => sum + r.claimed, 0);
  const lost = results.reduce((sum, r) => sum + r.conflicts, 0);
  return { rate: claimed / ((performance.now() - started) / 1000), claimed, lost };
}

/** `workers` instances each claim what `next-available` names, asking again after a lost race, until none is left. */
export async function nextAvailableLoop(
  nest: ClaudeNest,
  machineId: string,
  name: string,
  workers: number,
  tasks: number,
): Promise<LoopRun> {
  const projectId = await projectWithTasks(nest, machineId, name, tasks);
  let claimed = 0;
  let lost = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (;;) {
        const task = await nest.tasks.nextAvailable({ project: projectId });
        if (!task) return;
        try {
          await nest.tasks.claim({ id: task.id, instance_id: `w${w}` });
        } catch {
          lost++;
          continue;
        }
        claimed++;
        await nest.tasks.complete({ id: task.id, instance_id: `w${w}`, summary: "done" });
      }
    }),
  );
  return { rate: claimed / ((performance.now() - started) / 1000), claimed, lost };
}
