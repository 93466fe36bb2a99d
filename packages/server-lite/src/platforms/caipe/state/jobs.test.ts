import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CaipeSkills } from "@agentlane/sdk/caipe";
import { afterEach, beforeEach, expect, it } from "vitest";
import { Clock } from "../../../core/clock.ts";
import { createServer, type LiteServer } from "../../../server.ts";
import { packagedTemplates } from "../templates/index.ts";
import { QUEUE_MS, STEP_MS } from "./jobs.ts";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "caipe-db-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const adminOf = (server: LiteServer) =>
  new CaipeSkills({
    baseUrl: "http://lite.test/api",
    token: server.seedInfo.caipe!.adminToken,
    fetch: (input, init) => server.fetch(new Request(input, init)),
  });

it("a job goes on where it was after a restart on the same SQLite file: progress is the clock's", async () => {
  const db = join(dir, "caipe.db");
  const clock = new Clock();
  clock.freeze();
  const first = await createServer({ platform: "caipe", seed: true, db, clock });
  const job = await adminOf(first).scanJobs.start({ kind: "catalog" });
  clock.advance(QUEUE_MS + STEP_MS);
  expect((await adminOf(first).scanJobs.get({ id: job.id })).progress.scanned).toBe(2);
  await first.close();

  clock.advance(STEP_MS * 100);
  const second = await createServer({ platform: "caipe", seed: true, db, clock });
  try {
    const done = await adminOf(second).scanJobs.get({ id: job.id });
    expect(done).toMatchObject({ status: "succeeded", progress: { scanned: packagedTemplates().length } });
    expect(done.finished_at).toBe(
      clock.iso(Date.parse(job.created_at) + QUEUE_MS + STEP_MS * (packagedTemplates().length - 1)),
    );
  } finally {
    await second.close();
  }
});

it("reset empties every CAIPE table: configs, jobs and the policy are gone", async () => {
  const server = await createServer({ platform: "caipe", seed: true });
  try {
    const admin = adminOf(server);
    await admin.templates.import({ import_all: true });
    await admin.quarantine.update({ exclude_flagged_from_catalog: true });
    await server.reset();
    const again = await server.seed();
    const fresh = new CaipeSkills({
      baseUrl: "http://lite.test/api",
      token: again.caipe!.adminToken,
      fetch: (input, init) => server.fetch(new Request(input, init)),
    });
    expect(await fresh.configs.list()).toEqual([]);
    expect((await fresh.quarantine.get()).exclude_flagged_from_catalog).toBe(false);
  } finally {
    await server.close();
  }
});
