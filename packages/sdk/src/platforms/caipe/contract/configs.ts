/**
 * @module
 * `/api/skills/configs`: persisted skill configurations (the real project's `AgentSkill`), created, read,
 * updated and deleted by their owner; built-in rows (`is_system`) come from template import and seeding.
 *
 * Choices where the document is short ("align with current AgentSkill, CreateAgentSkillInput and
 * UpdateAgentSkillInput"; "GET ?id= if supported today"):
 * - One route lists and reads: `GET /skills/configs` answers every config the caller sees, `?id=` that one config
 *   (404 when the caller cannot see it). The contract names it `read`; the SDK's `configs.list()` and
 *   `configs.get({id})` are typed narrowings of it.
 * - A caller sees built-in rows, their own rows, `global` rows, and `team` rows shared with one of their teams
 *   (the real `getAgentSkillsFromMongoDB` filter), built-in rows first, then newest first.
 * - Create takes the real route's required `name`, `category` and at least one task; `visibility` defaults to
 *   `private`, and `team` needs `shared_with_teams`. It answers 201 and the whole new config (the real route
 *   answers `{id, message, scan_status}`; the config is a superset of that).
 * - Update takes the id in the body, as the document says (the real route reads it from the query). Only the
 *   owner may update or delete a row, and anyone signed in may update or delete a built-in row, as the real
 *   route allows (restore it with template import); others get 403 for a row they see, 404 for one they do not.
 * - Saving content scans it (the static checks of `scan-jobs`), so `scan_status` is current after every write;
 *   a quarantined config stays readable here.
 * - After every write the server asks the supervisor to refresh (`POST {SUPERVISOR}/skills/refresh`).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { DeletedSchema, Metadata, ScanStatusSchema, SkillId, Timestamp, VisibilitySchema } from "./common.ts";
import { agentSkillExample, entity } from "./examples.ts";

/** The zod schema of {@link SkillTask}. */
export const SkillTaskSchema = z.object({
  display_text: z.string().min(1).max(500),
  llm_prompt: z.string().min(1).max(100_000),
  subagent: z.string().min(1).max(100),
});
/** One step of a skill: what the UI shows, the prompt, and the sub-agent that runs it. */
export interface SkillTask extends z.output<typeof SkillTaskSchema> {}

const Name = z.string().trim().min(1).max(200);
const Description = z.string().max(1024);
const Category = z.string().trim().min(1).max(100);
const Content = z.string().max(200_000);
const Teams = z.array(z.string().trim().min(1).max(100)).max(50);
/** Sibling files of SKILL.md by relative path. */
const AncillaryFiles = z
  .record(z.string().min(1).max(300), z.string().max(500_000))
  .refine((files) => Object.keys(files).length <= 200, "At most 200 ancillary files");

/** The zod schema of {@link AgentSkill}. */
export const AgentSkillSchema = entity(
  z.object({
    id: SkillId,
    name: z.string(),
    description: z.string().nullable(),
    category: z.string(),
    tasks: z.array(SkillTaskSchema),
    /** The owner's email, or `system` for built-in rows. */
    owner_id: z.string(),
    is_system: z.boolean(),
    visibility: VisibilitySchema,
    shared_with_teams: z.array(z.string()).nullable(),
    skill_content: z.string().nullable(),
    metadata: Metadata,
    ancillary_files: z.record(z.string(), z.string()).nullable(),
    is_quick_start: z.boolean(),
    difficulty: z.enum(["beginner", "intermediate", "advanced"]).nullable(),
    thumbnail: z.string().nullable(),
    scan_status: ScanStatusSchema,
    scan_summary: z.string().nullable(),
    scan_updated_at: Timestamp.nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
  }),
  { name: "AgentSkill", example: agentSkillExample },
);
/** A persisted skill configuration. */
export interface AgentSkill extends z.output<typeof AgentSkillSchema> {}

