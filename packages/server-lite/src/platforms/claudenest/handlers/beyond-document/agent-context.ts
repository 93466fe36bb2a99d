/**
 * @module
 * The routes of ClaudeNest's agent's context client that the document lacks (see the SDK's
 * `contract/agent-context.ts`): searching a project's chunks with `POST /projects/{id}/context`, storing queued
 * context updates with `POST /context/batch`, and unlocking a file with `DELETE /projects/{id}/locks/{path}`.
 */
import { Failure } from "../../../../core/failure.ts";
import { uuid } from "../../../../core/ids.ts";
import { rankBm25 } from "../../../../lib/bm25.ts";
import type { NestHandlers } from "../../handlers.ts";
import { toChunk } from "../../state/context.ts";
import { freeLock, liveLock, lockPath } from "../../state/locks.ts";
import { ownProject, touchInstance } from "../../state/projects.ts";
import { DEFAULT_IMPORTANCE, insertChunk, liveChunks } from "../context.ts";
import { change, heldByOther } from "../locks.ts";

const DEFAULT_LIMIT = 10;
/** How long a chunk from a batch lives, as ClaudeNest's own server keeps them (`ContextController::batch`). */
const BATCH_CHUNK_LIFETIME_MS = 30 * 24 * 60 * 60 * 1000;

export const agentContext: Pick<NestHandlers<"context">, "queryChunks" | "batch"> = {
  queryChunks({ caller, params, body }, { services }) {
    const project = ownProject(services, caller, params.project);
    if (body.instance_id) touchInstance(services, project.id, body.instance_id);
    // Newest first, so that equal scores rank the newest chunk first.
    const chunks = body.type
      ? liveChunks(services, project, "AND type = ? ORDER BY seq DESC", body.type)
      : liveChunks(services, project, "ORDER BY seq DESC");
    const limit = body.limit ?? DEFAULT_LIMIT;
    const found =
      body.query.trim() === ""
        ? chunks
        : rankBm25(
            body.query,
            chunks.map((c) => `${c.content}\n${(JSON.parse(c.files) as string[]).join(" ")}`),
          ).map((match) => chunks[match.index]!);
    return found.slice(0, limit).map((chunk) => toChunk(services, chunk));
  },

  batch({ caller, body }, { services }) {
    const now = services.now();
    return services.db.tx(() => {
      const created: string[] = [];
      const errors: Array<{ index: number; error: string }> = [];
      body.updates.forEach((update, index) => {
        if (!update.projectId) {
          errors.push({ index, error: "The projectId field is required." });
          return;
        }
        let projectId: string;
        try {
          projectId = ownProject(services, caller, update.projectId).id;
        } catch (error) {
          if (!(error instanceof Failure)) throw error;
          errors.push({ index, error: "Project not found or not owned" });
          return;
        }
        const chunk = insertChunk(services, {
          id: uuid(),
          project_id: projectId,
          content: update.content,
          type: update.type,
          instance_id: null,
          task_id: null,
          files: update.files ?? [],
          importance_score: update.importanceScore ?? DEFAULT_IMPORTANCE,
          expires_at: now + BATCH_CHUNK_LIFETIME_MS,
          created_at: services.clock.iso(now),
        });
        created.push(chunk.id);
      });
      return { created, errors };
    });
  },
};

export const agentLocks: Pick<NestHandlers<"locks">, "remove"> = {
  remove({ caller, params }, { services }) {
    const project = ownProject(services, caller, params.project);
    const path = lockPath(project, params.path, "path", services);
    return change(services, project.id, (events) => {
      const held = liveLock(services, project.id, path);
      if (!held) return { path, released: false, locked_by: null };
      // A machine frees only its own instance's lock (the agent locks as its machine id); the owner frees any.
      if (caller.kind === "machine" && held.locked_by !== caller.machineId) throw heldByOther(held, path);
      freeLock(services, held, caller.kind === "machine" ? "released" : "forced", events);
      return { path, released: true, locked_by: held.locked_by };
    });
  },
};
