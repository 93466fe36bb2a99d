/**
 * @module
 * §8 Plugin Marketplace: Claude Code plugins (skills, commands, agents and hooks packed together), their
 * download packages and recommendations.
 *
 * Choices where the document is vague:
 * - `search`, `tags`, `category` filter like the skills list; `sort` is `popular` (downloads, the default),
 *   `newest`, `updated` or `rating`.
 * - The download is a real gzipped tarball (npm's layout, under `package/`) that server-lite builds from the
 *   plugin's files; `downloadUrl` serves it without a key, and `sha256` and `size` are its digest and byte
 *   length. `files` lists what it holds besides `package.json`. Each download-info request counts a download.
 * - Recommendations are a rule anyone can read: each plugin lists the project types, languages, frameworks and
 *   tools it suits, with weights (project type 0.3, language 0.2, each framework 0.25, each tool 0.2); the score
 *   is the sum of what matches (at most 1), the skill level adds 0.05 when it is one the plugin targets.
 *   Plugins the context says are installed, and plugins with no match, are left out. `confidence` is the share of
 *   the context's signals that matched; `reason` names the best match, in both languages. `total` counts every
 *   plugin with a match, `limit` (default 10) how many are answered.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import {
  CompatibilitySchema,
  ListParam,
  LocalizedSchema,
  PageQuery,
  PaginationSchema,
  Timestamp,
  VersionEntrySchema,
} from "./common.ts";
import { entity, pluginExample } from "./examples.ts";

/** The zod schema of {@link PluginSummary}. */
export const PluginSummarySchema = entity(
  z.object({
    id: z.string(),
    name: LocalizedSchema,
    description: LocalizedSchema,
    category: z.string(),
    version: z.string(),
    author: z.string(),
    tags: z.array(z.string()),
    downloads: z.number().int(),
    rating: z.number(),
    /** Bytes of the download package. */
    size: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
  { name: "Plugin", example: pluginExample },
);
/** §8 List Plugins: a plugin as listed. */
export interface PluginSummary extends z.output<typeof PluginSummarySchema> {}

/** The zod schema of {@link PluginPage}. */
export const PluginPageSchema = z.object({ plugins: z.array(PluginSummarySchema), pagination: PaginationSchema });
/** A page of plugins. */
export interface PluginPage extends z.output<typeof PluginPageSchema> {}

/** The zod schema of {@link PluginListQuery}. */
export const PluginListQuerySchema = z.object({
  category: z.string().max(100).optional(),
  search: z.string().max(200).optional(),
  tags: ListParam.optional(),
  ...PageQuery,
  /** @default "popular" */
  sort: z.enum(["popular", "newest", "updated", "rating"]).optional(),
});
/** §8 List Plugins: filters, page and order. */
export interface PluginListQuery extends z.output<typeof PluginListQuerySchema> {}

const Part = z.object({ id: z.string(), name: z.string() });

/** The zod schema of {@link Plugin}. */
export const PluginSchema = PluginSummarySchema.extend({
  longDescription: z.string(),
  license: z.string(),
  ratingCount: z.number().int(),
  skills: z.array(Part),
  agents: z.array(Part),
  mcpServices: z.array(Part),
  workflows: z.array(Part),
  homepage: z.string().nullable(),
  repository: z.string().nullable(),
  icon: z.string().nullable(),
  screenshots: z.array(z.string()),
  compatibility: CompatibilitySchema,
  versions: z.array(VersionEntrySchema),
});
/** §8 Get Plugin Details. */
export interface Plugin extends z.output<typeof PluginSchema> {}

/** The zod schema of {@link PluginDownload}. */
export const PluginDownloadSchema = z.object({
  pluginId: z.string(),
  version: z.string(),
  downloadUrl: z.string(),
  /** Hex SHA-256 of the package's bytes. */
  sha256: z.string(),
  size: z.number().int(),
  installInstructions: z.object({ type: z.string(), command: z.string() }),
  files: z.array(
    z.object({ path: z.string(), type: z.enum(["skill", "command", "agent", "hook", "workflow", "doc"]) }),
  ),
});
/** §8 Download Plugin: where the package is and how to check it. */
export interface PluginDownload extends z.output<typeof PluginDownloadSchema> {}

/** The zod schema of {@link RecommendationsBody}. */
export const RecommendationsBodySchema = z.object({
  context: z.object({
    projectType: z.string().max(50).optional(),
    language: z.string().max(50).optional(),
    frameworks: z.array(z.string().min(1).max(50)).max(50).optional(),
    tools: z.array(z.string().min(1).max(50)).max(50).optional(),
    installedPlugins: z.array(z.string().min(1).max(100)).max(200).optional(),
    skillLevel: z.enum(["beginner", "intermediate", "advanced"]).optional(),
  }),
  /** @default 10 */
  limit: z.number().int().min(1).max(50).optional(),
});
/** §8 Get Recommendations: the project's context. */
export interface RecommendationsBody extends z.output<typeof RecommendationsBodySchema> {}

/** The zod schema of {@link PluginRecommendations}. */
export const PluginRecommendationsSchema = z.object({
  recommendations: z.array(
    z.object({
      plugin: z.object({
        id: z.string(),
        name: LocalizedSchema,
        category: z.string(),
        downloads: z.number().int(),
        rating: z.number(),
      }),
      score: z.number(),
      reason: LocalizedSchema,
      confidence: z.number(),
    }),
  ),
  total: z.number().int(),
});
/** Plugins recommended for the context, best first. */
export interface PluginRecommendations extends z.output<typeof PluginRecommendationsSchema> {}

const PluginIdParams = z.object({ id: z.string().min(1).max(100) });

const list = endpoint({
  method: "GET",
  path: "/plugins",
  section: "§8 List Plugins",
  summary: "List plugins, filtered and sorted",
  auth: "optional",
  query: named<PluginListQuery, z.input<typeof PluginListQuerySchema>>(PluginListQuerySchema),
  response: named<PluginPage>(PluginPageSchema),
  paginated: true,
  items: "plugins",
});

const get = endpoint({
  method: "GET",
  path: "/plugins/{id}",
  section: "§8 Get Plugin Details",
  summary: "Get a plugin's details",
  auth: "optional",
  params: PluginIdParams,
  response: named<Plugin>(PluginSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const download = endpoint({
  method: "GET",
  path: "/plugins/{id}/download",
  section: "§8 Download Plugin",
  summary: "Get a plugin's download package: URL, SHA-256, size and files",
  auth: "optional",
  params: PluginIdParams,
  response: named<PluginDownload>(PluginDownloadSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const recommendations = endpoint({
  method: "POST",
  path: "/plugins/recommendations",
  section: "§8 Get Recommendations",
  summary: "Recommend plugins for a project's context",
  auth: "user",
  body: named<RecommendationsBody>(RecommendationsBodySchema),
  response: named<PluginRecommendations>(PluginRecommendationsSchema),
});

/** The plugin marketplace endpoints. */
export const plugins = { list, get, download, recommendations };
