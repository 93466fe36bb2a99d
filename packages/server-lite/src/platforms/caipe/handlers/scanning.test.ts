import type { ScanJob } from "@agentlane/sdk/caipe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QUEUE_MS, STEP_MS } from "../state/jobs.ts";
import { packagedTemplates } from "../templates/index.ts";
import { expectError } from "../testing/expect-error.ts";
import { type Fake, fakeGithub, fakeSupervisor, until } from "../testing/fakes.ts";
import { type CaipeWorld, caipeWorld, FLAGGED_CONTENT, newConfig } from "../testing/world.ts";

let w: CaipeWorld;
beforeEach(async () => {
  w = await caipeWorld();
});
afterEach(async () => {
  await w.close();
  expect(w.unexpected).toEqual([]);
});

const TEMPLATES = packagedTemplates().length;

describe("catalog scan jobs", () => {
  it("queue, then scan one skill per second of server time until they succeed", async () => {
    const bad = await w.user.caipe.configs.create(newConfig({ name: "Bad", visibility: "global" }));
    // Written behind the scan-on-save's back: only a job can find it.
    w.services.configs.update(bad.id, { skill_content: FLAGGED_CONTENT, scan_status: "unscanned" });
    const { data: job, status } = await w.admin.caipe.scanJobs.start({ kind: "catalog" }).withResponse();
    expect(status).toBe(202);
    expect(job).toMatchObject({ kind: "catalog", status: "queued", hub_id: null, created_by: "admin@caipe.local" });
    expect(job.progress).toEqual({ total: TEMPLATES + 1, scanned: 0, passed: 0, flagged: 0, unscanned: 0 });

    w.server.clock.advance(QUEUE_MS - 1);
    expect((await w.admin.caipe.scanJobs.get({ id: job.id })).status).toBe("queued");
    w.server.clock.advance(1);
    const running = await w.admin.caipe.scanJobs.get({ id: job.id });
    expect(running).toMatchObject({ status: "running", progress: { scanned: 1 } });
    expect(running.started_at).toBe(w.server.clock.iso());

    w.server.clock.advance(STEP_MS * TEMPLATES);
    const done = await w.admin.caipe.scanJobs.get({ id: job.id });
    expect(done).toMatchObject({
      status: "succeeded",
      progress: { total: TEMPLATES + 1, scanned: TEMPLATES + 1, passed: TEMPLATES, flagged: 1, unscanned: 0 },
      flagged_skill_ids: [bad.id],
      error: null,
    });
    expect(done.summary).toContain("1 flagged");
    expect((await w.user.caipe.configs.get({ id: bad.id })).scan_status).toBe("flagged");
    const { skills } = await w.user.caipe.catalog.list({ source: "default" });
    expect(skills.every((s) => s.scan_status === "passed")).toBe(true);
  });

  it("a job over nothing new still ends, and a finished job stays as it ended", async () => {
    const job = await w.admin.caipe.scanJobs.start({ kind: "catalog" });
    w.server.clock.advance(QUEUE_MS + STEP_MS * 100);
    const done = await w.admin.caipe.scanJobs.get({ id: job.id });
    expect(done.status).toBe("succeeded");
    w.server.clock.advance(STEP_MS * 100);
    expect(await w.admin.caipe.scanJobs.get({ id: job.id })).toEqual(done);
  });

  it("cancel stops a running job where it is; what it scanned stays scanned; a second cancel is 409", async () => {
    const job = await w.admin.caipe.scanJobs.start({ kind: "catalog" });
    w.server.clock.advance(QUEUE_MS + STEP_MS);
    const cancelled = await w.admin.caipe.scanJobs.cancel({ id: job.id });
    expect(cancelled).toMatchObject({ status: "cancelled", progress: { scanned: 2 } });
    expect(cancelled.finished_at).toBe(w.server.clock.iso());
    w.server.clock.advance(STEP_MS * 100);
    expect((await w.admin.caipe.scanJobs.get({ id: job.id })).progress.scanned).toBe(2);
    const scanned = (await w.user.caipe.catalog.list({ source: "default" })).skills.filter((s) => s.scan_status);
    expect(scanned).toHaveLength(2);
    await expectError(w.admin.caipe.scanJobs.cancel({ id: job.id }), 409, "JOB_FINISHED");
  });

  it("only admins start catalog jobs, one at a time", async () => {
    await expectError(w.user.caipe.scanJobs.start({ kind: "catalog" }), 403, "FORBIDDEN");
    await w.admin.caipe.scanJobs.start({ kind: "catalog" });
    await expectError(w.admin.caipe.scanJobs.start({ kind: "catalog" }), 409, "JOB_ALREADY_RUNNING");
    w.server.clock.advance(QUEUE_MS + STEP_MS * 100);
    expect((await w.admin.caipe.scanJobs.start({ kind: "catalog" })).status).toBe("queued");
  });

  it("a job is seen by whoever started it and by admins; others get 404", async () => {
    const job = await w.admin.caipe.scanJobs.start({ kind: "catalog" });
    await expectError(w.user.caipe.scanJobs.get({ id: job.id }), 404, "NOT_FOUND");
    await expectError(w.user.caipe.scanJobs.cancel({ id: job.id }), 404, "NOT_FOUND");
    await expectError(w.admin.caipe.scanJobs.get({ id: "scanjob-none" }), 404, "NOT_FOUND");
    await expectError(w.admin.caipe.scanJobs.start({ kind: "catalog", hub_id: "x" } as never), 400, "VALIDATION_ERROR");
  });

  it("jobs.watch follows a job to its end on the server clock and then ends", async () => {
    const job = await w.admin.caipe.scanJobs.start({ kind: "catalog" });
    const watcher = w.admin.caipe.scanJobs.watch(job.id, { interval: 5 });
    const seen: ScanJob[] = [];
    const done = (async () => {
      for await (const { data } of watcher) seen.push(data);
    })();
    await until(() => seen.length === 1);
    expect(seen[0]!.status).toBe("queued");
    w.server.clock.advance(QUEUE_MS);
    await until(() => seen.length === 2);
    expect(seen[1]).toMatchObject({ status: "running", progress: { scanned: 1 } });
    w.server.clock.advance(STEP_MS * TEMPLATES);
    await done;
    expect(seen.at(-1)).toMatchObject({ status: "succeeded", progress: { scanned: TEMPLATES } });
    expect(watcher.status).toBe("closed");
  });

  it("jobs.watch ends on a cancelled job too", async () => {
    const job = await w.admin.caipe.scanJobs.start({ kind: "catalog" });
    const watcher = w.admin.caipe.scanJobs.watch(job.id, { interval: 5 });
    const statuses: string[] = [];
    watcher.on("update", (j) => statuses.push(j.status));
    await until(() => statuses.length === 1);
    await w.admin.caipe.scanJobs.cancel({ id: job.id });
    await until(() => watcher.status === "closed");
    expect(statuses).toEqual(["queued", "cancelled"]);
  });
});

