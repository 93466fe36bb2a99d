/**
 * @module
 * Which scan job statuses are final, without zod: the client's job watcher needs it, and a browser bundle of the
 * client must not carry the contract's schemas.
 */
import type { ScanJobStatus } from "./contract/scanning.ts";

/** The statuses after which a job never changes. */
export const FINAL_JOB_STATUSES: readonly ScanJobStatus[] = ["succeeded", "failed", "cancelled"];
