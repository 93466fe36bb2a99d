/**
 * @module
 * What the server tells a machine's agent about its sessions, in the agent's own words (ClaudeNest's
 * `SessionController` sends them through its `AgentGateway`): `session:create {sessionId, mode, projectPath,
 * initialPrompt, ptySize, credentialEnv}`, `session:input {sessionId, data}`, `session:resize {sessionId, cols,
 * rows}` and `session:terminate {sessionId}`. server-lite holds no Claude credentials, so `credentialEnv` is null.
 */
import type { SessionRow } from "../runtime/session-runtime.ts";

/** The status message of a session handed to its machine's agent, until the agent reports on it. */
export const SENT_TO_AGENT_MESSAGE = "Sent to the machine's agent";

/** `session:create` for a new session. */
export function sessionCreateMessage(row: SessionRow) {
  return {
    sessionId: row.id,
    mode: row.mode,
    projectPath: row.project_path,
    initialPrompt: row.initial_prompt,
    ptySize: { cols: row.cols, rows: row.rows },
    credentialEnv: null,
  };
}
