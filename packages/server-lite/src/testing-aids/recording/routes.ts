/**
 * @module
 * `/_lite/requests`: the recorded exchanges as HAR 1.2 (`GET`, filtered by `?path=`, `?since=`, `?until=`), and
 * forgetting them (`DELETE`).
 */
import type { Hono } from "hono";
import type { RequestFilter, RequestRecorder } from "./recorder.ts";

/** Mounts `GET` and `DELETE /_lite/requests`; without a recorder, they say how to turn recording on. */
export function mountRecordingRoutes(app: Hono, recorder: RequestRecorder | undefined): void {
  const off = { error: "Recording is off: start the server with `record` (or `--record <file>`)." };
  app.get("/_lite/requests", (c) => {
    if (!recorder) return c.json(off, 409);
    const filter: RequestFilter = {};
    for (const name of ["path", "since", "until"] as const) {
      const value = c.req.query(name);
      if (value !== undefined) filter[name] = value;
    }
    try {
      return c.json(recorder.har(filter));
    } catch (error) {
      return c.json({ error: (error as Error).message }, 422);
    }
  });
  app.delete("/_lite/requests", (c) => {
    if (!recorder) return c.json(off, 409);
    recorder.clear();
    return c.json({ cleared: true });
  });
}
