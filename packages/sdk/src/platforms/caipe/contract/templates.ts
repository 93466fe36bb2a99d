/**
 * @module
 * `POST /api/skills/templates/import`: packaged templates (shipped with the server) imported as built-in rows.
 *
 * As the document and the real route say: the row id is `skill-{slug}-{6 hex}` (the first six hex digits of
 * SHA-256 of `{template id}:system`, so the same template always gets the same id), the row records
 * `metadata.template_source_id`, and a template already in the store is skipped with `already_imported`.
 * Choices: a request needs `template_ids` (non-empty) or `import_all: true` (400 otherwise); an unknown template
 * id is reported in `errors` instead of being silently dropped.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { entity, templateImportExample, templateImportResultExample } from "./examples.ts";

/** The zod schema of {@link TemplateImportInput}. */
export const TemplateImportInputSchema = withExample(
  z
    .object({
      template_ids: z.array(z.string().min(1).max(200)).max(200).optional(),
      import_all: z.boolean().optional(),
    })
    .refine((body) => body.import_all === true || (body.template_ids?.length ?? 0) > 0, {
      message: "Provide template_ids or import_all: true",
      path: ["template_ids"],
    }),
  templateImportExample,
);
/** Which packaged templates to import. */
export interface TemplateImportInput extends z.input<typeof TemplateImportInputSchema> {}

/** The zod schema of {@link TemplateImportResult}. */
export const TemplateImportResultSchema = entity(
  z.object({
    imported: z.array(z.object({ id: z.string(), template_source_id: z.string() })),
    skipped: z.array(z.object({ template_source_id: z.string(), reason: z.string() })),
    errors: z.array(z.object({ template_source_id: z.string(), error: z.string() })),
  }),
  { name: "TemplateImportResult", example: templateImportResultExample },
);
/** What was imported, skipped and why, and what failed. */
export interface TemplateImportResult extends z.output<typeof TemplateImportResultSchema> {}

const importTemplates = endpoint({
  method: "POST",
  path: "/skills/templates/import",
  section: "Template import",
  summary: "Import packaged templates as system rows",
  auth: "user",
  body: TemplateImportInputSchema,
  response: named<TemplateImportResult>(TemplateImportResultSchema),
});

/** The templates resource. */
export const templates = { import: importTemplates };
