/**
 * @module
 * `GET /api/skills`: the merged catalog to browse (packaged templates, persisted configs and hub skills), with the
 * real route's filters beside the planned `scan_status` and `quarantine`.
 *
 * Choices where the document is short ("query/response shape: unchanged from current implementation"):
 * - The shape is the real route's: `{skills: [...], meta: {total, page?, page_size?, has_more?, sources_loaded,
 *   unavailable_sources}}`, carried as the envelope's `data` (the real route answers it bare; the SDK reads both).
 * - Without `page` every match is answered (the real route's backward-compatible mode); with it, pages of
 *   `page_size` (1 to 100, default 50) and `has_more`. The SDK's iterator asks page after page.
 * - `source` is `default` (packaged templates), `agent_skills` (persisted configs) or `hub`; `tags` is a
 *   comma-separated list matching any tag; `visibility` reads a config's visibility (templates and hub skills
 *   are `global`); `q` matches name and description, case-insensitively.
 * - `scan_status` is a comma-separated list of `passed`, `flagged`, `unscanned`.
 * - The quarantine policy (`quarantine-policy`) decides what a flagged skill does in the catalog: it leaves it
 *   (`exclude_flagged_from_catalog: true`) or stays with `runnable: false` and `blocked_reason: "scan_flagged"`.
 *   A skill on `allow_list_skill_ids` is never quarantined. The `quarantine` filter: `exclude` leaves quarantined
 *   skills out whatever the policy; `only` answers only them (under an excluding policy, only to admins:
 *   others get none). Quarantined configs stay readable through `configs`.
 * - `content` is `null` unless `include_content=true`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Metadata, ScanStatusSchema, SkillId, Timestamp } from "./common.ts";
import { catalogMetaExample, catalogSkillExample, entity } from "./examples.ts";

/** The zod schema of {@link CatalogSource}. */
export const CatalogSourceSchema = z.enum(["default", "agent_skills", "hub"]);
/** Where a catalog skill comes from: a packaged template, a persisted config, or a hub repository. */
export type CatalogSource = z.output<typeof CatalogSourceSchema>;

/** The zod schema of {@link CatalogSkill}. */
export const CatalogSkillSchema = entity(
  z.object({
    id: SkillId,
    name: z.string(),
    description: z.string(),
    source: CatalogSourceSchema,
    /** The owner of a config, the hub id of a hub skill, `null` for templates. */
    source_id: z.string().nullable(),
    /** The SKILL.md text, with `include_content=true`. */
    content: z.string().nullable(),
    /** `tags`, `category`, `visibility`, `is_system`, `hub_location`, ... */
    metadata: Metadata,
    scan_status: ScanStatusSchema.optional(),
    scan_summary: z.string().optional(),
    scan_updated_at: Timestamp.optional(),
    /** `false` for a quarantined skill the policy keeps in the catalog. @default true */
    runnable: z.boolean().optional(),
    /** Why `runnable` is `false`. */
    blocked_reason: z.literal("scan_flagged").optional(),
  }),
  { name: "Skill", example: catalogSkillExample },
);
/** One skill of the merged catalog. */
export interface CatalogSkill extends z.output<typeof CatalogSkillSchema> {}

/** The zod schema of {@link CatalogMeta}. */
export const CatalogMetaSchema = entity(
  z.object({
    /** Matches of the filters, over every page. */
    total: z.number().int(),
    page: z.number().int().optional(),
    page_size: z.number().int().optional(),
    has_more: z.boolean().optional(),
    sources_loaded: z.array(z.string()),
    unavailable_sources: z.array(z.string()),
  }),
  { name: "CatalogMeta", example: catalogMetaExample },
);
/** The catalog's counts and which sources answered. */
export interface CatalogMeta extends z.output<typeof CatalogMetaSchema> {}

/** The zod schema of {@link Catalog}. */
export const CatalogSchema = z.object({ skills: z.array(CatalogSkillSchema), meta: CatalogMetaSchema });
/** A page of the merged catalog. */
export interface Catalog extends z.output<typeof CatalogSchema> {}

const csv = z.string().max(1000);

/** The zod schema of {@link CatalogQuery}. */
export const CatalogQuerySchema = z.object({
  q: z.string().max(200).optional(),
  source: CatalogSourceSchema.optional(),
  /** `owner/repo` of a hub skill's repository. */
  repo: z.string().max(200).optional(),
  /** Comma-separated tags; a skill matches when it has any of them. */
  tags: csv.optional(),
  visibility: z.enum(["private", "team", "global"]).optional(),
  include_content: z.enum(["true", "false"]).optional(),
  page: z.coerce.number<number>().int().min(1).max(100_000).optional(),
  page_size: z.coerce.number<number>().int().min(1).max(100).optional(),
  /** Comma-separated scan statuses (`passed,unscanned`). */
  scan_status: csv
    .refine(
      (value) => value.split(",").every((s) => ScanStatusSchema.safeParse(s.trim()).success),
      "scan_status takes passed, flagged and unscanned, separated by commas",
    )
    .optional(),
  quarantine: z.enum(["exclude", "only"]).optional(),
});
/** The catalog's filters. */
export interface CatalogQuery extends z.input<typeof CatalogQuerySchema> {}

const list = endpoint({
  method: "GET",
  path: "/skills",
  section: "Catalog",
  summary: "The merged skill catalog, filtered",
  auth: "catalog",
  query: CatalogQuerySchema,
  response: named<Catalog>(CatalogSchema),
  paginated: true,
  items: "skills",
  note: "scan_status and quarantine are the planned filters (FR-011 to FR-016)",
});

/** The catalog resource. */
export const catalog = { list };