describe("hub scan jobs", () => {
  let github: Fake;
  afterEach(async () => {
    await github.close();
  });

  it("read the hub's skills through GitHub, scan them, and put them in the catalog", async () => {
    github = await fakeGithub({
      "acme/skills": {
        "skills/deploy/SKILL.md": "---\nname: deploy\ndescription: Deploy the app\ntags: [ops]\n---\n# Deploy\n",
        "skills/setup/SKILL.md": `---\nname: setup\ndescription: Set up a laptop\n---\n${FLAGGED_CONTENT}`,
        "README.md": "not a skill",
      },
    });
    Object.assign(w.services.settings, {
      githubApiUrl: github.url,
      hubs: [{ id: "acme", repo: "acme/skills", path: "skills" }],
    });
    const job = await w.user.caipe.scanJobs.start({ kind: "hub", hub_id: "acme" });
    expect(job).toMatchObject({ kind: "hub", hub_id: "acme", status: "queued", progress: { total: 2 } });
    w.server.clock.advance(QUEUE_MS + STEP_MS);
    expect(await w.user.caipe.scanJobs.get({ id: job.id })).toMatchObject({
      status: "succeeded",
      progress: { passed: 1, flagged: 1 },
      flagged_skill_ids: ["hub-acme-setup"],
    });
    const { skills, meta } = await w.user.caipe.catalog.list({ source: "hub" });
    expect(meta.sources_loaded).toContain("hub");
    expect(skills.map((s) => [s.id, s.scan_status, s.runnable])).toEqual([
      ["hub-acme-deploy", "passed", true],
      ["hub-acme-setup", "flagged", false],
    ]);
    expect(skills[0]).toMatchObject({ source_id: "acme", metadata: { hub_location: "acme/skills", tags: ["ops"] } });
    expect((await w.user.caipe.catalog.list({ source: "hub", repo: "acme/skills", tags: "ops" })).skills).toHaveLength(
      1,
    );
  });

  it("fail when the hub cannot be read, and the catalog says the hub is unavailable", async () => {
    github = await fakeGithub({}, { failing: true });
    Object.assign(w.services.settings, {
      githubApiUrl: github.url,
      hubs: [{ id: "acme", repo: "acme/skills", path: "" }],
    });
    const job = await w.user.caipe.scanJobs.start({ kind: "hub", hub_id: "acme" });
    expect(job).toMatchObject({ status: "failed", started_at: null });
    expect(job.error).toContain("HTTP 500");
    expect((await w.user.caipe.catalog.list()).meta.unavailable_sources).toEqual(["hub:acme"]);
    await expectError(w.user.caipe.scanJobs.cancel({ id: job.id }), 409, "JOB_FINISHED");
    await expectError(w.user.caipe.scanJobs.start({ kind: "hub", hub_id: "nope" }), 404, "NOT_FOUND");
  });
});

