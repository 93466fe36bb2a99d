/**
 * @module
 * The API calls ClaudeNest's own server answers by asking the machine's agent, in its messages and keys:
 * browsing a folder (`FileBrowserController::browse`: `file:browse {path, dirsOnly, showHidden}`, 5 seconds) and
 * scanning a project folder (`ProjectScanController::scan`: `project:scan {path}`, 30 seconds). The agent's camelCase
 * answer (its `src/handlers/file-handler.ts` and `scan-handler.ts`) becomes the API's snake_case one, as the
 * controllers map it.
 */
import type { BrowseResult, ProjectScan } from "@agentlane/sdk/claudenest/contract";
import { z } from "zod";
import type { NestServices } from "../services.ts";
import { type AgentQuestion, askAgent } from "./ask-agent.ts";
import type { FolderScan } from "./folder-scan.ts";

const Said = z.string().max(100_000).optional();

const BrowseAnswerSchema = z.looseObject({
  path: z.string().max(4096).optional(),
  homePath: z.string().max(4096).optional(),
  entries: z
    .array(
      z.object({
        name: z.string().max(4096),
        type: z.enum(["directory", "file"]),
        size: z.number().int().nonnegative().optional(),
        modifiedAt: z.string().max(64).optional(),
      }),
    )
    .max(100_000)
    .optional(),
  error: Said,
});

const ScanAnswerSchema = z.looseObject({
  projectName: z.string().max(4096).optional(),
  techStack: z.array(z.string().max(255)).max(1000).optional(),
  hasGit: z.boolean().optional(),
  readme: z.string().max(100_000).nullable().optional(),
  structure: z.array(z.string().max(4096)).max(10_000).optional(),
  error: Said,
});

/** `file:browse`, answered `file:browse_result` (FileBrowserController waits 5 seconds). */
const BROWSE: AgentQuestion<z.output<typeof BrowseAnswerSchema>> = {
  type: "file:browse",
  answer: "file:browse_result",
  schema: BrowseAnswerSchema,
  timeoutMs: 5_000,
  failureCode: "BROWSE_ERROR",
};

/** `project:scan`, answered `project:scan_result` (ProjectScanController waits 30 seconds). */
const SCAN: AgentQuestion<z.output<typeof ScanAnswerSchema>> = {
  type: "project:scan",
  answer: "project:scan_result",
  schema: ScanAnswerSchema,
  timeoutMs: 30_000,
  failureCode: "SCAN_ERROR",
};

/** The answer types of these questions: one that comes after its request gave up is dropped, as the real server's. */
export const QUESTION_ANSWERS: ReadonlySet<string> = new Set([BROWSE.answer, SCAN.answer]);

/** A folder of the machine, as its agent lists it. */
export async function browseOnAgent(
  services: NestServices,
  machineId: string,
  request: { path: string; dirsOnly: boolean; showHidden: boolean },
): Promise<BrowseResult> {
  const found = await askAgent(services, machineId, BROWSE, request);
  return { path: found.path ?? "", home_path: found.homePath ?? "", entries: found.entries ?? [] };
}

/** A scan in the agent's keys as the API answers it (ProjectScanController: snake_case, defaults for what is missing). */
export function projectScanOf(found: Partial<FolderScan>): ProjectScan {
  return {
    project_name: found.projectName ?? "",
    tech_stack: found.techStack ?? [],
    has_git: found.hasGit ?? false,
    readme: found.readme ?? null,
    structure: found.structure ?? [],
  };
}

/** What the machine's agent finds in a project folder. */
export async function scanOnAgent(services: NestServices, machineId: string, path: string): Promise<ProjectScan> {
  return projectScanOf(await askAgent(services, machineId, SCAN, { path }));
}
