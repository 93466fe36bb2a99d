/**
 * @module
 * Persisted configs (`caipe_configs`): rows to `AgentSkill`, who sees which row, and writes. Visibility is the
 * real route's filter: built-in rows, the caller's own, `global` ones, and `team` ones shared with a team of the
 * caller.
 */
import type { AgentSkill, ScanStatus, SkillTask, Visibility } from "@agentlane/sdk/caipe/contract";
import type { Clock } from "../../../core/clock.ts";
import type { Database } from "../../../store/database.ts";
import type { CaipeUser } from "./users.ts";

/** A config as stored. */
export interface ConfigRow {
  id: string;
  name: string;
  description: string | null;
  category: string;
  tasks: string;
  owner_id: string;
  is_system: number;
  visibility: Visibility;
  shared_with_teams: string | null;
  skill_content: string | null;
  metadata: string;
  ancillary_files: string | null;
  is_quick_start: number;
  difficulty: AgentSkill["difficulty"];
  thumbnail: string | null;
  template_source_id: string | null;
  scan_status: ScanStatus;
  scan_summary: string | null;
  scan_updated_at: string | null;
  created_ms: number;
  created_at: string;
  updated_at: string;
}

/** What the catalog reads of a config; `skill_content` and `tasks` are `null` unless content was asked for. */
export type CatalogConfigRow = Pick<
  ConfigRow,
  | "id"
  | "name"
  | "description"
  | "category"
  | "owner_id"
  | "is_system"
  | "visibility"
  | "metadata"
  | "scan_status"
  | "scan_summary"
  | "scan_updated_at"
> & { skill_content: string | null; tasks: string | null };

/** A config row as a client reads it. */
export function toAgentSkill(row: ConfigRow): AgentSkill {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    category: row.category,
    tasks: JSON.parse(row.tasks) as SkillTask[],
    owner_id: row.owner_id,
    is_system: row.is_system === 1,
    visibility: row.visibility,
    shared_with_teams: row.shared_with_teams === null ? null : (JSON.parse(row.shared_with_teams) as string[]),
    skill_content: row.skill_content,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
    ancillary_files: row.ancillary_files === null ? null : (JSON.parse(row.ancillary_files) as Record<string, string>),
    is_quick_start: row.is_quick_start === 1,
    difficulty: row.difficulty,
    thumbnail: row.thumbnail,
    scan_status: row.scan_status,
    scan_summary: row.scan_summary,
    scan_updated_at: row.scan_updated_at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

/** SQL condition (on `c`) that a config is visible to the user whose email and teams are the two parameters. */
const VISIBLE = `(c.is_system = 1 OR c.owner_id = ? OR c.visibility = 'global' OR (c.visibility = 'team' AND EXISTS (
  SELECT 1 FROM json_each(c.shared_with_teams) shared WHERE shared.value IN (SELECT value FROM json_each(?)))))`;

/** Every text of a config a scan reads: SKILL.md, the task prompts and the ancillary files. */
export function scannableText(row: Pick<ConfigRow, "skill_content" | "tasks" | "ancillary_files">): string {
  const tasks = JSON.parse(row.tasks) as SkillTask[];
  const files = row.ancillary_files === null ? {} : (JSON.parse(row.ancillary_files) as Record<string, string>);
  return [row.skill_content ?? "", ...tasks.map((t) => t.llm_prompt), ...Object.values(files)].join("\n");
}

/** The config store. */
export class Configs {
  readonly #db: Database;
  readonly #clock: Clock;

  constructor(db: Database, clock: Clock) {
    this.#db = db;
    this.#clock = clock;
  }

  /** A row by id, whoever may see it. */
  row(id: string): ConfigRow | undefined {
    return this.#db.get<ConfigRow>("SELECT * FROM caipe_configs WHERE id = ?", id);
  }

  /** A row by id if the user may see it. */
  visibleRow(id: string, user: CaipeUser): ConfigRow | undefined {
    return this.#db.get<ConfigRow>(
      `SELECT * FROM caipe_configs c WHERE c.id = ? AND ${VISIBLE}`,
      id,
      user.email,
      JSON.stringify(user.teams),
    );
  }

  /** Every row the user sees: built-in rows first, then newest first (the real route's order). */
  visibleRows(user: CaipeUser): ConfigRow[] {
    return this.#db.all<ConfigRow>(
      `SELECT * FROM caipe_configs c WHERE ${VISIBLE} ORDER BY c.is_system DESC, c.created_ms DESC, c.id`,
      user.email,
      JSON.stringify(user.teams),
    );
  }

  /**
   * The columns of the rows the user sees that the catalog shows; SKILL.md and the tasks only when asked for (a
   * large catalog is mostly their text).
   */
  catalogRows(user: CaipeUser, withContent: boolean): CatalogConfigRow[] {
    const content = withContent ? ", c.skill_content, c.tasks" : ", NULL AS skill_content, NULL AS tasks";
    return this.#db.all<CatalogConfigRow>(
      `SELECT c.id, c.name, c.description, c.category, c.owner_id, c.is_system, c.visibility, c.metadata,
       c.scan_status, c.scan_summary, c.scan_updated_at${content}
       FROM caipe_configs c WHERE ${VISIBLE} ORDER BY c.is_system DESC, c.created_ms DESC, c.id`,
      user.email,
      JSON.stringify(user.teams),
    );
  }

  /** Every row (catalog scans). */
  allIds(): string[] {
    return this.#db.all<{ id: string }>("SELECT id FROM caipe_configs ORDER BY created_ms, id").map((r) => r.id);
  }

  /** The built-in row made from a template, if any. */
  byTemplate(templateId: string): ConfigRow | undefined {
    return this.#db.get<ConfigRow>("SELECT * FROM caipe_configs WHERE template_source_id = ?", templateId);
  }

  insert(row: ConfigRow): void {
    const columns = Object.keys(row);
    this.#db.run(
      `INSERT INTO caipe_configs (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
      ...columns.map((c) => row[c as keyof ConfigRow]),
    );
  }

  /** Writes the given columns of a row and moves `updated_at`. */
  update(id: string, changes: Partial<ConfigRow>): void {
    const entries = Object.entries({ ...changes, updated_at: this.#clock.iso() });
    this.#db.run(
      `UPDATE caipe_configs SET ${entries.map(([k]) => `${k} = ?`).join(", ")} WHERE id = ?`,
      ...entries.map(([, v]) => v),
      id,
    );
  }

  /** Records a scan verdict. */
  setScan(id: string, scan: { scan_status: ScanStatus; scan_summary: string | null; scan_updated_at: string | null }) {
    this.#db.run(
      "UPDATE caipe_configs SET scan_status = ?, scan_summary = ?, scan_updated_at = ? WHERE id = ?",
      scan.scan_status,
      scan.scan_summary,
      scan.scan_updated_at,
      id,
    );
  }

  remove(id: string): void {
    this.#db.run("DELETE FROM caipe_configs WHERE id = ?", id);
  }
}
