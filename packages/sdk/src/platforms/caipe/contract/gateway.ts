/**
 * @module
 * Gateway artifacts: `GET /api/skills/bootstrap` (a markdown skill that teaches an IDE agent to use the catalog)
 * and `GET /api/skills/install.sh` (a bash installer). Both answer text, not the JSON envelope.
 *
 * Choices where the document is short:
 * - Neither needs a token (the document does not say; they carry no secret and `curl ... | bash` must work before
 *   the user has configured anything). The installer itself sends `CAIPE_TOKEN` as a bearer token when it reads
 *   the catalog.
 * - `agent` is `claude` or `cursor`, `scope` `user` (under `$HOME`) or `project` (under the current folder);
 *   `command_name` (default `skills`) names the installed command. `bulk=true` makes the installer also write
 *   every runnable catalog skill as `<agent dir>/skills/<name>/SKILL.md`; quarantined skills are left out.
 * - The installer writes a marker line into every file it writes and refuses to overwrite a file without it
 *   unless `--force`; `--upgrade` replaces files it wrote before. It needs `curl`, and `jq` or `python3` in bulk
 *   mode.
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";

/** The zod schema of {@link GatewayQuery}. */
export const GatewayQuerySchema = z.object({
  /** @default "claude" */
  agent: z.enum(["claude", "cursor"]).optional(),
  /** @default "user" */
  scope: z.enum(["user", "project"]).optional(),
  /** @default "skills" */
  command_name: z
    .string()
    .max(64)
    .regex(/^[A-Za-z0-9._-]+$/, "command_name takes letters, digits, '.', '_' and '-'")
    .optional(),
});
/** Which agent and where the bootstrap skill goes. */
export interface GatewayQuery extends z.input<typeof GatewayQuerySchema> {}

/** The zod schema of {@link InstallQuery}. */
export const InstallQuerySchema = GatewayQuerySchema.extend({
  bulk: z.enum(["true", "false"]).optional(),
});
/** The bootstrap's options plus `bulk`. */
export interface InstallQuery extends z.input<typeof InstallQuerySchema> {}

const bootstrap = endpoint({
  method: "GET",
  path: "/skills/bootstrap",
  section: "Gateway artifacts",
  summary: "The bootstrap skill (markdown) for an IDE agent",
  auth: "none",
  query: GatewayQuerySchema,
  response: z.string(),
});

const installScript = endpoint({
  method: "GET",
  path: "/skills/install.sh",
  section: "Gateway artifacts",
  summary: "The bash installer of the bootstrap skill (and, in bulk, the catalog)",
  auth: "none",
  query: InstallQuerySchema,
  response: z.string(),
});

/** The gateway resource. */
export const gateway = { bootstrap, installScript };
