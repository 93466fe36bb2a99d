/**
 * @module
 * CAIPE's tables that grow with use, and how many rows a server keeps of each by default (a server may change
 * each with the `retention` option).
 */
import type { RetentionRule } from "../../../store/retention.ts";

export const retention: readonly RetentionRule[] = [
  { table: "caipe_scan_jobs", keep: 1000, prunable: "finished_ms IS NOT NULL", description: "scan jobs" },
];