describe("quarantine policy", () => {
  it("starts permissive; only admins change it", async () => {
    expect(await w.user.caipe.quarantine.get()).toEqual({
      exclude_flagged_from_catalog: false,
      allow_list_skill_ids: [],
      updated_at: null,
      updated_by: null,
    });
    await expectError(w.user.caipe.quarantine.update({ exclude_flagged_from_catalog: true }), 403, "FORBIDDEN");
    const updated = await w.admin.caipe.quarantine.update({ exclude_flagged_from_catalog: true });
    expect(updated).toMatchObject({ exclude_flagged_from_catalog: true, updated_by: "admin@caipe.local" });
    expect(await w.user.caipe.quarantine.get()).toEqual(updated);
    await expectError(w.admin.caipe.quarantine.update({}), 400, "VALIDATION_ERROR");
  });

  it("marks, excludes or allows a flagged skill in the catalog; configs still read it", async () => {
    const bad = await w.user.caipe.configs.create(newConfig({ name: "Bad", skill_content: FLAGGED_CONTENT }));
    const find = async (query = {}) =>
      (await w.user.caipe.catalog.list({ source: "agent_skills", ...query })).skills.find((s) => s.id === bad.id);
    expect(await find()).toMatchObject({ scan_status: "flagged", runnable: false, blocked_reason: "scan_flagged" });
    expect(await find({ quarantine: "exclude" })).toBeUndefined();
    expect(await find({ quarantine: "only" })).toMatchObject({ runnable: false });

    await w.admin.caipe.quarantine.update({ exclude_flagged_from_catalog: true });
    expect(await find()).toBeUndefined();
    expect(await find({ quarantine: "only" })).toBeUndefined();
    expect((await w.user.caipe.configs.get({ id: bad.id })).scan_status).toBe("flagged");

    await w.admin.caipe.quarantine.update({ allow_list_skill_ids: [bad.id] });
    const allowed = await find();
    expect(allowed).toMatchObject({ scan_status: "flagged", runnable: true });
    expect(allowed?.blocked_reason).toBeUndefined();
  });

  it("filters the catalog by scan status", async () => {
    const bad = await w.user.caipe.configs.create(newConfig({ name: "Bad", skill_content: FLAGGED_CONTENT }));
    const good = await w.user.caipe.configs.create(newConfig({ name: "Good" }));
    const ids = async (scan_status: string) =>
      (await w.user.caipe.catalog.list({ scan_status })).skills.map((s) => s.id).sort();
    expect(await ids("flagged")).toEqual([bad.id]);
    expect(await ids("passed")).toEqual([good.id]);
    expect(await ids("passed,flagged")).toEqual([bad.id, good.id].sort());
    expect(await ids("unscanned")).toEqual(
      packagedTemplates()
        .map((t) => t.id)
        .sort(),
    );
    await expectError(w.user.caipe.catalog.list({ scan_status: "great" }), 400, "VALIDATION_ERROR");
  });
});

