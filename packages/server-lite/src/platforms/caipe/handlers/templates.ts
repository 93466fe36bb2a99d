/**
 * @module
 * `POST /skills/templates/import`: packaged templates as built-in rows, each imported, skipped (already in the
 * store) or reported as an error (unknown template, id taken by another row).
 */
import type { TemplateImportResult } from "@agentlane/sdk/caipe/contract";
import { builtinRow, importedId } from "../state/builtins.ts";
import { packagedTemplates, templateById } from "../templates/index.ts";
import type { CaipeHandlers } from "./types.ts";

/** The `templates` handlers. */
export const templates: CaipeHandlers<"templates"> = {
  import({ body }, { services }) {
    const ids = body.import_all ? packagedTemplates().map((t) => t.id) : [...new Set(body.template_ids ?? [])];
    const result: TemplateImportResult = { imported: [], skipped: [], errors: [] };
    services.db.tx(() => {
      for (const templateId of ids) {
        const template = templateById(templateId);
        if (!template) {
          result.errors.push({ template_source_id: templateId, error: "unknown template" });
          continue;
        }
        if (services.configs.byTemplate(templateId)) {
          result.skipped.push({ template_source_id: templateId, reason: "already_imported" });
          continue;
        }
        const id = importedId(templateId);
        if (services.configs.row(id)) {
          result.errors.push({ template_source_id: templateId, error: `id collision: ${id}` });
          continue;
        }
        services.configs.insert(builtinRow(template, id, "helm_template_v1", services.clock));
        result.imported.push({ id, template_source_id: templateId });
      }
    });
    if (result.imported.length > 0) services.supervisor.refresh();
    return result;
  },
};
