/**
 * @module
 * §7 MCP Services: a catalog of Model Context Protocol servers (real ones people use), their install per
 * account, and recommendations from a project's analysis.
 *
 * Choices where the document is vague:
 * - The list is not paginated (the document shows no pagination): every match, most popular first. `search`
 *   matches id, name, description, category and capabilities in both languages; `platform` keeps services that
 *   run there.
 * - Install is recorded per account; `configPath` is where the CLI writes the server's entry (`~/.claude.json`,
 *   as Claude Code reads it). A service that `requiresApiKey` needs its variables in `env` (the names in its
 *   `config.env`), else `VALIDATION_ERROR` naming them; the values are stored and never answered. Installing a
 *   service already installed is `RESOURCE_EXISTS`.
 * - Discovery is a rule anyone can read: each service lists the languages, frameworks and package managers it
 *   helps with, and a base confidence. A service is recommended when one of them matches (case-insensitively),
 *   with its base confidence plus 0.05 per further match (at most 0.99); services for every project (`always`)
 *   are recommended at their base. The reason names what matched. Services the caller installed are left out;
 *   results are ordered by confidence, then popularity.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { LocalizedSchema, Timestamp } from "./common.ts";
import { entity, mcpServiceExample } from "./examples.ts";

/** Where an MCP server runs. */
export const McpPlatform = z.enum(["windows", "macos", "linux"]);

/** The zod schema of {@link McpConfig}. */
export const McpConfigSchema = z.object({
  type: z.enum(["stdio", "http", "sse"]),
  command: z.string().optional(),
  args: z.array(z.string()).optional(),
  url: z.string().optional(),
  /** Variables the server reads, with empty values to fill in. */
  env: z.record(z.string(), z.string()).optional(),
});
/** How Claude Code starts or reaches the server. */
export interface McpConfig extends z.output<typeof McpConfigSchema> {}

/** The zod schema of {@link McpServiceSummary}. */
export const McpServiceSummarySchema = entity(
  z.object({
    id: z.string(),
    name: LocalizedSchema,
    description: LocalizedSchema,
    category: z.string(),
    version: z.string(),
    author: z.string(),
    requiresApiKey: z.boolean(),
    platforms: z.array(McpPlatform),
    config: McpConfigSchema,
    popularity: z.number(),
    rating: z.number(),
  }),
  { name: "McpService", example: mcpServiceExample },
);
/** §7 List MCP Services: a service as listed. */
export interface McpServiceSummary extends z.output<typeof McpServiceSummarySchema> {}

/** The zod schema of {@link McpServiceList}. */
export const McpServiceListSchema = z.object({ services: z.array(McpServiceSummarySchema) });
/** Every service that matches. */
export interface McpServiceList extends z.output<typeof McpServiceListSchema> {}

/** The zod schema of {@link McpServiceQuery}. */
export const McpServiceQuerySchema = z.object({
  category: z.string().max(100).optional(),
  platform: McpPlatform.optional(),
  search: z.string().max(200).optional(),
});
/** §7 List MCP Services: filters. */
export interface McpServiceQuery extends z.output<typeof McpServiceQuerySchema> {}

/** The zod schema of {@link McpService}. */
export const McpServiceSchema = McpServiceSummarySchema.extend({
  longDescription: z.string(),
  homepage: z.string(),
  repository: z.string(),
  capabilities: z.array(z.string()),
  permissions: z.array(z.string()),
  dependencies: z.array(z.string()),
  tools: z.array(z.object({ name: z.string(), description: z.string() })),
  icon: z.string().nullable(),
  downloads: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
/** §7 Get MCP Service Details. */
export interface McpService extends z.output<typeof McpServiceSchema> {}

/** The zod schema of {@link InstallMcpBody}. */
export const InstallMcpBodySchema = z.object({
  /** Values of the service's variables (its API key, say); stored, never answered. */
  env: z.record(z.string().max(100), z.string().max(2000)).optional(),
});
/** §7 Install MCP Service: not in the document, which shows no body; needed for services with keys. */
export interface InstallMcpBody extends z.output<typeof InstallMcpBodySchema> {}

/** The zod schema of {@link McpInstall}. */
export const McpInstallSchema = z.object({
  serviceId: z.string(),
  installedAt: Timestamp,
  configPath: z.string(),
  status: z.literal("active"),
});
/** An installed service. */
export interface McpInstall extends z.output<typeof McpInstallSchema> {}

/** The zod schema of {@link DiscoverBody}. */
export const DiscoverBodySchema = z.object({
  projectPath: z.string().min(1).max(1000),
  analysis: z.object({
    languages: z.array(z.string().min(1).max(50)).max(30).optional(),
    frameworks: z.array(z.string().min(1).max(50)).max(50).optional(),
    packageManager: z.string().max(50).optional(),
  }),
});
/** §7 Discover MCP Services: a project's analysis. */
export interface DiscoverBody extends z.output<typeof DiscoverBodySchema> {}

/** The zod schema of {@link McpRecommendations}. */
export const McpRecommendationsSchema = z.object({
  recommendations: z.array(z.object({ serviceId: z.string(), reason: z.string(), confidence: z.number() })),
});
/** Services recommended for the project, most confident first. */
export interface McpRecommendations extends z.output<typeof McpRecommendationsSchema> {}

const ServiceIdParams = z.object({ id: z.string().min(1).max(100) });

const list = endpoint({
  method: "GET",
  path: "/mcp/services",
  section: "§7 List MCP Services",
  summary: "List MCP services, filtered",
  auth: "optional",
  query: named<McpServiceQuery>(McpServiceQuerySchema),
  response: named<McpServiceList>(McpServiceListSchema),
});

const get = endpoint({
  method: "GET",
  path: "/mcp/services/{id}",
  section: "§7 Get MCP Service Details",
  summary: "Get an MCP service's details, tools and configuration",
  auth: "optional",
  params: ServiceIdParams,
  response: named<McpService>(McpServiceSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const install = endpoint({
  method: "POST",
  path: "/mcp/services/{id}/install",
  section: "§7 Install MCP Service",
  summary: "Install an MCP service for the account",
  auth: "user",
  params: ServiceIdParams,
  body: named<InstallMcpBody>(InstallMcpBodySchema),
  response: named<McpInstall>(McpInstallSchema),
  errors: ["RESOURCE_NOT_FOUND", "RESOURCE_EXISTS"],
});

const discover = endpoint({
  method: "POST",
  path: "/mcp/discover",
  section: "§7 Discover MCP Services",
  summary: "Recommend MCP services from a project's analysis",
  auth: "user",
  body: named<DiscoverBody>(DiscoverBodySchema),
  response: named<McpRecommendations>(McpRecommendationsSchema),
});

/** The MCP service endpoints. */
export const mcp = { list, get, install, discover };
