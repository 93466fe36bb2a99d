/**
 * @module
 * SKILL.md drafts for `POST /skills/generate`. Without an upstream the server writes the draft itself, from the
 * name, description and prompt only, so the same input always gives the same text; with `CAIPE_GENERATE_URL` it
 * proxies to that service (`POST` of `{type, name, description, prompt, system_prompt, user_message}`, answered
 * with `{content}` or `{success: true, data: {content}}`).
 */
import type { GeneratedSkill, GenerateInput } from "@agentlane/sdk/caipe/contract";
import { Failure } from "../../../core/failure.ts";
import { stringifyYaml } from "../../../lib/yaml.ts";
import { fetchJson } from "./outbound.ts";
import type { CaipeSettings } from "./settings.ts";

const SYSTEM_PROMPT =
  "You write SKILL.md files: YAML frontmatter with name and description, then a heading, the inputs, numbered steps and the expected output.";

/** A name as a skill id: lower case, words joined by `-`. */
export function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "skill"
  );
}

/** Sentences of a text, trimmed, without their final stop. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim().replace(/[.!?]+$/, ""))
    .filter(Boolean);
}

/** The built-in draft. */
export function draftSkill(input: GenerateInput): string {
  const id = slug(input.name);
  const title = input.name.trim();
  const description = input.description.trim().replace(/\s+/g, " ");
  const steps = [
    "Restate the request in one sentence and confirm what is in scope",
    ...sentences(description).map((s) => s.charAt(0).toUpperCase() + s.slice(1)),
    ...sentences(input.prompt ?? "").map((s) => s.charAt(0).toUpperCase() + s.slice(1)),
    "Check the result against the request before answering",
  ];
  const head = stringifyYaml({ name: id, description }, { lineWidth: 0 }).trimEnd();
  return [
    "---",
    head,
    "---",
    "",
    `# ${title}`,
    "",
    description,
    "",
    "## When to use",
    "",
    `When the user asks for ${title.toLowerCase()}.`,
    "",
    "## Steps",
    "",
    ...steps.map((step, i) => `${i + 1}. ${step}.`),
    "",
    "## Output",
    "",
    "A concise markdown answer: what was done, the result, and any follow-up the user should take.",
    "",
  ].join("\n");
}

/** Drafts a SKILL.md, through the upstream when one is configured. */
export async function generateSkill(settings: CaipeSettings, input: GenerateInput): Promise<GeneratedSkill> {
  if (!settings.generateUrl) return { name: slug(input.name), content: draftSkill(input), generator: "builtin" };
  const answer = (await fetchJson("The generation service", settings.generateUrl, {
    method: "POST",
    timeoutMs: settings.timeoutMs,
    body: {
      ...input,
      system_prompt: SYSTEM_PROMPT,
      user_message: `Name: ${input.name}\nDescription: ${input.description}${input.prompt ? `\n\n${input.prompt}` : ""}`,
    },
  })) as { content?: unknown; data?: { content?: unknown } } | null;
  const content = typeof answer?.content === "string" ? answer.content : answer?.data?.content;
  if (typeof content !== "string" || !content.trim())
    throw new Failure("UPSTREAM_ERROR", "The generation service answered no content");
  return { name: slug(input.name), content, generator: "upstream" };
}
