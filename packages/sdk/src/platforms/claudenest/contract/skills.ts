/**
 * @module
 * §10 Skills: the instruction files an agent finds on its machine, addressed by their path
 * (`debugging`, `team/debugging`). Every endpoint is per machine, and a machine token may use them on its
 * own machine.
 *
 * Choices where the document is silent:
 * - A path is one or more `/`-separated segments of letters, digits, `.`, `_` and `-` (no `.` or `..`
 *   segment), at most 255 characters. The SDK percent-encodes it, so `team/debugging` is one parameter.
 * - `GET` of one skill answers the list item's fields plus `content` and `metadata`.
 * - `POST /skills` is an upsert by path: it creates the skill (`enabled` defaults to true, `priority` to 0,
 *   `metadata` to `{}`) or replaces the given fields of the existing one, keeping its id; it answers 200 and
 *   the skill either way.
 * - `content` is at most 1000000 characters.
 * - `size_bytes` is the UTF-8 byte length of `content`; `last_modified` moves only when a write changes
 *   something.
 * - The list is not paginated (a machine has few skills) and is ordered by priority, highest first, then
 *   by path.
 * - `bulk` applies every update in one transaction and answers how many were applied and which paths were
 *   not found (those are skipped, not an error).
 * - `toggle` answers `{path, enabled}` as documented (server-lite adds the whole skill's fields, as ClaudeNest's own
 *   server answers the skill); deletes answer `data: null`.
 * - ClaudeNest's own server (`app/Http/Resources/SkillResource.php`) sends no `priority`, `size_bytes` or
 *   `last_modified`: the SDK reads them as `0`, `0` and `updated_at`.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { Id, Nothing, Timestamp } from "./common.ts";
import { entity, skillExample } from "./examples.ts";
import { upsertSkillExample } from "./request-examples.ts";

const SEGMENT = /^[A-Za-z0-9._-]+$/;

/** A skill path: `/`-separated segments, never `.` or `..`, so it cannot climb out of the skills folder. */
export const SkillPath = z
  .string()
  .min(1)
  .max(255)
  .refine(
    (path) => path.split("/").every((segment) => SEGMENT.test(segment) && segment !== "." && segment !== ".."),
    "The path must be segments of letters, digits, '.', '_' or '-' separated by '/', without '.' or '..' segments.",
  );

const Priority = z.number().int().min(0).max(1000);
/** A skill file's text: at most a million characters. */
const Content = z.string().max(1_000_000);
const Metadata = z.record(z.string(), z.unknown());

/** The zod schema of {@link SkillSummary}. */
export const SkillSummarySchema = entity(
  z.object({
    id: Id,
    path: z.string(),
    name: z.string(),
    /** The name to show: ClaudeNest's own server sends it (its web UI reads it); elsewhere it is `name`. */
    display_name: z.string(),
    description: z.string().nullable(),
    enabled: z.boolean(),
    priority: z.number().int(),
    size_bytes: z.number().int(),
    last_modified: Timestamp,
  }),
  { name: "Skill", example: skillExample },
);
/** §10.1: a skill as listed. */
export interface SkillSummary extends z.output<typeof SkillSummarySchema> {}

/** The zod schema of {@link Skill}. */
export const SkillSchema = SkillSummarySchema.extend({
  content: z.string(),
  metadata: Metadata,
});
/** §10.2: a skill with its content and metadata. */
export interface Skill extends z.output<typeof SkillSchema> {}

/** The zod schema of {@link UpsertSkillBody}. */
export const UpsertSkillBodySchema = withExample(
  z.object({
    path: SkillPath,
    name: z.string().min(1).max(255),
    content: Content,
    description: z.string().max(1000).nullable().optional(),
    /** @default 0 */
    priority: Priority.optional(),
    /** @default true */
    enabled: z.boolean().optional(),
    /** @default {} */
    metadata: Metadata.optional(),
  }),
  upsertSkillExample,
);
/** §10.3: a skill to create, or to update at the same path. */
export interface UpsertSkillBody extends z.output<typeof UpsertSkillBodySchema> {}

