/**
 * @module
 * The error of a snapshot that cannot be restored, apart from the snapshot's schema so that the package's entry can
 * export it without loading zod.
 */

/** A snapshot that cannot be restored here; nothing was changed. */
export class SnapshotError extends Error {
  override name = "SnapshotError";
}
