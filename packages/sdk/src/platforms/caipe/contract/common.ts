/**
 * @module
 * Shapes several CAIPE Skills resources share: timestamps, ids, visibility and scan status. Wire names stay as
 * the document and its data model write them (snake_case).
 */
import { z } from "zod";

/** ISO-8601 timestamp, as the real project serializes its `Date` fields. */
export const Timestamp = z.string();

/** A skill id: `skill-{slug}-{suffix}` for configs, the template id for packaged templates, `hub:...` for hubs. */
export const SkillId = z.string().min(1).max(200);

/** The zod schema of {@link Visibility}. */
export const VisibilitySchema = z.enum(["private", "team", "global"]);
/** Who sees a persisted config: its owner only, the teams it is shared with, or everyone. */
export type Visibility = z.output<typeof VisibilitySchema>;

/** The zod schema of {@link ScanStatus}. */
export const ScanStatusSchema = z.enum(["passed", "flagged", "unscanned"]);
/**
 * The verdict of the static scan of a skill's content: `passed`, `flagged` (a finding), or `unscanned` (no content
 * yet, or never scanned). The real project's fourth value, `admin_overridden`, belongs to an override route the
 * document does not describe, so it is not part of this contract.
 */
export type ScanStatus = z.output<typeof ScanStatusSchema>;

/** The zod schema of {@link ScanFinding}. */
export const ScanFindingSchema = z.object({
  /** What was found: `remote-script-pipe`, `cloud-secret`, `private-key`, `prompt-injection`. */
  rule: z.string(),
  severity: z.enum(["high", "medium"]),
  /** 1-based line of the content where it was found. */
  line: z.number().int(),
  message: z.string(),
});
/** One finding of the static scan. */
export interface ScanFinding extends z.output<typeof ScanFindingSchema> {}

/** The zod schema of {@link ScanResult}. */
export const ScanResultSchema = z.object({
  skill_id: SkillId,
  scan_status: ScanStatusSchema,
  /** One line per finding, or why the skill was not scanned. */
  scan_summary: z.string(),
  scan_updated_at: Timestamp,
  findings: z.array(ScanFindingSchema),
});
/** The result of scanning one skill. */
export interface ScanResult extends z.output<typeof ScanResultSchema> {}

/** The zod schema of {@link Deleted}. */
export const DeletedSchema = z.object({ id: z.string(), message: z.string() });
/** What a delete answers: the id and a message, as the real route does. */
export interface Deleted extends z.output<typeof DeletedSchema> {}

/** A free-form metadata object (`tags`, `schema_version`, `template_source_id`, ...). */
export const Metadata = z.record(z.string(), z.unknown());
