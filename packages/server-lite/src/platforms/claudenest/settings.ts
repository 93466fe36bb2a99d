/**
 * @module
 * ClaudeNest's own server settings (`createServer({ platformOptions: { claudenest: {...} } })`, or the CLI's
 * `--claudenest-*` flags). Where the document and ClaudeNest's own Laravel server differ in a key, server-lite
 * answers both keys; where they differ in a value, `compat` chooses which one it answers.
 */
import { resolve } from "node:path";
import { z } from "zod";

/** The zod schema of {@link NestSettings}. */
export const NestSettingsSchema = z.strictObject({
  /**
   * Which values to answer where the document and ClaudeNest's own server disagree: `document` (a completed
   * task's status is `completed`; releasing or completing a task that is not claimed is TSK_003 with 403) or
   * `real` (`done`, and TSK_003 with 400 in the real `TaskController`'s words, as ClaudeNest's server and web UI
   * have them).
   * @default "document"
   */
  compat: z.enum(["document", "real"]).default("document"),
  /**
   * The folder `GET /machines/{id}/browse` may list (with everything below it, nothing above): the session and
   * project wizards of ClaudeNest's web UI pick a project folder with it.
   * @default the server's working directory
   */
  browseRoot: z.string().min(1).optional(),
});

/** ClaudeNest's server-lite settings, with defaults filled in. */
export interface NestSettings {
  compat: "document" | "real";
  /** An absolute path. */
  browseRoot: string;
}

/**
 * Reads the settings given to `createServer`, throwing a `TypeError` that names the bad one.
 * @example nestSettings({ compat: "real" }) // { compat: "real", browseRoot: process.cwd() }
 */
export function nestSettings(options: Readonly<Record<string, unknown>>): NestSettings {
  const parsed = NestSettingsSchema.safeParse(options);
  if (!parsed.success)
    throw new TypeError(`claudenest options: ${z.prettifyError(parsed.error).replaceAll("\n", " ")}`);
  return { compat: parsed.data.compat, browseRoot: resolve(parsed.data.browseRoot ?? process.cwd()) };
}
