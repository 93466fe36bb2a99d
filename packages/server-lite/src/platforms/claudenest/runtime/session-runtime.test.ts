import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type LiteServer, type ServerOptions } from "../../../index.ts";
import type { NestServices } from "../services.ts";
import { clientFor } from "../testing/test-support.ts";
import { appendLog, formatDuration, KEPT_LOGS, sessionOwner } from "./session-runtime.ts";

const servers: LiteServer[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: ServerOptions = {}) {
  const server = await createServer({ seed: true, ...options });
  servers.push(server);
  const client = (token: string) => clientFor(server, token);
  const nest = client(server.seedInfo.claudenest!.token!);
  const { machine, token } = await nest.machines.register({ name: "box", platform: "linux", hostname: "box" });
  await client(token).machines.get({ id: machine.id });
  return { server, nest, machine, services: server.services("claudenest") as NestServices };
}

describe("session runtime", () => {
  it("formats durations as ClaudeNest does", () => {
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(59)).toBe("59s");
    expect(formatDuration(303)).toBe("5m 3s");
    expect(formatDuration(3600)).toBe("1h 0m");
    expect(formatDuration(3 * 3600 + 25 * 60 + 9)).toBe("3h 25m");
  });

  it("counts a running session's duration from its start on the server clock", async () => {
    const { server, nest, machine } = await start({ exec: ["bash"] });
    const { session } = await nest.sessions.create({ machine: machine.id });
    server.clock.advance(3661_000);
    expect(await nest.sessions.get({ id: session.id })).toMatchObject({ duration: 3661, formatted_duration: "1h 1m" });
    const ended = await nest.sessions.remove({ id: session.id });
    server.clock.advance(60_000);
    expect(await nest.sessions.get({ id: session.id })).toMatchObject({
      duration: ended.duration,
      completed_at: ended.completed_at,
    });
  });

  it("keeps a session's latest log entries only", async () => {
    const { nest, machine, services, server } = await start();
    const { session } = await nest.sessions.create({ machine: machine.id });
    const total = KEPT_LOGS + 600;
    services.db.tx(() => {
      for (let i = 0; i < total; i++) appendLog(services, session.id, "output", `line ${i}\n`);
    });
    const kept = server.db.get<{ n: number }>(
      "SELECT count(*) AS n FROM cn_session_logs WHERE session_id = ?",
      session.id,
    )!.n;
    expect(kept).toBeGreaterThanOrEqual(KEPT_LOGS);
    expect(kept).toBeLessThan(total);
    const latest = await nest.sessions.logs({ id: session.id, limit: 2 });
    expect(latest.map((l) => l.data)).toEqual([`line ${total - 2}\n`, `line ${total - 1}\n`]);
  });

  it("knows whose a session is", async () => {
    const { nest, machine, services } = await start();
    const { session } = await nest.sessions.create({ machine: machine.id });
    const { user } = await nest.auth.me();
    expect(sessionOwner(services, session.id)).toBe(user.id);
    expect(sessionOwner(services, "no-such-session")).toBeUndefined();
  });

  it("ends sessions whose process belonged to a previous server on the same database", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nest-db-"));
    try {
      const db = join(dir, "nest.db");
      const first = await start({ db, exec: ["bash"] });
      const { session } = await first.nest.sessions.create({ machine: first.machine.id });
      const idle = (await first.nest.sessions.create({ machine: first.machine.id, mode: "interactive" })).session;
      await first.nest.sessions.remove({ id: idle.id });
      expect(session.status).toBe("running");
      await first.server.close();

      const second = await createServer({ db });
      servers.push(second);
      const rows = second.db.all<{ id: string; status: string; status_message: string }>(
        "SELECT id, status, status_message FROM cn_sessions ORDER BY created_at, rowid",
      );
      expect(rows).toEqual([
        { id: session.id, status: "terminated", status_message: "The server restarted" },
        { id: idle.id, status: "terminated", status_message: "Terminated by request" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
