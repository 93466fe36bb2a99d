/**
 * @module
 * §5 Skill Registry: the community's skills, in English and Chinese, to browse, install and publish.
 *
 * Choices where the document is vague:
 * - The list localizes `name` and `description` to one string by `lang` (`en` by default); details, publish
 *   bodies and categories carry both languages (`{en, "zh-CN"}`), as the document shows. A publisher may leave
 *   the Chinese out: it falls back to the English.
 * - `search` matches id, name, description and tags in both languages, case-insensitively; `tags` keeps skills
 *   that carry every given tag; `sort` is `popular` (the default), `newest`, `updated` or `name` (in `lang`).
 * - Install is recorded per account (the path is where the CLI writes the file, under `~/.ccjk/skills`). It
 *   installs the skill's dependencies not yet installed (`dependenciesInstalled`); `version` is `latest` or a
 *   released one (else `RESOURCE_NOT_FOUND`); installing the version already installed again needs `force`
 *   (else `RESOURCE_EXISTS`). Every install counts a download.
 * - Publish: an id taken by any skill is `RESOURCE_EXISTS`; `category` must be one of the categories
 *   (`VALIDATION_ERROR`), and each dependency a skill the publisher can see (`RESOURCE_NOT_FOUND`). A `public` skill is `pending_review` and appears in
 *   lists once reviewed (server-lite reviews it one hour later on its clock); `unlisted` and `private` ones are
 *   `published` at once: an unlisted skill is reachable by id by anyone but never listed, a private one only by
 *   its publisher (others get `RESOURCE_NOT_FOUND`). The publisher sees its own skills in lists whatever their
 *   state. `reviewUrl` is the skill's API URL, whose `reviewStatus` tells how the review went.
 * - Categories count the skills listed publicly in each.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import {
  CatalogId,
  CompatibilitySchema,
  Lang,
  ListParam,
  LocalizedInput,
  LocalizedSchema,
  PageQuery,
  PaginationSchema,
  SemVer,
  Timestamp,
  VersionEntrySchema,
} from "./common.ts";
import { entity, skillExample, skillListItemExample } from "./examples.ts";

/** Who may see a published skill. */
export const Visibility = z.enum(["public", "private", "unlisted"]);
/** `public`, `private` or `unlisted`. */
export type Visibility = z.output<typeof Visibility>;

/** The zod schema of {@link SkillListItem}. */
export const SkillListItemSchema = entity(
  z.object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    category: z.string(),
    version: z.string(),
    author: z.string(),
    tags: z.array(z.string()),
    triggers: z.array(z.string()),
    popularity: z.number(),
    rating: z.number(),
    downloads: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    compatibility: CompatibilitySchema,
  }),
  { name: "SkillListItem", example: skillListItemExample },
);
/** §5 List Skills: a skill as listed, its texts in the asked language. */
export interface SkillListItem extends z.output<typeof SkillListItemSchema> {}

/** The zod schema of {@link SkillPage}. */
export const SkillPageSchema = z.object({ skills: z.array(SkillListItemSchema), pagination: PaginationSchema });
/** A page of skills. */
export interface SkillPage extends z.output<typeof SkillPageSchema> {}

/** The zod schema of {@link SkillListQuery}. */
export const SkillListQuerySchema = z.object({
  category: z.string().max(100).optional(),
  search: z.string().max(200).optional(),
  tags: ListParam.optional(),
  ...PageQuery,
  /** @default "popular" */
  sort: z.enum(["popular", "newest", "updated", "name"]).optional(),
  /** @default "en" */
  lang: Lang.optional(),
});
/** §5 List Skills: filters, page and language. */
export interface SkillListQuery extends z.output<typeof SkillListQuerySchema> {}

/** The zod schema of {@link Skill}. */
export const SkillSchema = entity(
  z.object({
    id: z.string(),
    name: LocalizedSchema,
    description: LocalizedSchema,
    longDescription: z.string(),
    category: z.string(),
    version: z.string(),
    author: z.string(),
    license: z.string(),
    tags: z.array(z.string()),
    triggers: z.array(z.string()),
    template: z.string(),
    agents: z.array(z.string()),
    dependencies: z.array(z.string()),
    popularity: z.number(),
    rating: z.number(),
    ratingCount: z.number().int(),
    downloads: z.number().int(),
    homepage: z.string().nullable(),
    repository: z.string().nullable(),
    icon: z.string().nullable(),
    screenshots: z.array(z.string()),
    compatibility: CompatibilitySchema,
    permissions: z.array(z.string()),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    versions: z.array(VersionEntrySchema),
    /** Not in the document (optional, so its own answers validate): who may see it. */
    visibility: Visibility.optional(),
    /** Not in the document: how its review went (`approved` for catalog skills). */
    reviewStatus: z.enum(["pending_review", "approved", "published"]).optional(),
  }),
  { name: "Skill", example: skillExample },
);
/** §5 Get Skill Details: everything about a skill, its texts in both languages. */
export interface Skill extends z.output<typeof SkillSchema> {}

