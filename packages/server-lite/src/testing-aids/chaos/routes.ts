/**
 * @module
 * `/_lite/chaos`: faults configured at run time (`POST`, `rate: 0` turns them off) and what was injected (`GET`).
 */
import type { Hono } from "hono";
import { readLiteBody } from "../lite-json.ts";
import type { FaultInjector } from "./injector.ts";
import { chaosOptionsSchema } from "./options.ts";

/** Mounts `GET` and `POST /_lite/chaos`. */
export function mountChaosRoutes(app: Hono, injector: FaultInjector): void {
  app.get("/_lite/chaos", (c) => c.json(injector.state()));
  app.post("/_lite/chaos", async (c) => {
    const read = await readLiteBody(c, chaosOptionsSchema, '{"rate": 0.2, "seed": 7, "kinds": ["503", "drop"]}');
    if (!read.ok) return read.response;
    return c.json({ config: injector.configure(read.value) });
  });
}