const teamNeedsTeams = (body: { visibility?: string | undefined; shared_with_teams?: string[] | undefined }) =>
  body.visibility !== "team" || (body.shared_with_teams?.length ?? 0) > 0;
const TEAM_MESSAGE = {
  message: "At least one team must be selected when visibility is 'team'",
  path: ["shared_with_teams"],
};

const CreateFields = z.object({
  name: Name,
  description: Description.optional(),
  category: Category,
  tasks: z.array(SkillTaskSchema).min(1).max(50),
  /** @default "private" */
  visibility: VisibilitySchema.optional(),
  shared_with_teams: Teams.optional(),
  skill_content: Content.optional(),
  metadata: Metadata.optional(),
  ancillary_files: AncillaryFiles.optional(),
  is_quick_start: z.boolean().optional(),
  difficulty: z.enum(["beginner", "intermediate", "advanced"]).optional(),
  thumbnail: z.string().max(100).optional(),
});

/** The zod schema of {@link CreateAgentSkillInput}. */
export const CreateAgentSkillInputSchema = CreateFields.refine(teamNeedsTeams, TEAM_MESSAGE);
/** A new config. */
export interface CreateAgentSkillInput extends z.input<typeof CreateAgentSkillInputSchema> {}

/** The zod schema of {@link UpdateAgentSkillInput}. */
export const UpdateAgentSkillInputSchema = CreateFields.partial()
  .extend({ id: SkillId })
  .refine(teamNeedsTeams, TEAM_MESSAGE)
  .refine((body) => Object.keys(body).length > 1, {
    message: "At least one field must be provided for update",
    path: ["body"],
  });
/** The id of a config and the fields to change. */
export interface UpdateAgentSkillInput extends z.input<typeof UpdateAgentSkillInputSchema> {}

/** The zod schema of {@link ConfigsQuery}. */
export const ConfigsQuerySchema = z.object({ id: SkillId.optional() });
/** `?id=` to read one config. */
export interface ConfigsQuery extends z.input<typeof ConfigsQuerySchema> {}

/** The zod schema of {@link ConfigsAnswer}. */
export const ConfigsAnswerSchema = z.union([z.array(AgentSkillSchema), AgentSkillSchema]);
/** Every config the caller sees, or one config when an id was given. */
export type ConfigsAnswer = AgentSkill[] | AgentSkill;

const read = endpoint({
  method: "GET",
  path: "/skills/configs",
  section: "Persisted skill configuration",
  summary: "List the configs the caller sees, or read one with ?id=",
  auth: "user",
  query: ConfigsQuerySchema,
  response: named<ConfigsAnswer>(ConfigsAnswerSchema),
  errors: ["NOT_FOUND"],
});

const create = endpoint({
  method: "POST",
  path: "/skills/configs",
  section: "Persisted skill configuration",
  summary: "Create a config",
  auth: "user",
  body: CreateAgentSkillInputSchema,
  response: named<AgentSkill>(AgentSkillSchema),
  status: 201,
});

const update = endpoint({
  method: "PUT",
  path: "/skills/configs",
  section: "Persisted skill configuration",
  summary: "Update a config (the body includes its id)",
  auth: "user",
  body: UpdateAgentSkillInputSchema,
  response: named<AgentSkill>(AgentSkillSchema),
  errors: ["NOT_FOUND", "FORBIDDEN"],
});

/** The zod schema of {@link DeleteConfigQuery}. */
export const DeleteConfigQuerySchema = z.object({ id: SkillId });
/** `?id=` of the config to delete. */
export interface DeleteConfigQuery extends z.input<typeof DeleteConfigQuerySchema> {}

const remove = endpoint({
  method: "DELETE",
  path: "/skills/configs",
  section: "Persisted skill configuration",
  summary: "Delete a config",
  auth: "user",
  query: DeleteConfigQuerySchema,
  response: named<z.output<typeof DeletedSchema>>(DeletedSchema),
  errors: ["NOT_FOUND", "FORBIDDEN"],
});

/** The configs resource. */
export const configs = { read, create, update, remove };
