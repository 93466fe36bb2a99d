/**
 * @module
 * Actus's tables that grow with use, and how many rows a server keeps of each by default (a server may change
 * each with the `retention` option). A stream resumed from an event older than a session's kept events starts
 * at the oldest one kept.
 */
import type { RetentionRule } from "../../../store/retention.ts";

export const retention: readonly RetentionRule[] = [
  {
    table: "act_events",
    partitionBy: "session_id",
    orderBy: "seq",
    keep: 10_000,
    description: "a session's event log (replayed on resume)",
  },
];
