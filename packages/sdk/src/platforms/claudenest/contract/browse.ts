/**
 * @module
 * The machine file browser, beyond the document: ClaudeNest's own server answers
 * `GET /machines/{id}/browse?path=&dirs_only=true` (`app/Http/Controllers/Api/FileBrowserController.php`, asking
 * the machine's agent, whose `file-handler.ts` lists the folder) and its web UI's session and project wizards pick a
 * folder with it (`resources/js/components/sessions/RemoteFileTree.vue`).
 * - A machine whose agent is connected lists the folder on its own disk: server-lite asks the agent (`file:browse`
 *   with a `requestId`, answered `file:browse_result`) and answers what it sent, as the real server does; what the
 *   agent reports as an error (a path outside its home folder, one it cannot read) is `BROWSE_ERROR` (422) with the
 *   agent's words, and an agent that does not answer within 5 seconds (the real server's wait) `AGENT_TIMEOUT` (504).
 * - For any other machine server-lite lists its own disk, limited to a configured root (`browseRoot`, which stands
 *   for the agent's home folder: `home_path`); a path outside it, or that does not resolve to a folder, is
 *   `BROWSE_ERROR` (422), and an offline machine `MACHINE_OFFLINE` (422), as the real server answers.
 * - Entries are folders first, then by name; hidden ones (`.name`) only with `show_hidden`. Each has `name`, `type`
 *   (`directory` or `file`) and, when readable, `size` and `modifiedAt` (the agent's camelCase, passed through).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { Id } from "./common.ts";

/** `true`/`false` (and Laravel's `1`/`0`) in a query string, as the web UI sends them. */
const Flag = z.enum(["true", "false", "1", "0"]);

/** The zod schema of {@link BrowseQuery}. */
export const BrowseQuerySchema = z.object({
  /** An absolute folder; the home folder when empty or absent. */
  path: z.string().max(4096).optional(),
  /** @default true */
  dirs_only: Flag.optional(),
  /** @default false */
  show_hidden: Flag.optional(),
});
/** Which folder to list, and what of it. */
export interface BrowseQuery extends z.output<typeof BrowseQuerySchema> {}

/** The zod schema of {@link BrowseEntry}. */
export const BrowseEntrySchema = z.object({
  name: z.string(),
  type: z.enum(["directory", "file"]),
  size: z.number().int().optional(),
  modifiedAt: z.string().optional(),
});
/** One entry of a listed folder. */
export interface BrowseEntry extends z.output<typeof BrowseEntrySchema> {}

/** The zod schema of {@link BrowseResult}. */
export const BrowseResultSchema = z.object({
  path: z.string(),
  home_path: z.string(),
  entries: z.array(BrowseEntrySchema),
});
/** A listed folder: where it is, the home folder, and its entries. */
export interface BrowseResult extends z.output<typeof BrowseResultSchema> {}

const browse = endpoint({
  method: "GET",
  path: "/machines/{id}/browse",
  summary: "List a folder on the machine (folders only by default)",
  auth: "user",
  params: z.object({ id: Id }),
  query: named<BrowseQuery>(BrowseQuerySchema),
  response: named<BrowseResult>(BrowseResultSchema),
  errors: ["MCH_001", "MACHINE_OFFLINE", "BROWSE_ERROR", "AGENT_TIMEOUT"],
  beyondDocument: "ClaudeNest's own server, FileBrowserController::browse (its web UI's folder pickers)",
});

/** The machine file browser, added to the `machines` resource. */
export const machineBrowser = { browse };
