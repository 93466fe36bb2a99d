/**
 * @module
 * Pairings keep the machine token sealed with the agent's pairing token (see `state/pairing-seal.ts`) and its hash,
 * instead of the token itself. Pairings live ten minutes, so the ones in a stored database are dropped rather
 * than converted: an agent that was pairing starts again (`PAR_001`).
 */
export const pairingSealMigration = {
  id: "claudenest-041-pairing-sealed-token",
  sql: `
DELETE FROM cn_pairings;
ALTER TABLE cn_pairings DROP COLUMN machine_token;
ALTER TABLE cn_pairings ADD COLUMN machine_token_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE cn_pairings ADD COLUMN machine_token_sealed TEXT NOT NULL DEFAULT '';
`,
};
