/**
 * @module
 * Machine lists are ordered by `created_at, id`; an index in exactly that order (after the user) lets
 * SQLite read a page in order instead of sorting the user's machines on every list. It replaces the
 * `(user_id, created_at)` index, which it covers.
 */
export const machineOrderMigration = {
  id: "claudenest-machine-order",
  sql: `
DROP INDEX cn_machines_user;
CREATE INDEX cn_machines_user_order ON cn_machines(user_id, created_at, id);
`,
};
