/**
 * @module
 * Scanning a skill wherever it lives (a config, a packaged template, a hub skill) and recording the verdict
 * where the catalog reads it. Template verdicts live in `caipe_template_scans` (templates are files, not rows),
 * as the real project keeps them in `builtin_skill_scans`.
 */
import type { ScanResult, ScanStatus } from "@agentlane/sdk/caipe/contract";
import type { Database } from "../../../store/database.ts";
import { type SkillTemplate, templateById } from "../templates/index.ts";
import { type ConfigRow, type Configs, scannableText } from "./configs.ts";
import type { HubSkillRow, HubSkills } from "./hubs.ts";
import { scanContent } from "./scanner.ts";

/** A skill found by id, with where it lives. */
export type SkillRef =
  | { type: "config"; id: string; row: ConfigRow }
  | { type: "template"; id: string; template: SkillTemplate }
  | { type: "hub"; id: string; row: HubSkillRow };

/** A template's recorded scan, if it was ever scanned. */
export interface TemplateScan {
  scan_status: ScanStatus;
  scan_summary: string | null;
  scan_updated_at: string | null;
}

/** Finds skills by id and scans them. */
export class Scans {
  readonly #db: Database;
  readonly #configs: Configs;
  readonly #hubs: HubSkills;

  constructor(db: Database, configs: Configs, hubs: HubSkills) {
    this.#db = db;
    this.#configs = configs;
    this.#hubs = hubs;
  }

  /** The skill with this id: a config first, then a template, then a hub skill. */
  find(id: string): SkillRef | undefined {
    const row = this.#configs.row(id);
    if (row) return { type: "config", id, row };
    const template = templateById(id);
    if (template) return { type: "template", id, template };
    const hub = this.#hubs.row(id);
    if (hub) return { type: "hub", id, row: hub };
    return undefined;
  }

  templateScan(id: string): TemplateScan | undefined {
    return this.#db.get<TemplateScan>(
      "SELECT scan_status, scan_summary, scan_updated_at FROM caipe_template_scans WHERE id = ?",
      id,
    );
  }

  /** Scans a skill now (at `at`, an ISO time) and records the verdict. */
  scan(ref: SkillRef, at: string): ScanResult {
    const text =
      ref.type === "config" ? scannableText(ref.row) : ref.type === "template" ? ref.template.content : ref.row.content;
    const verdict = scanContent(text);
    const scan = { scan_status: verdict.scan_status, scan_summary: verdict.scan_summary, scan_updated_at: at };
    if (ref.type === "config") this.#configs.setScan(ref.id, scan);
    else if (ref.type === "hub") this.#hubs.setScan(ref.id, scan);
    else
      this.#db.run(
        `INSERT INTO caipe_template_scans (id, scan_status, scan_summary, scan_updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET scan_status = excluded.scan_status, scan_summary = excluded.scan_summary,
         scan_updated_at = excluded.scan_updated_at`,
        ref.id,
        scan.scan_status,
        scan.scan_summary,
        scan.scan_updated_at,
      );
    return { skill_id: ref.id, ...scan, findings: verdict.findings };
  }
}
