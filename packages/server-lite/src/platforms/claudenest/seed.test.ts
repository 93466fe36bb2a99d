/**
 * @module
 * What `--seed` gives a ClaudeNest user: an account, a token, and the demo machine's own token, with which an
 * agent acts as that machine (and brings it online) without pairing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, expectTypeOf, it } from "vitest";
import { createServer } from "../../server.ts";
import type { ClaudeNestSeedInfo } from "./seed.ts";
import { clientFor } from "./testing/test-support.ts";

const dir = mkdtempSync(join(tmpdir(), "agentlane-seed-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("prints the demo machine's token, and a new one each time it seeds the same store", async () => {
  const db = join(dir, "seed.db");
  const first = await createServer({ db, seed: true, platform: "claudenest" });
  expectTypeOf(first.seedInfo.claudenest).toEqualTypeOf<Readonly<ClaudeNestSeedInfo> | undefined>();
  const info = first.seedInfo.claudenest!;
  expect(info).toMatchObject({ machineId: expect.any(String), machineToken: expect.stringMatching(/^mn_/) });
  const agent = clientFor(first, info.machineToken, { baseUrl: "http://lite.test/api" });
  await expect(agent.machines.get({ id: info.machineId })).resolves.toMatchObject({
    name: "Demo Workstation",
    status: "online",
  });
  await first.close();

  const second = await createServer({ db, seed: true, platform: "claudenest" });
  const again = second.seedInfo.claudenest!;
  expect(again.machineId).toBe(info.machineId);
  const old = clientFor(second, info.machineToken, { baseUrl: "http://lite.test/api" });
  await expect(old.machines.get({ id: info.machineId })).rejects.toMatchObject({ status: 401 });
  const fresh = clientFor(second, again.machineToken, { baseUrl: "http://lite.test/api" });
  await expect(fresh.machines.get({ id: info.machineId })).resolves.toMatchObject({ id: info.machineId });
  await second.close();
});
