/**
 * @module
 * `/openapi.json`, `/docs`, `/docs/endpoints` and the renderer's script. The OpenAPI document and the overview are
 * made by `docs.ts`, loaded with the first request for them: a server that is never asked for its documentation
 * never builds JSON Schemas.
 */
import type { Context, Hono } from "hono";
import type { MountedDoc } from "./docs.ts";
import { RENDERER_PATH, referencePage, rendererScript } from "./docs-renderer.ts";

/** What the documentation routes need of the server. */
export interface DocsSetup {
  /** The mounted platforms and where each is served. */
  docs: readonly MountedDoc[];
  /** The answer for a path no platform owns (the renderer's script when its bundle is missing). */
  outside(c: Context): Response;
}

/** How many origins' OpenAPI documents are kept (each names the origin it was asked on). */
const CACHED_ORIGINS = 16;

/**
 * Mounts the documentation routes on `app`.
 * @example mountDocs(app, { docs, outside: (c) => c.json({ error: "Not found" }, 404) });
 */
export function mountDocs(app: Hono, setup: DocsSetup): void {
  const { docs } = setup;
  const openapi = new Map<string, string>();
  app.get("/openapi.json", async (c) => {
    const origin = new URL(c.req.url).origin;
    let document = openapi.get(origin);
    if (!document) {
      const { openAPIDocument } = await import("./docs.ts");
      document = JSON.stringify(openAPIDocument(docs, origin));
      if (openapi.size < CACHED_ORIGINS) openapi.set(origin, document);
    }
    return c.body(document, 200, { "content-type": "application/json" });
  });
  // The rendered reference when the renderer's bundle is there, else the plain overview.
  app.get("/docs", async (c) =>
    c.html(rendererScript() ? referencePage("/openapi.json", "/docs/endpoints") : await overview(docs)),
  );
  app.get("/docs/endpoints", async (c) => c.html(await overview(docs)));
  app.get(RENDERER_PATH, (c) => {
    const script = rendererScript();
    if (!script) return setup.outside(c);
    return c.body(script, 200, {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": "public, max-age=86400",
    });
  });
}

/** The plain overview of every endpoint. */
async function overview(docs: readonly MountedDoc[]): Promise<string> {
  const { docsPage } = await import("./docs.ts");
  return docsPage(docs);
}
