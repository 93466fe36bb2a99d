/**
 * @module
 * The API reference page: the OpenAPI document rendered in the browser by Scalar's standalone bundle, served by
 * this server itself (vendored into `dist/vendor/` by the build; in the repository read from the development
 * dependency), so that `/docs` works offline. Fonts, telemetry and other calls out are turned off.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Where the page loads the renderer from. */
export const RENDERER_PATH = "/docs/scalar-api-reference.js";

let cached: string | null | undefined;

/** The file of the renderer's bundle: the vendored copy beside the built module, or the installed dependency. */
function rendererFile(): string | undefined {
  const vendored = fileURLToPath(new URL("./vendor/scalar-api-reference.js", import.meta.url));
  if (existsSync(vendored)) return vendored;
  try {
    const entry = createRequire(import.meta.url).resolve("@scalar/api-reference");
    const standalone = join(dirname(entry), "browser", "standalone.js");
    return existsSync(standalone) ? standalone : undefined;
  } catch {
    return undefined;
  }
}

/** The renderer's JavaScript, read once; `undefined` when neither copy exists (the page then falls back). */
export function rendererScript(): string | undefined {
  if (cached === undefined) {
    const file = rendererFile();
    cached = file ? readFileSync(file, "utf8") : null;
  }
  return cached ?? undefined;
}

/**
 * The HTML of the reference page for the OpenAPI document at `documentPath`.
 *
 * @example
 * app.get("/docs", (c) => c.html(referencePage("/openapi.json", "/docs/endpoints")));
 */
export function referencePage(documentPath: string, overviewPath: string): string {
  const configuration = {
    url: documentPath,
    withDefaultFonts: false,
    telemetry: false,
    showDeveloperTools: "never",
    // The hosted AI chat would send the document elsewhere; this page stays on this server.
    agent: { disabled: true },
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agentlane server-lite API reference</title></head>
<body>
<noscript>This reference needs JavaScript; <a href="${overviewPath}">${overviewPath}</a> lists every endpoint without it, and <a href="${documentPath}">${documentPath}</a> is the OpenAPI document.</noscript>
<div id="reference"></div>
<script src="${RENDERER_PATH}"></script>
<script>Scalar.createApiReference("#reference", ${JSON.stringify(configuration)});</script>
</body></html>`;
}
