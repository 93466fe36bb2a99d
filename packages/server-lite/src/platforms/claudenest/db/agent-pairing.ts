/**
 * @module
 * Pairings whose code the ClaudeNest agent chose (`agent_code = 1`): they are polled without a token, and their
 * machine token is sealed with the code instead of the temporary token (see `agent/pairing.ts`).
 */
export const agentPairingMigration = {
  id: "claudenest-060-agent-pairing",
  sql: "ALTER TABLE cn_pairings ADD COLUMN agent_code INTEGER NOT NULL DEFAULT 0;",
};