/** The zod schema of {@link UpdateSkillBody}. */
export const UpdateSkillBodySchema = z.object({
  name: z.string().min(1).max(255).optional(),
  content: Content.optional(),
  description: z.string().max(1000).nullable().optional(),
  priority: Priority.optional(),
  enabled: z.boolean().optional(),
  metadata: Metadata.optional(),
});
/** §10.4: the skill fields to change. */
export interface UpdateSkillBody extends z.output<typeof UpdateSkillBodySchema> {}

/** The zod schema of {@link SkillUpdate}. */
export const SkillUpdateSchema = UpdateSkillBodySchema.extend({ path: z.string().min(1) });
/** §10.7: one update of a bulk update. */
export interface SkillUpdate extends z.output<typeof SkillUpdateSchema> {}

/** The zod schema of {@link BulkSkillsBody}. */
export const BulkSkillsBodySchema = z.object({ updates: z.array(SkillUpdateSchema).min(1).max(500) });
/** §10.7: updates of several skills, each naming its path. */
export interface BulkSkillsBody extends z.output<typeof BulkSkillsBodySchema> {}

/** The zod schema of {@link BulkSkillsResult}. */
export const BulkSkillsResultSchema = z.object({
  /** Updates applied. */
  updated: z.number().int(),
  /** Paths of updates skipped because no such skill exists on the machine. */
  not_found: z.array(z.string()),
});
/** §10.7: how many updates were applied, and the paths that were not found. */
export interface BulkSkillsResult extends z.output<typeof BulkSkillsResultSchema> {}

/** The zod schema of {@link SkillToggle}. */
export const SkillToggleSchema = z.object({ path: z.string(), enabled: z.boolean() });
/** §10.5: a skill's path and whether it is now enabled. */
export interface SkillToggle extends z.output<typeof SkillToggleSchema> {}

const OnMachine = z.object({ machine: Id });
const SkillAt = z.object({ machine: Id, path: z.string().min(1) });

const list = endpoint({
  method: "GET",
  path: "/machines/{machine}/skills",
  section: "§10.1",
  summary: "List the skills of a machine, highest priority first",
  auth: "agent",
  params: OnMachine,
  response: named<SkillSummary[]>(z.array(SkillSummarySchema)),
  errors: ["MCH_001"],
});

const get = endpoint({
  method: "GET",
  path: "/machines/{machine}/skills/{path+}",
  section: "§10.2",
  summary: "Get a skill with its content",
  auth: "agent",
  params: SkillAt,
  response: named<Skill>(SkillSchema),
  errors: ["MCH_001", "SKL_001"],
});

const createOrUpdate = endpoint({
  method: "POST",
  path: "/machines/{machine}/skills",
  section: "§10.3",
  summary: "Create a skill, or update the one at the same path",
  auth: "agent",
  params: OnMachine,
  body: named<UpsertSkillBody>(UpsertSkillBodySchema),
  response: named<Skill>(SkillSchema),
  errors: ["MCH_001"],
});

const update = endpoint({
  method: "PATCH",
  path: "/machines/{machine}/skills/{path+}",
  section: "§10.4",
  summary: "Update a skill",
  auth: "agent",
  params: SkillAt,
  body: named<UpdateSkillBody>(UpdateSkillBodySchema),
  response: named<Skill>(SkillSchema),
  errors: ["MCH_001", "SKL_001"],
});

const toggle = endpoint({
  method: "POST",
  path: "/machines/{machine}/skills/{path+}/toggle",
  section: "§10.5",
  summary: "Enable a disabled skill or disable an enabled one",
  auth: "agent",
  params: SkillAt,
  response: named<SkillToggle>(SkillToggleSchema),
  errors: ["MCH_001", "SKL_001"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/machines/{machine}/skills/{path+}",
  section: "§10.6",
  summary: "Delete a skill",
  auth: "agent",
  params: SkillAt,
  response: named<null>(Nothing),
  errors: ["MCH_001", "SKL_001"],
});

const bulk = endpoint({
  method: "POST",
  path: "/machines/{machine}/skills/bulk",
  section: "§10.7",
  summary: "Update several skills at once; unknown paths are skipped and reported",
  auth: "agent",
  params: OnMachine,
  body: named<BulkSkillsBody>(BulkSkillsBodySchema),
  response: named<BulkSkillsResult>(BulkSkillsResultSchema),
  errors: ["MCH_001"],
});

/** The skills endpoints. */
export const skills = { list, get, createOrUpdate, update, toggle, remove, bulk };
