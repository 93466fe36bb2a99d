/**
 * @module
 * The planned scanning routes (FR-011 to FR-016): asynchronous scan jobs, the quarantine policy and re-scan.
 *
 * What a scan checks (static, no model): a remote script piped into a shell (`curl ... | sh`, `wget -O- ... |
 * bash`), secrets (AWS access keys, GitHub and Slack tokens, private key blocks), and prompt-injection markers
 * ("ignore all previous instructions", "disregard your system prompt", ...). Any finding flags the skill; content
 * that is empty is `unscanned`.
 *
 * Choices where the document is short:
 * - A job is `{kind: "catalog"}` (every packaged template and config the store holds when it starts) or
 *   `{kind: "hub", hub_id}` (the skills of a configured hub, read from GitHub when the job starts; a crawl that
 *   fails makes the job `failed`). It is `queued` for its first second, then scans one skill per second of server
 *   time, `running`, until `succeeded`; `cancel` stops it where it is (what it scanned stays scanned). Statuses:
 *   `queued`, `running`, `succeeded`, `failed`, `cancelled`.
 * - Starting a catalog job is for admins; a hub job any user may start. One catalog job, and one job per hub, runs at a time (409
 *   `JOB_ALREADY_RUNNING`). A job is visible to whoever started it and to admins (404 for others).
 * - The policy is `{exclude_flagged_from_catalog, allow_list_skill_ids}`; everyone reads it, admins change it.
 * - Re-scan takes `{skill_id}`: its owner re-scans their own config, an admin any skill (a built-in row, a
 *   template, a hub skill); others get 403 for a skill they see, 404 for one they do not. It answers the result.
 * - The server mirrors re-scans and finished jobs to the supervisor when one is configured
 *   (`POST {SUPERVISOR}/skills/re-scan`, `POST {SUPERVISOR}/skills/refresh`).
 */
import { z } from "zod";
import { endpoint } from "../../../contract/endpoint.ts";
import { named } from "../../../contract/schema.ts";
import { ScanResultSchema, SkillId, Timestamp } from "./common.ts";
import { entity, scanJobExample } from "./examples.ts";

/** The zod schema of {@link ScanJobStatus}. */
export const ScanJobStatusSchema = z.enum(["queued", "running", "succeeded", "failed", "cancelled"]);
/** Where a scan job is; `succeeded`, `failed` and `cancelled` are final. */
export type ScanJobStatus = z.output<typeof ScanJobStatusSchema>;

export { FINAL_JOB_STATUSES } from "../job-status.ts";

/** The zod schema of {@link ScanJob}. */
export const ScanJobSchema = entity(
  z.object({
    id: z.string(),
    kind: z.enum(["catalog", "hub"]),
    status: ScanJobStatusSchema,
    hub_id: z.string().nullable(),
    created_by: z.string(),
    created_at: Timestamp,
    started_at: Timestamp.nullable(),
    finished_at: Timestamp.nullable(),
    progress: z.object({
      total: z.number().int(),
      scanned: z.number().int(),
      passed: z.number().int(),
      flagged: z.number().int(),
      unscanned: z.number().int(),
    }),
    /** Ids of the skills the job flagged so far. */
    flagged_skill_ids: z.array(z.string()),
    /** A one-line summary once the job has ended. */
    summary: z.string().nullable(),
    /** Why a `failed` job failed. */
    error: z.string().nullable(),
  }),
  { name: "ScanJob", example: scanJobExample },
);
/** An asynchronous scan job and its progress. */
export interface ScanJob extends z.output<typeof ScanJobSchema> {}

/** The zod schema of {@link StartScanJobInput}. */
export const StartScanJobInputSchema = z
  .object({
    kind: z.enum(["catalog", "hub"]),
    hub_id: z.string().min(1).max(100).optional(),
  })
  .refine((body) => (body.kind === "hub") === (body.hub_id !== undefined), {
    message: "A hub job names its hub_id; a catalog job names none",
    path: ["hub_id"],
  });
