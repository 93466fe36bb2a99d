/**
 * @module
 * Shapes shared by several CCJK Cloud resources. Wire names stay as documented (camelCase).
 *
 * Choices where the document is vague:
 * - Bilingual text is `{en, "zh-CN"}` everywhere the document shows it so (details, categories, MCP services,
 *   plugins); only the skills list localizes it to one string, by its `lang` query (§5 List Skills).
 * - Every paginated list answers `data.pagination` as `{page, limit, total, totalPages}`; the document leaves
 *   `totalPages` out of the agents list only, and server-lite sends it there too (a client may ignore it).
 */
import { z } from "zod";
import { entity, paginationExample } from "./examples.ts";

/** ISO-8601 timestamp, as every CCJK example writes them. */
export const Timestamp = z.string();

/** The two languages CCJK documents. */
export const Lang = z.enum(["en", "zh-CN"]);
/** `en` or `zh-CN`. */
export type Lang = z.output<typeof Lang>;

/** The zod schema of {@link Localized}. */
export const LocalizedSchema = z.object({ en: z.string(), "zh-CN": z.string() });
/** Text in English and Simplified Chinese. */
export interface Localized extends z.output<typeof LocalizedSchema> {}

/** A localized text as a client sends it: English is required, Chinese falls back to English when left out. */
export const LocalizedInput = z.object({
  en: z.string().min(1).max(500),
  "zh-CN": z.string().min(1).max(500).optional(),
});

/** The zod schema of {@link Pagination}. */
export const PaginationSchema = entity(
  z.object({
    page: z.number().int(),
    limit: z.number().int(),
    total: z.number().int(),
    totalPages: z.number().int().optional(),
  }),
  { name: "Pagination", example: paginationExample },
);
/** `data.pagination` of a list. */
export interface Pagination extends z.output<typeof PaginationSchema> {}

/** `page` and `limit` of every paginated list (limit at most 100, default 20). */
export const PageQuery = {
  page: z.coerce.number<number>().int().min(1).max(1_000_000).optional(),
  limit: z.coerce.number<number>().int().min(1).max(100).optional(),
};

/** A list filter that may be repeated (`?tags=a&tags=b`) or comma-separated (`?tags=a,b`). */
export const ListParam = z
  .union([z.string().max(200), z.array(z.string().max(200)).max(20)])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter((s) => s.length > 0));

/** The zod schema of {@link Compatibility}. */
export const CompatibilitySchema = z.object({ ccjk: z.string(), claudeCode: z.string() });
/** The versions of ccjk and Claude Code something works with (semver ranges). */
export interface Compatibility extends z.output<typeof CompatibilitySchema> {}

/** The zod schema of {@link VersionEntry}. */
export const VersionEntrySchema = z.object({ version: z.string(), releaseDate: z.string(), changelog: z.string() });
/** One released version and what changed. */
export interface VersionEntry extends z.output<typeof VersionEntrySchema> {}

/** A catalog id (skills, plugins, MCP services): lower-case letters, digits and dashes. */
export const CatalogId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "Use lower-case letters, digits and dashes.");

/** A semantic version (`2.1.0`). */
export const SemVer = z
  .string()
  .max(50)
  .regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, "Use a semantic version such as 1.0.0.");
