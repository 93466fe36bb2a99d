/**
 * @module
 * The snapshot format: every row of every table a server holds, grouped by owner (`core` for the server's own
 * tables, else the platform id), as JSON. BLOBs travel as base64; `AUTOINCREMENT` counters travel too, so ids
 * made after a restore are the ones made after the snapshot was taken.
 */
import { z } from "zod";

/** A column's value: SQLite's text, numbers and NULL as they are, a BLOB as `{ "$blob": base64 }`. */
export type SnapshotValue = string | number | null | { $blob: string };

/** One row, by column name. */
export type SnapshotRow = Record<string, SnapshotValue>;

/** The whole state of a server, as `GET /_lite/snapshot` answers it and `PUT /_lite/snapshot` takes it. */
export interface LiteSnapshot {
  format: "agentlane-server-lite.snapshot";
  version: 1;
  /** When it was taken, on the server clock. */
  takenAt: string;
  /** Rows by owner (`core` or a platform id), then by table. */
  tables: Record<string, Record<string, SnapshotRow[]>>;
  /** `AUTOINCREMENT` counters by table. */
  sequences: Record<string, number>;
  /** What seeding had made, by platform (`GET /_lite/seed` answers it after a restore). */
  seed: Record<string, Record<string, string>>;
}

const value = z.union([z.string(), z.number(), z.null(), z.strictObject({ $blob: z.base64() })]);

/** The shape a snapshot must have; table and column names are checked against the store when it is restored. */
export const snapshotSchema = z.strictObject({
  format: z.literal("agentlane-server-lite.snapshot"),
  version: z.literal(1),
  takenAt: z.string(),
  tables: z.record(z.string(), z.record(z.string(), z.array(z.record(z.string(), value)))),
  sequences: z.record(z.string(), z.int().min(0)),
  seed: z.record(z.string(), z.record(z.string(), z.string())),
}) satisfies z.ZodType<LiteSnapshot>;

/** Encodes a value read from SQLite. */
export function encodeValue(raw: unknown): SnapshotValue {
  if (raw instanceof Uint8Array) return { $blob: Buffer.from(raw).toString("base64") };
  if (typeof raw === "bigint") return Number(raw);
  return raw as string | number | null;
}

/** Decodes a value for SQLite. */
export function decodeValue(value: SnapshotValue): string | number | null | Uint8Array {
  if (value !== null && typeof value === "object") return new Uint8Array(Buffer.from(value.$blob, "base64"));
  return value;
}
