/**
 * @module
 * ClaudeNest's tables that grow with use, and how many rows a server keeps of each by default (a server may
 * change each with the `retention` option).
 */
import type { RetentionRule } from "../../../store/retention.ts";

export const retention: readonly RetentionRule[] = [
  { table: "cn_activity", partitionBy: "project_id", keep: 1000, description: "a project's activity feed" },
  {
    table: "cn_session_logs",
    partitionBy: "session_id",
    keep: 10_000,
    description: "a session's logged input and output",
  },
  { table: "cn_command_executions", partitionBy: "machine_id", keep: 500, description: "a machine's command runs" },
  { table: "cn_outbox", keep: 1000, description: "mail the server sent (verification, password reset)" },
];