describe("re-scan", () => {
  it("an owner re-scans their own config and gets the findings", async () => {
    const created = await w.user.caipe.configs.create(newConfig());
    w.services.configs.update(created.id, { skill_content: FLAGGED_CONTENT });
    w.server.clock.advance(1000);
    const result = await w.user.caipe.scans.rescan({ skill_id: created.id });
    expect(result).toMatchObject({
      skill_id: created.id,
      scan_status: "flagged",
      scan_updated_at: w.server.clock.iso(),
    });
    expect(result.findings[0]).toMatchObject({ rule: "remote-script-pipe", severity: "high", line: 3 });
    expect((await w.user.caipe.configs.get({ id: created.id })).scan_status).toBe("flagged");
  });

  it("built-in rows and templates are re-scanned by admins; others' rows by nobody else", async () => {
    const { imported } = await w.user.caipe.templates.import({ template_ids: ["code-review-checklist"] });
    await expectError(w.user.caipe.scans.rescan({ skill_id: imported[0]!.id }), 403, "FORBIDDEN");
    await expectError(w.user.caipe.scans.rescan({ skill_id: "kubernetes-troubleshooting" }), 403, "FORBIDDEN");
    expect((await w.admin.caipe.scans.rescan({ skill_id: imported[0]!.id })).scan_status).toBe("passed");
    expect((await w.admin.caipe.scans.rescan({ skill_id: "kubernetes-troubleshooting" })).scan_status).toBe("passed");
    const shared = await w.user.caipe.configs.create(newConfig({ visibility: "global" }));
    const hidden = await w.user.caipe.configs.create(newConfig());
    await expectError(w.stranger.caipe.scans.rescan({ skill_id: shared.id }), 403, "FORBIDDEN");
    await expectError(w.stranger.caipe.scans.rescan({ skill_id: hidden.id }), 404, "NOT_FOUND");
    await expectError(w.user.caipe.scans.rescan({ skill_id: "no-such-skill" }), 404, "NOT_FOUND");
  });

  it("is mirrored to the supervisor, and a finished job asks it to refresh", async () => {
    const supervisor = await fakeSupervisor();
    try {
      w.services.settings.supervisorUrl = supervisor.url;
      await w.admin.caipe.scans.rescan({ skill_id: "release-notes-writer" });
      await until(() => supervisor.calls.some((c) => c.path === "/skills/re-scan"));
      expect(supervisor.calls.find((c) => c.path === "/skills/re-scan")?.body).toEqual({
        skill_id: "release-notes-writer",
      });
      const job = await w.admin.caipe.scanJobs.start({ kind: "catalog" });
      w.server.clock.advance(QUEUE_MS + STEP_MS * 100);
      expect((await w.admin.caipe.scanJobs.get({ id: job.id })).status).toBe("succeeded");
      await until(() => supervisor.calls.some((c) => c.path === "/skills/refresh?include_hubs=false"));
    } finally {
      await w.services.supervisor.drain();
      await supervisor.close();
    }
  });
});

describe("hub jobs started at once", () => {
  it("make one job: the second start is 409 while the first reads the hub", async () => {
    const github = await fakeGithub({ "acme/skills": { "a/SKILL.md": "# A\n" } });
    try {
      Object.assign(w.services.settings, {
        githubApiUrl: github.url,
        hubs: [{ id: "acme", repo: "acme/skills", path: "" }],
      });
      const results = await Promise.allSettled([
        w.user.caipe.scanJobs.start({ kind: "hub", hub_id: "acme" }),
        w.user.caipe.scanJobs.start({ kind: "hub", hub_id: "acme" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ status: 409, code: "JOB_ALREADY_RUNNING" });
    } finally {
      await github.close();
    }
  });
});
