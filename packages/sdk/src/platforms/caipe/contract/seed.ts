/**
 * @module
 * `GET` and `POST /api/skills/seed`: whether the packaged templates are in the store as built-in configs, and
 * putting them there (admin flows).
 *
 * Choices where the document is short ("admin flows as today"):
 * - Both are admin-only (the real `POST` lets an anonymous caller seed for initial setup; server-lite creates
 *   its admin with `--seed`, so there is no such gap to cover).
 * - A seeded row's id is the template id (as the real route does) and it records `metadata.template_source_id`,
 *   so template import and seeding never make two built-in rows of one template: each skips a template the
 *   other already put in the store.
 * - Preview answers the real fields (`needsSeeding`, `existingCount`, `templateCount`, `message`) plus each
 *   template and whether it is in the store.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";

/** The zod schema of {@link SeedPreview}. */
export const SeedPreviewSchema = z.object({
  needsSeeding: z.boolean(),
  existingCount: z.number().int(),
  templateCount: z.number().int(),
  message: z.string(),
  templates: z.array(z.object({ id: z.string(), name: z.string(), seeded: z.boolean() })),
});
/** Whether seeding would add rows, and which templates are in the store. */
export interface SeedPreview extends z.output<typeof SeedPreviewSchema> {}

/** The zod schema of {@link SeedResult}. */
export const SeedResultSchema = z.object({
  message: z.string(),
  seeded: z.number().int(),
  skipped: z.number().int(),
  removed: z.number().int(),
});
/** How many templates were seeded and skipped (`removed` is always 0: no whitelist mode). */
export interface SeedResult extends z.output<typeof SeedResultSchema> {}

const preview = endpoint({
  method: "GET",
  path: "/skills/seed",
  section: "Supporting routes",
  summary: "Preview template seeding (admin)",
  auth: "admin",
  response: named<SeedPreview>(SeedPreviewSchema),
  errors: ["FORBIDDEN"],
});

const apply = endpoint({
  method: "POST",
  path: "/skills/seed",
  section: "Supporting routes",
  summary: "Seed the packaged templates as built-in configs (admin)",
  auth: "admin",
  response: named<SeedResult>(SeedResultSchema),
  status: 201,
  errors: ["FORBIDDEN"],
});

/** The seed resource. */
export const seed = { preview, apply };
