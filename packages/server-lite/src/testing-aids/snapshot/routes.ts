/**
 * @module
 * `/_lite/snapshot`: the whole state of every platform as JSON (`GET`), and restored from it (`PUT`), so a test
 * builds a scenario once and restores it before each case.
 */
import type { Hono } from "hono";
import { readLiteBody } from "../lite-json.ts";
import { type LiteSnapshot, snapshotSchema } from "./format.ts";
import { SnapshotError } from "./store-state.ts";

/** What the snapshot routes need of the server. */
export interface SnapshotControls {
  snapshot(): LiteSnapshot;
  restore(snapshot: LiteSnapshot): Promise<{ rows: number }>;
}

/** Mounts `GET` and `PUT /_lite/snapshot`. */
export function mountSnapshotRoutes(app: Hono, controls: SnapshotControls): void {
  app.get("/_lite/snapshot", (c) => c.json(controls.snapshot()));
  app.put("/_lite/snapshot", async (c) => {
    const read = await readLiteBody(c, snapshotSchema, "a snapshot, as GET /_lite/snapshot answers it");
    if (!read.ok) return read.response;
    try {
      return c.json({ restored: true, ...(await controls.restore(read.value)) });
    } catch (error) {
      if (error instanceof SnapshotError) return c.json({ error: error.message }, 422);
      throw error;
    }
  });
}
