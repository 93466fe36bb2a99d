/**
 * @module
 * Routes outside the contract, at the platform's root (the documented base without `/api/v1`, as the document's
 * own URLs are): the OAuth token endpoint also at `/oauth/token`, a task's `webhookUrl` (`POST` subscribes a URL
 * to that task's `task.completed`), and plugin packages (`/cdn/plugins/{id}/{file}.tgz`). Failures are answered
 * in CCJK's envelope.
 */
import { CreateWebhookBodySchema } from "@agentlane/sdk/ccjk/contract";
import type { Context, Hono } from "hono";
import { addressOf, credentialsOf } from "../../core/credentials.ts";
import { Failure, fieldErrors } from "../../core/failure.ts";
import { readLimitedText } from "../../core/request-body.ts";
import { authenticate } from "./caller.ts";
import { TASK_WEBHOOK_PATH } from "./handlers/agents.ts";
import { PACKAGE_PATH } from "./handlers/plugins.ts";
import type { CCJKServices } from "./services.ts";

/** The documented base below the platform's root. */
export const ROOT = "/api/v1";

const TaskWebhookBody = CreateWebhookBodySchema.pick({ url: true, secret: true });

export function extraRoutes(
  app: Hono,
  base: string,
  services: CCJKServices,
  fail: (c: Context, failure: Failure) => Response,
): void {
  const root = base.slice(0, base.length - ROOT.length);

  // §2: the token endpoint at the host root too; the request goes through the documented route unchanged.
  app.post(`${root}/oauth/token`, (c) => {
    const url = new URL(c.req.url);
    url.pathname = `${base}/oauth/token`;
    return app.fetch(new Request(url, c.req.raw), c.env);
  });

  app.post(`${root}${TASK_WEBHOOK_PATH}:id`, async (c) => {
    try {
      const caller = authenticate(
        services,
        "user",
        credentialsOf((name) => c.req.header(name), c.req.url, addressOf(c)),
      );
      if (caller.kind !== "account") throw new Failure("AUTH_INVALID");
      const text = await readLimitedText(c, 64 * 1024, "PAYLOAD_TOO_LARGE");
      let json: unknown;
      try {
        json = text.trim() === "" ? {} : JSON.parse(text);
      } catch {
        throw new Failure("VALIDATION_ERROR", "The request body is not valid JSON.");
      }
      const parsed = TaskWebhookBody.safeParse(json);
      if (!parsed.success) throw new Failure("VALIDATION_ERROR", undefined, fieldErrors(parsed.error.issues, json));
      const task = services.tasks.get(caller.accountId, c.req.param("id"));
      if (!task) throw new Failure("RESOURCE_NOT_FOUND", "No such task.");
      const webhook = services.webhooks.create(
        caller.accountId,
        { url: parsed.data.url, events: ["task.completed"], secret: parsed.data.secret },
        task.id,
      );
      return c.json({ success: true, data: webhook });
    } catch (error) {
      if (error instanceof Failure) return fail(c, error);
      throw error;
    }
  });

  app.get(`${root}${PACKAGE_PATH}:id/:file`, (c) => {
    const pkg = services.packages().get(c.req.param("id"));
    if (!pkg || pkg.fileName !== c.req.param("file"))
      return fail(c, new Failure("RESOURCE_NOT_FOUND", "No such package."));
    return new Response(new Uint8Array(pkg.bytes), {
      headers: {
        "content-type": "application/gzip",
        "content-length": String(pkg.bytes.length),
        etag: `"${pkg.sha256}"`,
        "cache-control": "public, max-age=31536000, immutable",
      },
    });
  });
}
