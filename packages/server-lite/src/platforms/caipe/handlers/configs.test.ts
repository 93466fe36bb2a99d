import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { expectError } from "../testing/expect-error.ts";
import { type Fake, fakeSupervisor, until } from "../testing/fakes.ts";
import { type CaipeWorld, caipeWorld, FLAGGED_CONTENT, newConfig } from "../testing/world.ts";

let w: CaipeWorld;
beforeEach(async () => {
  w = await caipeWorld();
});
afterEach(async () => {
  await w.close();
  expect(w.unexpected).toEqual([]);
});

describe("configs", () => {
  it("creates a config owned by the caller, private by default, scanned, with a skill-{slug}- id", async () => {
    const created = await w.user.caipe.configs.create(newConfig());
    expect(created.id).toMatch(/^skill-release-checklist-[a-z0-9]{9}$/);
    expect(created).toMatchObject({
      owner_id: "user@caipe.local",
      is_system: false,
      visibility: "private",
      shared_with_teams: null,
      scan_status: "passed",
      category: "Operations",
    });
    expect(created.scan_updated_at).toBe(w.server.clock.iso(Date.parse(created.created_at)));
    expect(await w.user.caipe.configs.get({ id: created.id })).toEqual(created);
    expect((await w.user.caipe.configs.list()).map((c) => c.id)).toEqual([created.id]);
  });

  it("answers 201 for a create", async () => {
    const { status } = await w.user.caipe.configs.create(newConfig()).withResponse();
    expect(status).toBe(201);
  });

  it("refuses a config without tasks, a bad visibility, or team visibility without teams", async () => {
    const a = await expectError(w.user.caipe.configs.create(newConfig({ tasks: [] })), 400, "VALIDATION_ERROR");
    expect(a.fieldErrors?.tasks).toBeDefined();
    await expectError(w.user.caipe.configs.create(newConfig({ visibility: "public" })), 400, "VALIDATION_ERROR");
    const c = await expectError(
      w.user.caipe.configs.create(newConfig({ visibility: "team" })),
      400,
      "VALIDATION_ERROR",
    );
    expect(c.fieldErrors?.shared_with_teams).toBeDefined();
    expect(await w.user.caipe.configs.list()).toEqual([]);
  });

  it("shows private rows to their owner only, team rows to the team, global rows to everyone", async () => {
    const mine = await w.user.caipe.configs.create(newConfig({ name: "Mine" }));
    const team = await w.user.caipe.configs.create(
      newConfig({ name: "Team", visibility: "team", shared_with_teams: ["platform"] }),
    );
    const everyone = await w.user.caipe.configs.create(newConfig({ name: "Everyone", visibility: "global" }));
    const ids = async (m: typeof w.user) => (await m.caipe.configs.list()).map((c) => c.id).sort();
    expect(await ids(w.user)).toEqual([mine.id, team.id, everyone.id].sort());
    expect(await ids(w.teammate)).toEqual([team.id, everyone.id].sort());
    expect(await ids(w.stranger)).toEqual([everyone.id]);
    await expectError(w.stranger.caipe.configs.get({ id: mine.id }), 404, "NOT_FOUND");
    await expectError(w.stranger.caipe.configs.get({ id: team.id }), 404, "NOT_FOUND");
  });

  it("lists built-in rows first, then newest first", async () => {
    const older = await w.user.caipe.configs.create(newConfig({ name: "Older" }));
    w.server.clock.advance(1000);
    const newer = await w.user.caipe.configs.create(newConfig({ name: "Newer" }));
    await w.user.caipe.templates.import({ template_ids: ["code-review-checklist"] });
    const list = await w.user.caipe.configs.list();
    expect(list.map((c) => c.name)).toEqual(["code-review-checklist", newer.name, older.name]);
  });

  it("updates the given fields by the id in the body, re-scans new content, and moves updated_at", async () => {
    const created = await w.user.caipe.configs.create(newConfig());
    w.server.clock.advance(5000);
    const updated = await w.user.caipe.configs.update({ id: created.id, skill_content: FLAGGED_CONTENT });
    expect(updated).toMatchObject({ id: created.id, name: created.name, scan_status: "flagged" });
    expect(updated.scan_summary).toContain("remote-script-pipe");
    expect(updated.updated_at).not.toBe(created.updated_at);
    const renamed = await w.user.caipe.configs.update({ id: created.id, name: "Renamed" });
    expect(renamed).toMatchObject({ name: "Renamed", scan_status: "flagged" });
  });

  it("switching away from team visibility drops the teams; an update needs a field", async () => {
    const created = await w.user.caipe.configs.create(
      newConfig({ visibility: "team", shared_with_teams: ["platform"] }),
    );
    const global = await w.user.caipe.configs.update({ id: created.id, visibility: "global" });
    expect(global).toMatchObject({ visibility: "global", shared_with_teams: null });
    await expectError(w.user.caipe.configs.update({ id: created.id }), 400, "VALIDATION_ERROR");
    await expectError(w.user.caipe.configs.update({ id: created.id, visibility: "team" }), 400, "VALIDATION_ERROR");
  });

  it("lets only the owner update or delete a row: 403 for a row others see, 404 for one they do not", async () => {
    const shared = await w.user.caipe.configs.create(newConfig({ visibility: "global" }));
    const hidden = await w.user.caipe.configs.create(newConfig());
    await expectError(w.stranger.caipe.configs.update({ id: shared.id, name: "x" }), 403, "FORBIDDEN");
    await expectError(w.stranger.caipe.configs.remove({ id: shared.id }), 403, "FORBIDDEN");
    await expectError(w.stranger.caipe.configs.update({ id: hidden.id, name: "x" }), 404, "NOT_FOUND");
    await expectError(w.stranger.caipe.configs.remove({ id: hidden.id }), 404, "NOT_FOUND");
    expect((await w.user.caipe.configs.get({ id: shared.id })).name).toBe(shared.name);
  });

  it("lets anyone signed in change or delete a built-in row, as the real route does", async () => {
    const { imported } = await w.admin.caipe.templates.import({ template_ids: ["release-notes-writer"] });
    const id = imported[0]!.id;
    expect((await w.stranger.caipe.configs.update({ id, description: "Edited" })).description).toBe("Edited");
    expect(await w.stranger.caipe.configs.remove({ id })).toEqual({ id, message: "Agent config deleted successfully" });
    await expectError(w.user.caipe.configs.get({ id }), 404, "NOT_FOUND");
  });

  it("deletes by ?id=, and a second delete is 404", async () => {
    const created = await w.user.caipe.configs.create(newConfig());
    expect(await w.user.caipe.configs.remove({ id: created.id })).toEqual({
      id: created.id,
      message: "Agent config deleted successfully",
    });
    await expectError(w.user.caipe.configs.remove({ id: created.id }), 404, "NOT_FOUND");
  });

  it("needs a token: 401 UNAUTHORIZED without one or with an unknown one", async () => {
    await expectError(w.anonymous.configs.list(), 401, "UNAUTHORIZED");
    await expectError(w.client("caipe_not-a-token").configs.list(), 401, "UNAUTHORIZED");
  });
});

