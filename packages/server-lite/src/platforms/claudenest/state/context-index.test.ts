import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { rankBm25 } from "../../../lib/bm25.ts";
import type { LiteServer } from "../../../server.ts";
import { Database } from "../../../store/database.ts";
import { migrations } from "../db/schema.ts";
import { newUser, onlineMachine, startServer } from "../testing/test-support.ts";
import { type ChunkRow, LIVE_CHUNK } from "./context.ts";
import { openContextIndex, searchContext } from "./context-index.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

const WORDS = "token rotation cache session login redis queue worker deploy build test lint schema index".split(" ");

/** Deterministic text of `n` words, picked by a linear congruential sequence from `seed`. */
function text(seed: number, n: number): string {
  let state = seed;
  return Array.from({ length: n }, () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return WORDS[state % WORDS.length];
  }).join(" ");
}

/** The ranking the search answered before the index: BM25 over every live chunk read, newest first. */
function rankedByReading(db: Database, projectId: string, query: string, now: number) {
  const chunks = db.all<ChunkRow>(
    `SELECT * FROM cn_context_chunks WHERE project_id = ? AND ${LIVE_CHUNK} ORDER BY seq DESC`,
    projectId,
    now,
  );
  const documents = chunks.map((c) => `${c.content}\n${(JSON.parse(c.files) as string[]).join(" ")}`);
  return rankBm25(query, documents).map((m) => ({ seq: chunks[m.index]!.seq, score: m.score }));
}

const rankedByIndex = (db: Database, projectId: string, query: string, now: number) =>
  searchContext(db, projectId, query, now).map((m) => ({ seq: m.index, score: m.score }));

async function project() {
  const { nest } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  return { nest, project: await nest.projects.create({ machine: machine.id, name: "p", project_path: "/p" }) };
}

describe("the context index", () => {
  it("ranks as reading every live chunk did, through additions, expiry and removals", async () => {
    const { nest, project: p } = await project();
    const other = await project();
    const added = [];
    for (let i = 0; i < 40; i++) {
      const expiresAt = i % 5 === 0 ? new Date(server.clock.now() + (i + 1) * 60_000).toISOString() : undefined;
      added.push(
        await nest.context.addChunk({
          project: p.id,
          content: text(i + 1, 5 + (i % 7)),
          type: "context_update",
          files: i % 3 === 0 ? ["src/tokenCache.ts"] : [],
          ...(expiresAt ? { expires_at: expiresAt } : {}),
        }),
      );
      await other.nest.context.addChunk({
        project: other.project.id,
        content: text(i + 99, 6),
        type: "context_update",
      });
    }
    const queries = ["token rotation", "cache", "redis queue worker", "tokens cached", "nothing here"];
    const check = () => {
      for (const query of queries) {
        const now = server.clock.now();
        expect(rankedByIndex(server.db, p.id, query, now)).toEqual(rankedByReading(server.db, p.id, query, now));
      }
    };
    check();
    server.clock.advance(10 * 60_000); // some chunks expire
    check();
    for (const chunk of added.slice(10, 20)) await nest.context.removeChunk({ project: p.id, chunkId: chunk.id });
    check();
    server.db.run("UPDATE cn_context_chunks SET content = 'redis redis redis' WHERE id = ?", added[25]!.id);
    check();
  });

  it("leaves no entry behind when a project is deleted or the server reset", async () => {
    const { nest, project: p } = await project();
    await nest.context.addChunk({ project: p.id, content: "token rotation", type: "context_update" });
    const rows = () =>
      ["cn_context_terms", "cn_context_lengths", "cn_context_totals"].map(
        (table) => server.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n,
      );
    expect(rows()).toEqual([2, 1, 1]);
    await nest.projects.remove({ id: p.id });
    expect(rows()).toEqual([0, 0, 0]);
    const next = await project();
    await next.nest.context.addChunk({ project: next.project.id, content: "cache", type: "context_update" });
    expect(rows()).toEqual([1, 1, 1]);
    await server.reset();
    expect(rows()).toEqual([0, 0, 0]);
  });

  it("answers the same after a snapshot is restored", async () => {
    const { nest, project: p } = await project();
    for (let i = 0; i < 10; i++)
      await nest.context.addChunk({ project: p.id, content: text(i + 7, 8), type: "context_update" });
    const before = rankedByIndex(server.db, p.id, "token cache", server.clock.now());
    expect(before.length).toBeGreaterThan(0);
    await server.restore(server.snapshot());
    expect(rankedByIndex(server.db, p.id, "token cache", server.clock.now())).toEqual(before);
  });

  it("indexes the chunks of a store made before the index when it is first opened", () => {
    const db = new Database(":memory:");
    try {
      const index = migrations.findIndex((m) => m.id === "claudenest-070-context-index");
      db.migrate(migrations.slice(0, index));
      // Chunks alone, as an older server stored them; their project's rows do not matter to the index.
      db.sqlite.exec("PRAGMA foreign_keys = OFF");
      for (let i = 0; i < 5; i++)
        db.run(
          "INSERT INTO cn_context_chunks (id, project_id, content, type, created_at) VALUES (?, 'p', ?, 'context_update', '')",
          `c${i}`,
          text(i + 3, 6),
        );
      db.migrate(migrations);
      openContextIndex(db);
      expect(rankedByIndex(db, "p", "token login", 0)).toEqual(rankedByReading(db, "p", "token login", 0));
      expect(db.get("SELECT 1 FROM cn_context_index_pending")).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
