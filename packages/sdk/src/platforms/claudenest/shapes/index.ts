/**
 * @module
 * Per endpoint, how a ClaudeNest answer becomes the SDK's typed object: the document's shapes (what server-lite
 * answers) pass through with nothing lost, and ClaudeNest's own Laravel server's shapes are read into the same
 * types. Only endpoints whose answers differ between the two are listed.
 */
import type { AnswerShapers } from "../../../core/http-client.ts";
import { commandShapers } from "./commands.ts";
import { machineShapers } from "./machines.ts";
import { projectShapers } from "./projects.ts";
import { sessionShapers } from "./sessions.ts";
import { skillShapers } from "./skills.ts";
import { taskShapers } from "./tasks.ts";

/** The ClaudeNest client's answer shapers, by resource and method. */
export const claudenestShapers: AnswerShapers = {
  machines: machineShapers,
  sessions: sessionShapers,
  projects: projectShapers,
  tasks: taskShapers,
  skills: skillShapers,
  commands: commandShapers,
};
