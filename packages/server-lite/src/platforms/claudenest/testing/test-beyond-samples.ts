/**
 * @module
 * Well-formed requests of the endpoints beyond the document (the routes ClaudeNest's own server and web UI use),
 * for the sweeps that walk every endpoint, against the test world's rows.
 */
import type { EndpointSample } from "../../../core/test-malformed.ts";
import type { NestWorld } from "./test-world.ts";

/** A sample of every `beyondDocument` endpoint, by `resource.endpoint`. */
export function beyondDocumentSamples(w: NestWorld): Record<string, EndpointSample> {
  const project = { id: w.projectId };
  return {
    "machines.browse": { params: { id: w.machine.id }, query: { path: "", dirs_only: "true", show_hidden: "false" } },
    "projects.scan": { params: { machine: w.machine.id }, body: { path: "/home/alice/app" } },
    "tasks.claimNext": { params: { project: w.projectId }, body: { instance_id: "claude-3" } },
    "dashboard.stats": { params: {} },
    "credentials.list": { params: {} },
    "credentials.create": {
      params: {},
      body: { name: "personal", auth_type: "oauth", access_token: "oat01-token-abcdef", claude_dir_mode: "isolated" },
    },
    "credentials.get": { params: { id: w.credentialId } },
    "credentials.update": {
      params: { id: w.credentialId },
      body: { name: "renamed", api_key: "sk-ant-api03-newkey-123456", claude_dir_mode: "shared" },
    },
    "credentials.test": { params: { id: w.credentialId } },
    "credentials.remove": { params: { id: w.credentialId } },
    "credentials.setDefault": { params: { id: w.credentialId } },
    "orchestration.status": { params: project },
    "orchestration.stats": { params: project },
    "context.queryChunks": {
      params: { project: w.projectId },
      body: { query: "parser", limit: 5, type: "decision", instance_id: w.machine.id },
    },
    "context.batch": {
      params: {},
      body: { updates: [{ projectId: w.projectId, content: "Parser done.", type: "context_update", files: [] }] },
    },
    "locks.remove": { params: { project: w.projectId, path: w.lockPath } },
    "orchestration.start": { params: project, body: { min_workers: 2, max_workers: 4, poll_interval_ms: 2000 } },
    "orchestration.stop": { params: project },
  };
}
