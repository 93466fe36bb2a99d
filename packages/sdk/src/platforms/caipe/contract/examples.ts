/**
 * @module
 * Examples of the CAIPE contract's named entities and requests in the OpenAPI document. The document (seed 004)
 * shows one sample, the template import's request and answer, taken as it is; for the rest it points at the
 * real project's types (`AgentSkill`), and the examples here describe its packaged template
 * `incident-postmortem-report`, the one the document names. Every example parses with its schema
 * (`contract/entity.test.ts` checks).
 */
import { entityNamer } from "../../../contract/entity.ts";

/** Names a CAIPE entity: the component `caipe.<name>`. */
export const entity = entityNamer("caipe");

const SKILL_ID = "skill-incident-postmortem-report-a1b2c3";
const DESCRIPTION = "Write a blameless incident postmortem from the timeline, impact and follow-up actions.";

/** A catalog entry (`GET /api/skills`). */
export const catalogSkillExample = {
  id: SKILL_ID,
  name: "Incident Postmortem Report",
  description: DESCRIPTION,
  source: "agent_skills" as const,
  source_id: "system",
  content: null,
  metadata: { tags: ["incident", "sre"], category: "Operations", visibility: "global", is_system: true },
  scan_status: "passed" as const,
  scan_summary: "No findings",
  scan_updated_at: "2026-01-12T09:30:00.000Z",
  runnable: true,
};

/** The catalog's `meta`: its pagination and where the skills came from. */
export const catalogMetaExample = {
  total: 1,
  page: 1,
  page_size: 50,
  has_more: false,
  sources_loaded: ["default", "agent_skills"],
  unavailable_sources: [],
};

/** A persisted config (`AgentSkill`). */
export const agentSkillExample = {
  id: SKILL_ID,
  name: "Incident Postmortem Report",
  description: DESCRIPTION,
  category: "Operations",
  tasks: [
    {
      display_text: "Draft the postmortem",
      llm_prompt: "Write a blameless postmortem for the incident described below.",
      subagent: "incident-analyst",
    },
  ],
  owner_id: "system",
  is_system: true,
  visibility: "global" as const,
  shared_with_teams: null,
  skill_content: "---\nname: incident-postmortem-report\n---\n# Incident Postmortem Report\n",
  metadata: { tags: ["incident", "sre"], template_source_id: "incident-postmortem-report" },
  ancillary_files: null,
  is_quick_start: false,
  difficulty: "intermediate" as const,
  thumbnail: null,
  scan_status: "passed" as const,
  scan_summary: "No findings",
  scan_updated_at: "2026-01-12T09:30:00.000Z",
  created_at: "2026-01-12T09:30:00.000Z",
  updated_at: "2026-01-12T09:30:00.000Z",
};

/** A scan job (`POST /api/skills/scan-jobs`), once it has run. */
export const scanJobExample = {
  id: "scan-job-7f3a9c",
  kind: "catalog" as const,
  status: "succeeded" as const,
  hub_id: null,
  created_by: "admin@example.com",
  created_at: "2026-01-12T10:00:00.000Z",
  started_at: "2026-01-12T10:00:01.000Z",
  finished_at: "2026-01-12T10:00:04.000Z",
  progress: { total: 12, scanned: 12, passed: 11, flagged: 1, unscanned: 0 },
  flagged_skill_ids: ["skill-shell-helper-9d8e7f"],
  summary: "12 scanned: 11 passed, 1 flagged",
  error: null,
};

/** Template import: the document's request. */
export const templateImportExample = { template_ids: ["incident-postmortem-report"], import_all: false };

/** Template import: the document's answer. */
export const templateImportResultExample = {
  imported: [{ id: SKILL_ID, template_source_id: "incident-postmortem-report" }],
  skipped: [{ template_source_id: "incident-postmortem-report", reason: "already_imported" }],
  errors: [],
};
