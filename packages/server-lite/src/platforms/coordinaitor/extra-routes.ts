/**
 * @module
 * Routes outside the contract: `GET /api/docs` (the document's interactive documentation, here the server's
 * endpoint reference) and the avatars `users.me` names, served as the images they are.
 */
import type { Context, Hono } from "hono";
import { Failure } from "../../core/failure.ts";
import type { CoServices } from "./services.ts";

export function extraRoutes(
  app: Hono,
  base: string,
  services: CoServices,
  fail: (c: Context, failure: Failure) => Response,
): void {
  // The server's own reference page lives at the origin's `/docs`; `/api/docs` is where the document puts it.
  app.get(`${base}/api/docs`, (c) => c.redirect(`${base.replace(/\/coordinaitor$/, "")}/docs`, 302));
  app.get(`${base}/api/v1/users/:id/avatar`, (c) => {
    const row = services.db.get<{ avatar: Uint8Array | null; avatar_type: string | null }>(
      "SELECT avatar, avatar_type FROM co_users WHERE id = ?",
      c.req.param("id"),
    );
    if (!row?.avatar || !row.avatar_type) return fail(c, new Failure("NOT_FOUND", "This user has no avatar"));
    return c.body(new Uint8Array(row.avatar), 200, {
      "content-type": row.avatar_type,
      "cache-control": "no-cache",
      "x-content-type-options": "nosniff",
    });
  });
}