/** What to scan. */
export interface StartScanJobInput extends z.input<typeof StartScanJobInputSchema> {}

const JobParams = z.object({ id: z.string().min(1).max(100) });

/** The zod schema of {@link QuarantinePolicy}. */
export const QuarantinePolicySchema = z.object({
  exclude_flagged_from_catalog: z.boolean(),
  allow_list_skill_ids: z.array(z.string()),
  updated_at: Timestamp.nullable(),
  updated_by: z.string().nullable(),
});
/** What a flagged skill does in the catalog, and which skills are exempt. */
export interface QuarantinePolicy extends z.output<typeof QuarantinePolicySchema> {}

/** The zod schema of {@link QuarantinePolicyUpdate}. */
export const QuarantinePolicyUpdateSchema = z
  .object({
    exclude_flagged_from_catalog: z.boolean().optional(),
    allow_list_skill_ids: z.array(SkillId).max(1000).optional(),
  })
  .refine((body) => Object.keys(body).length > 0, { message: "Give at least one field", path: ["body"] });
/** The policy fields to change. */
export interface QuarantinePolicyUpdate extends z.input<typeof QuarantinePolicyUpdateSchema> {}

/** The zod schema of {@link RescanInput}. */
export const RescanInputSchema = z.object({ skill_id: SkillId });
/** The skill to scan again. */
export interface RescanInput extends z.input<typeof RescanInputSchema> {}

const start = endpoint({
  method: "POST",
  path: "/skills/scan-jobs",
  section: "Planned: scanner jobs",
  summary: "Start an asynchronous catalog or hub scan job",
  auth: "user",
  body: StartScanJobInputSchema,
  response: named<ScanJob>(ScanJobSchema),
  status: 202,
  errors: ["FORBIDDEN", "NOT_FOUND", "JOB_ALREADY_RUNNING"],
});

const get = endpoint({
  method: "GET",
  path: "/skills/scan-jobs/{id}",
  section: "Planned: scanner jobs",
  summary: "Poll a scan job",
  auth: "user",
  params: JobParams,
  response: named<ScanJob>(ScanJobSchema),
  errors: ["NOT_FOUND"],
});

const cancel = endpoint({
  method: "POST",
  path: "/skills/scan-jobs/{id}/cancel",
  section: "Planned: scanner jobs",
  summary: "Cancel a queued or running scan job",
  auth: "user",
  params: JobParams,
  response: named<ScanJob>(ScanJobSchema),
  errors: ["NOT_FOUND", "JOB_FINISHED"],
});

const getPolicy = endpoint({
  method: "GET",
  path: "/skills/quarantine-policy",
  section: "Planned: quarantine",
  summary: "Read the effective quarantine policy",
  auth: "user",
  response: named<QuarantinePolicy>(QuarantinePolicySchema),
});

const updatePolicy = endpoint({
  method: "PUT",
  path: "/skills/quarantine-policy",
  section: "Planned: quarantine",
  summary: "Update the quarantine policy (admin)",
  auth: "admin",
  body: QuarantinePolicyUpdateSchema,
  response: named<QuarantinePolicy>(QuarantinePolicySchema),
  errors: ["FORBIDDEN"],
});

const rescan = endpoint({
  method: "POST",
  path: "/skills/re-scan",
  section: "Planned: re-scan",
  summary: "Scan one skill again",
  auth: "user",
  body: RescanInputSchema,
  response: named<z.output<typeof ScanResultSchema>>(ScanResultSchema),
  errors: ["FORBIDDEN", "NOT_FOUND"],
});

/** Scan jobs. */
export const scanJobs = { start, get, cancel };
/** The quarantine policy. */
export const quarantine = { get: getPolicy, update: updatePolicy };
/** Re-scan of one skill. */
export const scans = { rescan };
