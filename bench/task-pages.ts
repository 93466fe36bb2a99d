/**
 * @module
 * Line 7: a project of 100,000 tasks (inserted straight into the store), listed 100 at a time through the
 * server in-process: the server's CPU time for page 1 and for page 1,000. A page's cost must not grow with
 * its offset (target: within 2× of each other) and the first page should take ≤ 2 ms. CPU time, not wall time,
 * so the figures hold on a busy machine.
 */
import { cpuPerCall, inProcessProject } from "./lib/in-process-project.ts";
import { atMost, ms, type Row } from "./lib/table.ts";

const TASKS = 100_000;

export async function taskPages(): Promise<Row[]> {
  const { server, token, projectId, api } = await inProcessProject("big");
  try {
    const insert = server.db.sqlite.prepare(
      "INSERT INTO cn_tasks (id, project_id, title, priority, created_at, updated_at) VALUES (?, ?, ?, 'medium', ?, ?)",
    );
    server.db.tx(() => {
      for (let i = 0; i < TASKS; i++) {
        const at = new Date(Date.UTC(2026, 0, 1) + i).toISOString();
        insert.run(`task-${i}`, projectId, `Task ${i}`, at, at);
      }
    });
    const headers = { accept: "application/json", authorization: `Bearer ${token}` };
    // A write to the store forgets where pages start: the next far page walks its offset again.
    const write = () =>
      server.db.run("UPDATE cn_projects SET updated_at = ? WHERE id = ?", new Date().toISOString(), projectId);
    /** Median server CPU time (ms) of one request for `page` (`cold`: each after a write). */
    const cpu = (page: number, cold = false) => {
      const url = `${api}/projects/${projectId}/tasks?per_page=100&page=${page}`;
      return cpuPerCall(async () => {
        if (cold) write();
        const response = await server.fetch(new Request(url, { headers }));
        if (!response.ok) throw new Error(`page ${page}: HTTP ${response.status}`);
        await response.text();
      });
    };
    const first = await cpu(1);
    const far = await cpu(1000);
    const farCold = await cpu(1000, true);
    // Walking every page in order, as `for await` over a list does: each page starts where the last one ended.
    write();
    const walk = process.cpuUsage();
    for (let page = 1; page <= 1000; page++) {
      const url = `${api}/projects/${projectId}/tasks?per_page=100&page=${page}`;
      await (await server.fetch(new Request(url, { headers }))).text();
    }
    const walked = process.cpuUsage(walk);
    const perWalkedPage = (walked.user + walked.system) / 1000 / 1000;
    return [
      {
        line: 7,
        measure: "100,000 tasks, 100 per page: CPU per page",
        subject: `page 1,000 ${ms(far)}`,
        baseline: `page 1 ${ms(first)}`,
        ...atMost(far / first, 2),
      },
      {
        line: 7,
        measure: "100,000 tasks: pages 1 to 1,000 in order, CPU per page",
        subject: `mean ${ms(perWalkedPage)}`,
        baseline: `page 1 ${ms(first)}`,
        ...atMost(perWalkedPage / first, 2),
      },
      {
        line: 7,
        measure: "100,000 tasks: page 1,000 right after a write",
        subject: `page 1,000 ${ms(farCold)}`,
        baseline: `page 1 ${ms(first)}`,
        ratio: farCold / first,
        target: "reported",
        met: true,
      },
      {
        line: 7,
        measure: "100,000 tasks: first page vs 2 ms",
        subject: `page 1 ${ms(first)}`,
        baseline: "2.0 ms",
        ...atMost(first / 2, 1),
      },
    ];
  } finally {
    await server.close();
  }
}
