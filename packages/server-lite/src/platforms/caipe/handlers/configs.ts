/**
 * @module
 * `/skills/configs`: list and read (one route), create, update and delete persisted configs. Every write scans the
 * config's text (the local static scan, joined by the supervisor's `scan-content` verdict when one is configured)
 * and then asks the supervisor to refresh.
 */
import { randomBytes } from "node:crypto";
import type { CreateAgentSkillInput, ScanStatus } from "@agentlane/sdk/caipe/contract";
import { Failure } from "../../../core/failure.ts";
import { slug } from "../runtime/generator.ts";
import { userOf } from "../state/caller.ts";
import { type ConfigRow, scannableText, toAgentSkill } from "../state/configs.ts";
import { scanContent } from "../state/scanner.ts";
import type { CaipeServices } from "../state/services.ts";
import type { CaipeUser } from "../state/users.ts";
import type { CaipeHandlers } from "./types.ts";

const RANK: Record<ScanStatus, number> = { unscanned: 0, passed: 1, flagged: 2 };

/** The scan of a config's text on save: the local verdict, made worse (never better) by the supervisor's. */
async function scanOnSave(
  services: CaipeServices,
  row: Pick<ConfigRow, "id" | "name" | "skill_content" | "tasks" | "ancillary_files">,
) {
  const text = scannableText(row);
  const local = scanContent(text);
  const remote = await services.supervisor.scanContent({ skill_id: row.id, name: row.name, content: text });
  const worse = remote && RANK[remote.scan_status] > RANK[local.scan_status];
  return {
    scan_status: worse ? remote.scan_status : local.scan_status,
    scan_summary: worse ? (remote.scan_summary ?? "Flagged by the supervisor's scan") : local.scan_summary,
    scan_updated_at: services.clock.iso(),
  };
}

/** A visible row the user may change: its owner's, or a built-in one (as the real route allows). */
function writable(services: CaipeServices, id: string, user: CaipeUser, verb: "update" | "delete"): ConfigRow {
  const row = services.configs.visibleRow(id, user);
  if (!row) throw new Failure("NOT_FOUND", "Agent config not found");
  if (row.is_system !== 1 && row.owner_id !== user.email)
    throw new Failure("FORBIDDEN", `You don't have permission to ${verb} this configuration`);
  return row;
}

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The `configs` handlers. */
export const configs: CaipeHandlers<"configs"> = {
  read({ query, caller }, { services }) {
    services.jobs.settleAll();
    const user = userOf(caller);
    if (query.id === undefined) return services.configs.visibleRows(user).map(toAgentSkill);
    const row = services.configs.visibleRow(query.id, user);
    if (!row) throw new Failure("NOT_FOUND", "Agent config not found");
    return toAgentSkill(row);
  },

  async create({ body, caller }, { services }) {
    const user = userOf(caller);
    const input: CreateAgentSkillInput = body;
    const now = services.clock.now();
    const visibility = input.visibility ?? "private";
    const row: ConfigRow = {
      id: `skill-${slug(input.name)}-${BigInt(`0x${randomBytes(6).toString("hex")}`)
        .toString(36)
        .padStart(9, "0")
        .slice(-9)}`,
      name: input.name,
      description: input.description ?? null,
      category: input.category,
      tasks: JSON.stringify(input.tasks),
      owner_id: user.email,
      is_system: 0,
      visibility,
      shared_with_teams: visibility === "team" ? json(input.shared_with_teams) : null,
      skill_content: input.skill_content ?? null,
      metadata: JSON.stringify(input.metadata ?? {}),
      ancillary_files: json(input.ancillary_files),
      is_quick_start: input.is_quick_start ? 1 : 0,
      difficulty: input.difficulty ?? null,
      thumbnail: input.thumbnail ?? null,
      template_source_id: null,
      scan_status: "unscanned",
      scan_summary: null,
      scan_updated_at: null,
      created_ms: now,
      created_at: services.clock.iso(now),
      updated_at: services.clock.iso(now),
    };
    Object.assign(row, await scanOnSave(services, row));
    services.configs.insert(row);
    services.supervisor.refresh();
    return toAgentSkill(row);
  },

  async update({ body, caller }, { services }) {
    const user = userOf(caller);
    const { id, ...input } = body;
    const row = writable(services, id, user, "update");
    const changes: Partial<ConfigRow> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.description !== undefined) changes.description = input.description;
    if (input.category !== undefined) changes.category = input.category;
    if (input.tasks !== undefined) changes.tasks = JSON.stringify(input.tasks);
    if (input.skill_content !== undefined) changes.skill_content = input.skill_content;
    if (input.metadata !== undefined) changes.metadata = JSON.stringify(input.metadata);
    if (input.ancillary_files !== undefined) changes.ancillary_files = JSON.stringify(input.ancillary_files);
    if (input.is_quick_start !== undefined) changes.is_quick_start = input.is_quick_start ? 1 : 0;
    if (input.difficulty !== undefined) changes.difficulty = input.difficulty;
    if (input.thumbnail !== undefined) changes.thumbnail = input.thumbnail;
    const visibility = input.visibility ?? row.visibility;
    if (input.visibility !== undefined) changes.visibility = input.visibility;
    if (visibility !== "team") changes.shared_with_teams = null;
    else if (input.shared_with_teams !== undefined) changes.shared_with_teams = JSON.stringify(input.shared_with_teams);
    else if (row.shared_with_teams === null)
      throw new Failure("VALIDATION_ERROR", "At least one team must be selected when visibility is 'team'", {
        shared_with_teams: ["At least one team must be selected when visibility is 'team'"],
      });
    const next = { ...row, ...changes };
    if (["tasks", "skill_content", "ancillary_files"].some((k) => k in changes))
      Object.assign(changes, await scanOnSave(services, next));
    services.configs.update(id, changes);
    // Deleted by another request while the supervisor was scanning: nothing was written.
    const updated = services.configs.row(id);
    if (!updated) throw new Failure("NOT_FOUND", "Agent config not found");
    services.supervisor.refresh();
    return toAgentSkill(updated);
  },

  remove({ query, caller }, { services }) {
    const user = userOf(caller);
    writable(services, query.id, user, "delete");
    services.configs.remove(query.id);
    services.supervisor.refresh();
    return { id: query.id, message: "Agent config deleted successfully" };
  },
};
