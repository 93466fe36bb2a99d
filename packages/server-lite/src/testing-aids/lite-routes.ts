/**
 * @module
 * `/_lite/*`: control of the emulator itself for tests over HTTP (with `lite: true` or `--lite`): the clock, the
 * seed, and the testing aids (faults, recorded requests, snapshots of the state). `liteClient` calls them typed.
 */
import type { Hono } from "hono";
import { z } from "zod";
import type { Clock } from "../core/clock.ts";
import type { FaultInjector } from "./chaos/injector.ts";
import { mountChaosRoutes } from "./chaos/routes.ts";
import { readLiteBody } from "./lite-json.ts";
import type { RequestRecorder } from "./recording/recorder.ts";
import { mountRecordingRoutes } from "./recording/routes.ts";
import { mountSnapshotRoutes, type SnapshotControls } from "./snapshot/routes.ts";

/** What the `/_lite/*` routes control. */
export interface LiteControls extends SnapshotControls {
  clock: Clock;
  /** Empties the state; `keepSeed` restores what seeding made. */
  reset(options: { keepSeed: boolean }): Promise<void>;
  seed(): Record<string, Record<string, string>>;
  chaos: FaultInjector;
  /** Present when recording is on. */
  recorder: RequestRecorder | undefined;
}

const clockBody = z.object({ advance_ms: z.number().min(0).refine(Number.isFinite) });
const resetBody = z.strictObject({ keepSeed: z.boolean().optional() });

/** Mounts every `/_lite/*` route. */
export function mountLite(app: Hono, lite: LiteControls): void {
  // What seeding created, by platform id: tests in any language log in with it.
  app.get("/_lite/seed", (c) => c.json(lite.seed()));
  app.get("/_lite/clock", (c) => c.json({ now: lite.clock.iso() }));
  app.post("/_lite/clock", async (c) => {
    const read = await readLiteBody(c, clockBody, '{"advance_ms": number}');
    if (!read.ok) return read.response;
    lite.clock.advance(read.value.advance_ms);
    return c.json({ now: lite.clock.iso() });
  });
  app.post("/_lite/reset", async (c) => {
    const read = await readLiteBody(c, resetBody, '{"keepSeed": true}');
    if (!read.ok) return read.response;
    await lite.reset({ keepSeed: read.value.keepSeed ?? false });
    return c.json({ reset: true });
  });
  mountChaosRoutes(app, lite.chaos);
  mountSnapshotRoutes(app, lite);
  mountRecordingRoutes(app, lite.recorder);
}
