/**
 * @module
 * Scanning a folder of a machine for a new project, beyond the document: ClaudeNest's own server answers
 * `POST /machines/{machine}/projects/scan {path}` (`app/Http/Controllers/Api/ProjectScanController.php`) by asking
 * the machine's agent (`project:scan`, answered `project:scan_result` by its `src/handlers/scan-handler.ts`), and its
 * web UI's project wizard fills the new project's name and summary from the answer.
 * - The scan runs on the machine: server-lite relays it to the machine's connected agent and answers what the agent
 *   found, in the real server's keys. For an online machine without a connected agent, server-lite scans its own
 *   disk below the browse root instead, as `machines.browse` lists it (a path outside it, or no folder, is
 *   `SCAN_ERROR`); an offline machine is `MACHINE_OFFLINE` (422).
 * - What the agent reports as an error (a path that is not a folder, one it cannot read) is `SCAN_ERROR` (422)
 *   with the agent's words; an agent that does not answer within 30 seconds (the real server's wait) is
 *   `AGENT_TIMEOUT` (504).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id } from "./common.ts";

/** The zod schema of {@link ProjectScanBody}. */
export const ProjectScanBodySchema = z.object({
  /** The folder to scan, as the machine names it. */
  path: z.string().min(1).max(1024),
});
/** The folder of a machine to scan. */
export interface ProjectScanBody extends z.output<typeof ProjectScanBodySchema> {}

/** The zod schema of {@link ProjectScan}. */
export const ProjectScanSchema = z.object({
  /** The folder's name. */
  project_name: z.string(),
  /** Languages, tools and frameworks told by the folder's manifests (`node`, `typescript`, `laravel`, `docker`). */
  tech_stack: z.array(z.string()),
  has_git: z.boolean(),
  /** The folder's README, cut after 5000 characters; `null` without one. */
  readme: z.string().nullable(),
  /** The folder's entries two levels deep, indented by two spaces a level, folders ending in `/`. */
  structure: z.array(z.string()),
});
/** What a machine's agent found in a folder. */
export interface ProjectScan extends z.output<typeof ProjectScanSchema> {}

const scan = endpoint({
  method: "POST",
  path: "/machines/{machine}/projects/scan",
  summary: "Scan a folder of the machine: its name, tech stack, git, README and structure",
  auth: "user",
  params: z.object({ machine: Id }),
  body: named<ProjectScanBody>(ProjectScanBodySchema),
  response: named<ProjectScan>(ProjectScanSchema),
  errors: ["MCH_001", "MACHINE_OFFLINE", "SCAN_ERROR", "AGENT_TIMEOUT"],
  beyondDocument: "ClaudeNest's own server, ProjectScanController::scan (its web UI's project wizard)",
});

/** The project scan, added to the `projects` resource. */
export const projectScan = { scan };
