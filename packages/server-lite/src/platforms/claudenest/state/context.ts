/**
 * @module
 * Context chunks as stored and as answered, and the compiled context document of a project. Choices are
 * documented in the SDK's `contract/context.ts`.
 */
import type { ContextChunk, ContextChunkType, ProjectContext } from "@agentlane/sdk/claudenest/contract";
import type { NestServices } from "../services.ts";
import { estimateTokens, maxTokens, type ProjectRow, percent, projectTokens } from "./projects.ts";

export interface ChunkRow {
  seq: number;
  id: string;
  project_id: string;
  content: string;
  type: ContextChunkType;
  instance_id: string | null;
  task_id: string | null;
  files: string;
  importance_score: number;
  expires_at: number | null;
  created_at: string;
}

/** SQL condition of a live chunk; takes the current time as its one parameter. */
export const LIVE_CHUNK = "(expires_at IS NULL OR expires_at > ?)";

/** Most chunks listed under `# Key Context`. */
const KEY_CHUNKS = 20;

export function toChunk(services: NestServices, row: ChunkRow): ContextChunk {
  return {
    id: row.id,
    content: row.content,
    type: row.type,
    instance_id: row.instance_id,
    task_id: row.task_id,
    files: JSON.parse(row.files) as string[],
    importance_score: row.importance_score,
    expires_at: services.iso(row.expires_at),
    created_at: row.created_at,
  };
}

function chunkLine(row: ChunkRow): string {
  const files = JSON.parse(row.files) as string[];
  const suffix = files.length > 0 ? ` (files: ${files.join(", ")})` : "";
  // Continuation lines are indented so a multi-line chunk stays one list item.
  return `- [${row.type}] ${row.content.trim().replace(/\n/g, "\n  ")}${suffix}`;
}

/** The project's context as markdown: its sections, then its most important live chunks, within its token budget. */
export function compileContext(services: NestServices, project: ProjectRow): string {
  const sections: string[] = [];
  const add = (title: string, text: string | null) => {
    if (text?.trim()) sections.push(`# ${title}\n${text.trim()}`);
  };
  add("Project Summary", project.summary);
  add("Architecture", project.architecture);
  add("Conventions", project.conventions);
  add("Current Focus", project.current_focus);
  add("Recent Changes", project.recent_changes);

  const budget = maxTokens(project);
  const chunks = services.db.all<ChunkRow>(
    `SELECT * FROM cn_context_chunks WHERE project_id = ? AND ${LIVE_CHUNK} ORDER BY importance_score DESC, seq DESC LIMIT ?`,
    project.id,
    services.now(),
    KEY_CHUNKS,
  );
  const base = sections.join("\n\n---\n\n");
  const heading = `${base ? "\n\n---\n\n" : ""}# Key Context`;
  let document = base + heading;
  let listed = 0;
  for (const chunk of chunks) {
    const next = `${document}\n${chunkLine(chunk)}`;
    if (estimateTokens(next) > budget) continue;
    document = next;
    listed++;
  }
  return listed > 0 ? document : base;
}

export function projectContext(services: NestServices, project: ProjectRow): ProjectContext {
  const total = projectTokens(services, project);
  const max = maxTokens(project);
  return {
    summary: project.summary,
    architecture: project.architecture,
    conventions: project.conventions,
    current_focus: project.current_focus,
    recent_changes: project.recent_changes,
    compiled_context: compileContext(services, project),
    token_usage: { total, max, percent: percent(total, max) },
  };
}
