/**
 * @module
 * The system log `GET /system/logs` answers: what the platform did that an administrator may want to know.
 */
import { randomUUID } from "node:crypto";
import type { CoServices } from "../services.ts";

/** Log levels, most severe first. */
export const LEVELS = ["error", "warn", "info", "debug"] as const;
/** One log level. */
export type Level = (typeof LEVELS)[number];

/** Records a log line. */
export function log(services: CoServices, level: Level, service: string, message: string, data: object = {}): void {
  services.db.run(
    "INSERT INTO co_logs (id, at, level, service, message, data) VALUES (?, ?, ?, ?, ?, ?)",
    `log-${randomUUID()}`,
    services.now(),
    level,
    service,
    message,
    JSON.stringify(data),
  );
}