describe("the supervisor on writes", () => {
  let supervisor: Fake;
  afterEach(async () => {
    await supervisor.close();
  });

  it("is asked to refresh after each write, and its scan-content verdict can flag what the local scan passes", async () => {
    supervisor = await fakeSupervisor({ scan_status: "flagged", scan_summary: "supervisor: suspicious tool use" });
    w.services.settings.supervisorUrl = supervisor.url;
    const created = await w.user.caipe.configs.create(newConfig());
    expect(created).toMatchObject({ scan_status: "flagged", scan_summary: "supervisor: suspicious tool use" });
    const scanCall = supervisor.calls.find((c) => c.path === "/skills/scan-content");
    expect(scanCall?.body).toMatchObject({ skill_id: created.id, name: created.name });
    await until(() => supervisor.calls.some((c) => c.path === "/skills/refresh?include_hubs=false"));
    await w.user.caipe.configs.remove({ id: created.id });
    await until(() => supervisor.calls.filter((c) => c.path.startsWith("/skills/refresh")).length === 2);
    expect(supervisor.calls.every((c) => c.method === "POST")).toBe(true);
  });

  it("never makes a local finding better: a passing supervisor leaves flagged content flagged", async () => {
    supervisor = await fakeSupervisor({ scan_status: "passed" });
    w.services.settings.supervisorUrl = supervisor.url;
    const created = await w.user.caipe.configs.create(newConfig({ skill_content: FLAGGED_CONTENT }));
    expect(created.scan_status).toBe("flagged");
  });

  it("a supervisor that cannot be reached fails no write", async () => {
    supervisor = await fakeSupervisor();
    await supervisor.close();
    w.services.settings.supervisorUrl = supervisor.url;
    const created = await w.user.caipe.configs.create(newConfig());
    expect(created.scan_status).toBe("passed");
    await w.services.supervisor.drain();
    expect(w.services.supervisor.failures.length).toBeGreaterThan(0);
  });
});
