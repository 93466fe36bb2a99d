/**
 * @module
 * `GET` and `POST /skills/seed` (admin): which packaged templates have a built-in row, and adding the missing ones.
 */
import { builtinRow } from "../state/builtins.ts";
import { packagedTemplates } from "../templates/index.ts";
import type { CaipeHandlers } from "./types.ts";

/** The `seed` handlers (admin). */
export const seed: CaipeHandlers<"seed"> = {
  preview(_input, { services }) {
    const templates = packagedTemplates().map((t) => ({
      id: t.id,
      name: t.name,
      seeded: services.configs.byTemplate(t.id) !== undefined || services.configs.row(t.id) !== undefined,
    }));
    const existingCount = templates.filter((t) => t.seeded).length;
    const needsSeeding = existingCount < templates.length;
    return {
      needsSeeding,
      existingCount,
      templateCount: templates.length,
      message: needsSeeding
        ? `${templates.length - existingCount} templates need to be seeded`
        : "All templates are already seeded",
      templates,
    };
  },

  apply(_input, { services }) {
    const { seeded, skipped } = services.db.tx(() => {
      let seeded = 0;
      let skipped = 0;
      for (const template of packagedTemplates()) {
        if (services.configs.byTemplate(template.id) || services.configs.row(template.id)) {
          skipped++;
          continue;
        }
        services.configs.insert(builtinRow(template, template.id, "seed", services.clock));
        seeded++;
      }
      return { seeded, skipped };
    });
    if (seeded > 0) services.supervisor.refresh();
    return { message: `Successfully seeded ${seeded} templates (0 removed)`, seeded, skipped, removed: 0 };
  },
};
