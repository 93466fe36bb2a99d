/**
 * @module
 * `POST /skills/generate` (a SKILL.md draft, built in or from the configured upstream) and
 * `POST /skills/import-github` (a skill folder read through the configured GitHub API).
 */
import { Failure } from "../../../core/failure.ts";
import { generateSkill } from "../runtime/generator.ts";
import type { CaipeHandlers } from "./types.ts";

/** The `authoring` handlers. */
export const authoring: CaipeHandlers<"authoring"> = {
  generate({ body }, { services }) {
    return generateSkill(services.settings, body);
  },

  async importGithub({ body }, { services }) {
    const folder = body.path.replace(/^\/+|\/+$/g, "");
    const all = await services.github.folder(body.repo, folder, body.ref ?? "HEAD");
    if (Object.keys(all).length === 0) throw new Failure("NOT_FOUND", `${body.repo} has no file under ${folder}`);
    const { "SKILL.md": skill, ...files } = all;
    return { files, count: Object.keys(files).length, skill_content: skill ?? null };
  },
};
