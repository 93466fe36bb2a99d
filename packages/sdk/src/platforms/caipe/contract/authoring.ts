/**
 * @module
 * `POST /api/skills/generate` (a SKILL.md drafted from a name and a description) and
 * `POST /api/skills/import-github` (a skill folder's files read from a GitHub repository).
 *
 * Choices:
 * - Generate takes `{type: "generate", name, description, prompt?}` and answers `{name, content, generator}` as
 *   one JSON answer (the real route streams the same text as events). Without a configured upstream the server
 *   drafts the SKILL.md itself, deterministically (same input, same text; `generator: "builtin"`); with one it
 *   proxies the request there (`generator: "upstream"`) and answers 502 `UPSTREAM_ERROR` when it fails.
 * - GitHub import takes the real route's `{repo: "owner/repo", path}` plus an optional `ref` (default `HEAD`):
 *   every file under the folder except SKILL.md, by relative path, as the real route answers, plus
 *   `skill_content`, the folder's SKILL.md (or `null`). It reads GitHub's REST API at a configurable base URL;
 *   a GitHub failure is 502 `UPSTREAM_ERROR`, a folder with no file is 404. Open to any signed-in user, as the
 *   issue lists it outside the admin flows (the real route asks for an admin).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";

/** The zod schema of {@link GenerateInput}. */
export const GenerateInputSchema = z.object({
  type: z.literal("generate"),
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().min(1).max(2000),
  /** Extra instructions for the draft. */
  prompt: z.string().max(10_000).optional(),
});
/** What to draft a SKILL.md from. */
export interface GenerateInput extends z.input<typeof GenerateInputSchema> {}

/** The zod schema of {@link GeneratedSkill}. */
export const GeneratedSkillSchema = z.object({
  name: z.string(),
  /** The SKILL.md text, with its frontmatter. */
  content: z.string(),
  generator: z.enum(["builtin", "upstream"]),
});
/** A drafted SKILL.md. */
export interface GeneratedSkill extends z.output<typeof GeneratedSkillSchema> {}

const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const PATH = /^[A-Za-z0-9_.\-/ ]+$/;

/** The zod schema of {@link GithubImportInput}. */
export const GithubImportInputSchema = z.object({
  repo: z.string().trim().max(200).regex(REPO, "repo is owner/repo"),
  path: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .regex(PATH, "path is a folder of the repository")
    .refine((p) => !p.split("/").includes(".."), "path cannot climb out of the repository"),
  ref: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .regex(/^[A-Za-z0-9_.\-/]+$/, "ref is a branch, tag or commit")
    .optional(),
});
/** Where the skill folder is. */
export interface GithubImportInput extends z.input<typeof GithubImportInputSchema> {}

/** The zod schema of {@link GithubImport}. */
export const GithubImportSchema = z.object({
  files: z.record(z.string(), z.string()),
  count: z.number().int(),
  skill_content: z.string().nullable(),
});
/** The folder's files except SKILL.md, their count, and SKILL.md itself. */
export interface GithubImport extends z.output<typeof GithubImportSchema> {}

const generate = endpoint({
  method: "POST",
  path: "/skills/generate",
  section: "Supporting routes",
  summary: "Draft a SKILL.md from a name and a description",
  auth: "user",
  body: GenerateInputSchema,
  response: named<GeneratedSkill>(GeneratedSkillSchema),
  errors: ["UPSTREAM_ERROR"],
});

const importGithub = endpoint({
  method: "POST",
  path: "/skills/import-github",
  section: "Supporting routes",
  summary: "Read a skill folder's files from GitHub",
  auth: "user",
  body: GithubImportInputSchema,
  response: named<GithubImport>(GithubImportSchema),
  errors: ["UPSTREAM_ERROR", "NOT_FOUND"],
});

/** The authoring resource: generation and GitHub import. */
export const authoring = { generate, importGithub };
