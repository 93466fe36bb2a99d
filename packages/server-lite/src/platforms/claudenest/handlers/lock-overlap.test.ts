/**
 * Lock paths as the files they name: letter case ignored unless the project says otherwise (one file on macOS and
 * Windows), and a lock on a directory colliding with locks beneath it, both ways.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiteServer } from "../../../server.ts";
import { newUser, onlineMachine, startServer } from "../testing/test-support.ts";

let server: LiteServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await server.close();
});

async function project(settings?: Record<string, unknown>) {
  const { nest } = await newUser(server);
  const machine = await onlineMachine(server, nest);
  const created = await nest.projects.create({ machine: machine.id, name: "app", project_path: "/srv/app", settings });
  const lock = (path: string, instance_id: string) => nest.locks.acquire({ project: created.id, path, instance_id });
  return { nest, id: created.id, lock };
}

describe("lock paths", () => {
  it("treats paths that differ only in letter case as one lock by default", async () => {
    const { nest, id, lock } = await project();
    await lock("src/Auth.php", "instance_1");
    await expect(lock("src/auth.php", "instance_2")).rejects.toMatchObject({ status: 409, code: "LCK_001" });
    // The holder re-acquiring in other case refreshes its own lock: still one row, with its first spelling.
    await lock("SRC/AUTH.PHP", "instance_1");
    expect((await nest.locks.list({ project: id })).map((l) => l.path)).toEqual(["src/Auth.php"]);
    expect(await nest.locks.check({ project: id, path: "src/auth.PHP" })).toMatchObject({
      locked: true,
      locked_by: "instance_1",
    });
  });

  it("keeps them apart in a project whose paths are case-sensitive", async () => {
    const { lock } = await project({ caseSensitivePaths: true });
    await lock("src/Auth.php", "instance_1");
    await expect(lock("src/auth.php", "instance_2")).resolves.toMatchObject({ path: "src/auth.php" });
  });

  it("makes a directory lock cover the files beneath it, and refuses it over another's file lock", async () => {
    const { nest, id, lock } = await project();
    await lock("src/models", "instance_1");
    await expect(lock("src/models/user.ts", "instance_2")).rejects.toMatchObject({ code: "LCK_001" });
    expect(await nest.locks.check({ project: id, path: "src/models/user.ts" })).toMatchObject({
      locked: true,
      locked_by: "instance_1",
    });
    await lock("src/models/user.ts", "instance_1");
    await lock("lib/util.ts", "instance_2");
    await expect(lock("lib", "instance_1")).rejects.toMatchObject({ code: "LCK_001" });
    // A sibling whose name merely starts the same is not beneath it.
    await expect(lock("src/models-old", "instance_2")).resolves.toMatchObject({ path: "src/models-old" });
    const bulk = await nest.locks.bulk({
      project: id,
      paths: ["lib/util.ts/x", "docs/a.md"],
      instance_id: "instance_1",
    });
    expect(bulk).toMatchObject({ acquired: ["docs/a.md"], failed: ["lib/util.ts/x"] });
  });
});
