/**
 * @module
 * Skill Ecosystem module (v2), for a `super_admin`. The legacy v1 API (`/api/app-config/skills/*`) answers HTTP
 * 410 with envelope code 410, whatever the method.
 *
 * Choices (the real server decides where the document is silent):
 * - `SkillListResponse` is `{skills: [...]}`; `{skill_key}` is a skill's `id`.
 * - `local`: `source_ref` is an absolute folder path holding `SKILL.md` (or `skill_md` is given). `github`:
 *   `source_ref` is `https://github.com/<owner>/<repo>/tree/<ref>/<path>`; the bundle is read through the
 *   GitHub contents API (its base URL is configurable on the server). A source that cannot be read is 400.
 * - `SKILL.md` starts with YAML frontmatter: `name` (required) and `description`, optional `version` (default
 *   `0.1.0`), `slug` (default: the name, lower-cased, non-alphanumerics as `-`), `runtime_type`
 *   (`native | mcp | a2a`, default `native`) and `context_refs` (files of the bundle the skill reads).
 *   Invalid frontmatter is 400. `manifest`, when given, overrides the frontmatter's fields.
 * - Installing a slug that exists updates it in place: same `id`, same `enabled`, new `updated_at`.
 * - Risk policy: with `mode: enforce_confirmation`, a bundle whose files contain a dangerous command
 *   (`rm -rf`, `curl ... | sh`, `sudo`, `mkfs`, `dd if=`, `chmod 777`) installs only when `manifest` says
 *   `"risk_confirmed": true`; otherwise 400 naming the patterns. `off` installs everything.
 * - A bundle is at most 200 files and 5 MiB; deleting a skill forgets every user's preference for it.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { withExample } from "../../../contract/entity.ts";
import { named } from "../../../contract/schema.ts";
import { EnabledBodySchema, Id, Nothing, Timestamp } from "./common.ts";
import { entity, installSkillExample, skillExample } from "./examples.ts";

/** The zod schema of {@link SkillItem}. */
export const SkillItemSchema = entity(
  z.object({
    id: Id,
    slug: z.string(),
    name: z.string(),
    description: z.string(),
    version: z.string(),
    source_type: z.enum(["local", "github"]),
    source_ref: z.string(),
    runtime_type: z.enum(["native", "mcp", "a2a"]),
    enabled: z.boolean(),
    installed_by: z.string().nullable(),
    created_at: Timestamp,
    updated_at: Timestamp,
    bundle_file_count: z.number().int(),
    context_ref_count: z.number().int(),
    last_sync_at: z.string().nullable(),
  }),
  { name: "Skill", example: skillExample },
);
/** `SkillItem`. */
export interface SkillItem extends z.output<typeof SkillItemSchema> {}

/** The zod schema of {@link SkillInstallBody}. */
export const SkillInstallBodySchema = withExample(
  z.object({
    source_type: z.enum(["local", "github"]),
    source_ref: z.string().min(1).max(2048),
    manifest: z.record(z.string(), z.unknown()).optional(),
    skill_md: z.string().max(1_000_000).optional(),
  }),
  installSkillExample,
);
/** `SkillInstallRequest`. */
export interface SkillInstallBody extends z.output<typeof SkillInstallBodySchema> {}

/** The zod schema of {@link SkillRiskPolicy}. */
export const SkillRiskPolicySchema = z.object({ mode: z.enum(["off", "enforce_confirmation"]) });
/** `SkillRiskPolicyItem`. */
export interface SkillRiskPolicy extends z.output<typeof SkillRiskPolicySchema> {}

const list = endpoint({
  method: "GET",
  path: "/v2/skills",
  section: "Skill Ecosystem Module (v2)",
  summary: "List installed skills",
  auth: "admin",
  response: named<{ skills: SkillItem[] }>(z.object({ skills: z.array(SkillItemSchema) })),
});

const install = endpoint({
  method: "POST",
  path: "/v2/skills/install",
  section: "Skill Ecosystem Module (v2)",
  summary: "Install a skill from a local folder or a GitHub tree URL",
  auth: "admin",
  body: SkillInstallBodySchema,
  response: named<SkillItem>(SkillItemSchema),
  errors: ["BAD_REQUEST"],
});

const setEnabled = endpoint({
  method: "POST",
  path: "/v2/skills/{skill_key}/enabled",
  section: "Skill Ecosystem Module (v2)",
  summary: "Enable or disable a skill",
  auth: "admin",
  params: z.object({ skill_key: Id }),
  body: EnabledBodySchema,
  response: Nothing,
  errors: ["NOT_FOUND"],
});

const remove = endpoint({
  method: "DELETE",
  path: "/v2/skills/{skill_key}",
  section: "Skill Ecosystem Module (v2)",
  summary: "Delete a skill (and the users' preferences for it)",
  auth: "admin",
  params: z.object({ skill_key: Id }),
  response: Nothing,
  errors: ["NOT_FOUND"],
});

const getPolicy = endpoint({
  method: "GET",
  path: "/v2/skills/policy",
  section: "Skill Ecosystem Module (v2)",
  summary: "Get the skill risk policy",
  auth: "admin",
  response: named<SkillRiskPolicy>(SkillRiskPolicySchema),
});

const setPolicy = endpoint({
  method: "POST",
  path: "/v2/skills/policy",
  section: "Skill Ecosystem Module (v2)",
  summary: "Update the skill risk policy",
  auth: "admin",
  body: SkillRiskPolicySchema,
  response: Nothing,
});

/** Skills v2 endpoints. */
export const skills = { list, install, setEnabled, remove, getPolicy, setPolicy };
