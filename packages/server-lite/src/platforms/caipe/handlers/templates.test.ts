import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { importedId } from "../state/builtins.ts";
import { packagedTemplates } from "../templates/index.ts";
import { expectError } from "../testing/expect-error.ts";
import { type CaipeWorld, caipeWorld } from "../testing/world.ts";

let w: CaipeWorld;
beforeEach(async () => {
  w = await caipeWorld();
});
afterEach(async () => {
  await w.close();
  expect(w.unexpected).toEqual([]);
});

describe("template import", () => {
  it("imports the document's example as an is_system row skill-{slug}-{6 hex}, then skips it", async () => {
    const first = await w.user.caipe.templates.import({
      template_ids: ["incident-postmortem-report"],
      import_all: false,
    });
    expect(first.imported).toHaveLength(1);
    const id = first.imported[0]!.id;
    expect(id).toMatch(/^skill-incident-postmortem-report-[0-9a-f]{6}$/);
    expect(first).toEqual({
      imported: [{ id, template_source_id: "incident-postmortem-report" }],
      skipped: [],
      errors: [],
    });
    const row = await w.stranger.caipe.configs.get({ id });
    expect(row).toMatchObject({
      is_system: true,
      owner_id: "system",
      visibility: "global",
      name: "incident-postmortem-report",
      scan_status: "passed",
      metadata: { template_source_id: "incident-postmortem-report", import_kind: "helm_template_v1" },
    });
    expect(row.skill_content).toContain("blameless postmortem");
    expect(row.tasks[0]).toMatchObject({ display_text: "Incident postmortem report", subagent: "user_input" });

    const again = await w.admin.caipe.templates.import({ template_ids: ["incident-postmortem-report"] });
    expect(again).toEqual({
      imported: [],
      skipped: [{ template_source_id: "incident-postmortem-report", reason: "already_imported" }],
      errors: [],
    });
  });

  it("gives a template the same id on every server", () => {
    expect(importedId("incident-postmortem-report")).toBe(importedId("incident-postmortem-report"));
    expect(importedId("a")).not.toBe(importedId("b"));
  });

  it("imports all, reports unknown ids, and needs template_ids or import_all", async () => {
    const all = await w.user.caipe.templates.import({ import_all: true });
    expect(all.imported.map((i) => i.template_source_id)).toEqual(packagedTemplates().map((t) => t.id));
    const unknown = await w.user.caipe.templates.import({ template_ids: ["no-such-template"] });
    expect(unknown.errors).toEqual([{ template_source_id: "no-such-template", error: "unknown template" }]);
    const e = await expectError(w.user.caipe.templates.import({}), 400, "VALIDATION_ERROR");
    expect(e.message).toContain("Provide template_ids or import_all: true");
    await expectError(w.user.caipe.templates.import({ template_ids: [] }), 400, "VALIDATION_ERROR");
  });

  it("reports an id taken by another row as an error and writes nothing", async () => {
    const id = importedId("code-review-checklist");
    const { imported } = await w.user.caipe.templates.import({ template_ids: ["code-review-checklist"] });
    // The row lost its template link (hand-edited): its id still blocks a second import.
    w.services.configs.update(imported[0]!.id, { template_source_id: null });
    const result = await w.user.caipe.templates.import({ template_ids: ["code-review-checklist"] });
    expect(result.errors).toEqual([{ template_source_id: "code-review-checklist", error: `id collision: ${id}` }]);
  });
});

describe("seeding (admin)", () => {
  it("previews, seeds the missing templates with their template ids, and skips what template import added", async () => {
    await w.user.caipe.templates.import({ template_ids: ["code-review-checklist"] });
    const preview = await w.admin.caipe.seed.preview();
    expect(preview).toMatchObject({
      needsSeeding: true,
      existingCount: 1,
      templateCount: packagedTemplates().length,
      message: `${packagedTemplates().length - 1} templates need to be seeded`,
    });
    expect(preview.templates.find((t) => t.id === "code-review-checklist")?.seeded).toBe(true);
    const { data: result, status } = await w.admin.caipe.seed.apply().withResponse();
    expect(status).toBe(201);
    expect(result).toEqual({
      message: `Successfully seeded ${packagedTemplates().length - 1} templates (0 removed)`,
      seeded: packagedTemplates().length - 1,
      skipped: 1,
      removed: 0,
    });
    expect((await w.user.caipe.configs.get({ id: "kubernetes-troubleshooting" })).is_system).toBe(true);
    expect(await w.admin.caipe.seed.preview()).toMatchObject({
      needsSeeding: false,
      message: "All templates are already seeded",
    });
    const skipped = await w.user.caipe.templates.import({ template_ids: ["kubernetes-troubleshooting"] });
    expect(skipped.skipped).toEqual([{ template_source_id: "kubernetes-troubleshooting", reason: "already_imported" }]);
  });

  it("refuses users with 403", async () => {
    await expectError(w.user.caipe.seed.preview(), 403, "FORBIDDEN");
    await expectError(w.user.caipe.seed.apply(), 403, "FORBIDDEN");
    expect(await w.user.caipe.configs.list()).toEqual([]);
  });
});