/** The zod schema of {@link InstallSkillBody}. */
export const InstallSkillBodySchema = z.object({
  /** `latest` (the default) or a released version. */
  version: z.union([z.literal("latest"), SemVer]).optional(),
  /** Install again even when this version is installed. @default false */
  force: z.boolean().optional(),
});
/** §5 Install Skill. */
export interface InstallSkillBody extends z.output<typeof InstallSkillBodySchema> {}

/** The zod schema of {@link SkillInstall}. */
export const SkillInstallSchema = z.object({
  skillId: z.string(),
  version: z.string(),
  installedPath: z.string(),
  installedAt: Timestamp,
  /** Dependencies installed along with it (those already installed are not repeated). */
  dependenciesInstalled: z.array(z.string()),
});
/** An installed skill. */
export interface SkillInstall extends z.output<typeof SkillInstallSchema> {}

/** The zod schema of {@link PublishSkillBody}. */
export const PublishSkillBodySchema = z.object({
  skill: z.object({
    id: CatalogId,
    name: LocalizedInput,
    description: LocalizedInput,
    category: z.string().min(1).max(50),
    version: SemVer,
    tags: z.array(z.string().min(1).max(50)).max(20).optional(),
    triggers: z
      .array(z.string().regex(/^\/[a-z0-9][a-z0-9-]*$/, "A trigger is a slash command such as /my-skill."))
      .max(10)
      .optional(),
    /** The skill's Markdown, at most 200 KB. */
    template: z.string().min(1).max(200_000),
    longDescription: z.string().max(20_000).optional(),
    license: z.string().max(50).optional(),
    dependencies: z.array(CatalogId).max(20).optional(),
  }),
  /** @default "public" */
  visibility: Visibility.optional(),
});
/** §5 Publish Skill. */
export interface PublishSkillBody extends z.output<typeof PublishSkillBodySchema> {}

/** The zod schema of {@link PublishedSkill}. */
export const PublishedSkillSchema = z.object({
  skillId: z.string(),
  version: z.string(),
  status: z.enum(["pending_review", "published"]),
  submittedAt: Timestamp,
  reviewUrl: z.string(),
});
/** A skill submitted to the registry. */
export interface PublishedSkill extends z.output<typeof PublishedSkillSchema> {}

/** The zod schema of {@link SkillCategory}. */
export const SkillCategorySchema = z.object({
  id: z.string(),
  name: LocalizedSchema,
  description: LocalizedSchema,
  icon: z.string(),
  count: z.number().int(),
});
/** §5 Skill Categories: a category and how many public skills it has. */
export interface SkillCategory extends z.output<typeof SkillCategorySchema> {}

/** The zod schema of {@link SkillCategories}. */
export const SkillCategoriesSchema = z.object({ categories: z.array(SkillCategorySchema) });
/** Every category. */
export interface SkillCategories extends z.output<typeof SkillCategoriesSchema> {}

const SkillIdParams = z.object({ id: z.string().min(1).max(100) });

const list = endpoint({
  method: "GET",
  path: "/skills",
  section: "§5 List Skills",
  summary: "List skills, filtered, sorted and localized",
  auth: "optional",
  query: named<SkillListQuery, z.input<typeof SkillListQuerySchema>>(SkillListQuerySchema),
  response: named<SkillPage>(SkillPageSchema),
  paginated: true,
  items: "skills",
});

const categories = endpoint({
  method: "GET",
  path: "/skills/categories",
  section: "§5 Skill Categories",
  summary: "List skill categories with their skill counts",
  auth: "optional",
  response: named<SkillCategories>(SkillCategoriesSchema),
});

const get = endpoint({
  method: "GET",
  path: "/skills/{id}",
  section: "§5 Get Skill Details",
  summary: "Get a skill's details in both languages",
  auth: "optional",
  params: SkillIdParams,
  response: named<Skill>(SkillSchema),
  errors: ["RESOURCE_NOT_FOUND"],
});

const install = endpoint({
  method: "POST",
  path: "/skills/{id}/install",
  section: "§5 Install Skill",
  summary: "Install a skill and its dependencies",
  auth: "user",
  params: SkillIdParams,
  body: named<InstallSkillBody>(InstallSkillBodySchema),
  response: named<SkillInstall>(SkillInstallSchema),
  errors: ["RESOURCE_NOT_FOUND", "RESOURCE_EXISTS"],
});

const publish = endpoint({
  method: "POST",
  path: "/skills/publish",
  section: "§5 Publish Skill",
  summary: "Publish a new skill to the registry",
  auth: "user",
  body: named<PublishSkillBody>(PublishSkillBodySchema),
  response: named<PublishedSkill>(PublishedSkillSchema),
  errors: ["RESOURCE_EXISTS", "RESOURCE_NOT_FOUND"],
});

/** The skill registry endpoints. */
export const skills = { list, categories, get, install, publish };
