/**
 * @module
 * Prism (`prism mock`, `@stoplight/prism-cli`), a peer of server-lite in the throughput line: a mock server of
 * this project's own OpenAPI document, which it routes, checks (security, parameters, body) and answers from.
 * Static mode (the default, no `--dynamic`): each answer is the example Prism derives from the response schema,
 * so it keeps no state and its list holds one made-up machine. Logging is cut to errors and CORS turned off, as
 * server-lite runs in the bench: Prism at its fastest.
 */
import { join } from "node:path";
import type { Child } from "../lib/child.ts";
import { startPackageServer } from "../lib/package-server.ts";

/**
 * Starts `prism mock` on the OpenAPI document `openapi` (the JSON server-lite serves at `/openapi.json`), from a
 * file of its own (removed when it stops).
 * @example const peer = await startPrism(await (await fetch(`${url}/openapi.json`)).text());
 */
export function startPrism(openapi: string): Promise<Child<{ url: string }>> {
  return startPackageServer({
    package: "@stoplight/prism-cli",
    bin: "prism",
    files: { "openapi.json": openapi },
    args: ({ port, host, dir }) => [
      "mock",
      join(dir, "openapi.json"),
      ...["--port", String(port), "--host", host, "--verboseLevel", "error", "--no-cors"],
    ],
    echo: true,
  });
}
