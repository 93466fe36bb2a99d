/**
 * @module
 * Routes outside the contract that the document names: the legacy v1 skills API (HTTP 410 in the envelope,
 * whatever the method) and ReDoc at the root, beside the core's `/docs` and `/openapi.json`.
 */
import type { Context, Hono } from "hono";
import { Failure } from "../../../core/failure.ts";

export function legacyRoutes(app: Hono, base: string, fail: (c: Context, failure: Failure) => Response): void {
  const gone = (c: Context) => fail(c, new Failure("GONE", "Legacy v1 Skill API has been removed; use /api/v2/skills"));
  app.all(`${base}/app-config/skills`, gone);
  app.all(`${base}/app-config/skills/*`, gone);

  const prefix = base.replace(/\/api$/, "");
  app.get(`${prefix}/redoc`, (c) =>
    c.html(`<!doctype html>
<html><head><meta charset="utf-8"><title>Actus API - ReDoc</title></head>
<body><redoc spec-url="/openapi.json"></redoc>
<script src="https://cdn.redoc.ly/redoc/latest/bundles/redoc.standalone.js"></script></body></html>`),
  );
}
