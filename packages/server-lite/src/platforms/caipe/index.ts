/**
 * @module
 * CAIPE Skills (seed document 004, the unified Skills HTTP contract) as a server-lite platform.
 */
import { encodeError, encodeSuccess } from "@agentlane/sdk/caipe";
import { type CaipeSkillsContract, contract, errorCodes } from "@agentlane/sdk/caipe/contract";
import type { PlatformDefinition, ServerEnvelope } from "../../core/platform.ts";
import { migrations, tables } from "./db/migrations.ts";
import { retention } from "./db/retention.ts";
import { authoring } from "./handlers/authoring.ts";
import { catalog } from "./handlers/catalog.ts";
import { configs } from "./handlers/configs.ts";
import { gateway } from "./handlers/gateway.ts";
import { quarantine, scanJobs, scans } from "./handlers/scanning.ts";
import { seed as seedHandlers } from "./handlers/seed.ts";
import { templates } from "./handlers/templates.ts";
import { type CaipeSeedInfo, seed } from "./seed.ts";
import { authenticate, type CaipeCaller, type CaipeCommonCode } from "./state/caller.ts";
import { CaipeServices } from "./state/services.ts";

const codeTable = errorCodes as Record<string, { status: number; message: string }>;

/** A list page's `data`: the catalog's `{skills, meta}`, with the page fields only when a page was asked for. */
function listData(items: unknown, meta: Parameters<ServerEnvelope["success"]>[1]): unknown {
  const page = meta.page!;
  const paged = meta.query?.page !== undefined;
  return {
    [meta.itemsKey ?? "items"]: items,
    meta: {
      total: page.total,
      ...(paged ? { page: page.page, page_size: page.perPage, has_more: page.page * page.perPage < page.total } : {}),
      ...page.extra,
    },
  };
}

/**
 * The error string names what was wrong: CAIPE clients read only `error` (a string), so a validation failure's
 * field messages are in it too, not only in `details`.
 */
function withFieldErrors(message: string, errors: Record<string, string[]> | undefined): string {
  if (!errors) return message;
  const fields = Object.entries(errors).map(([field, messages]) => `${field}: ${messages.join(" ")}`);
  return `${message}: ${fields.join("; ")}`.slice(0, 2000);
}

const envelope: ServerEnvelope = {
  success: (data, meta) => encodeSuccess(meta.page ? listData(data, meta) : data),
  failure: (code, message, errors) => encodeError(code, withFieldErrors(message, errors), errors),
  statusOf: (code) => codeTable[code]?.status ?? 500,
  messageOf: (code) => codeTable[code]?.message ?? code,
  codes: {
    validation: "VALIDATION_ERROR",
    unauthenticated: "UNAUTHORIZED",
    forbidden: "FORBIDDEN",
    rateLimited: "RATE_LIMITED",
    notFound: "NOT_FOUND",
    methodNotAllowed: "METHOD_NOT_ALLOWED",
    badRequest: "BAD_REQUEST",
    payloadTooLarge: "PAYLOAD_TOO_LARGE",
    unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
    internal: "INTERNAL_ERROR",
  },
};

/** CAIPE Skills as a server-lite platform: `createServer({ platform: "caipe" })`, `--platform caipe`. */
export const caipe: PlatformDefinition<
  CaipeSkillsContract,
  CaipeServices,
  CaipeCaller,
  CaipeCommonCode,
  CaipeSeedInfo
> = {
  id: "caipe",
  root: "/api",
  title: "CAIPE Skills (unified HTTP contract)",
  version: "2026-04-29",
  contract,
  envelope,
  migrations,
  tables,
  retention,
  createServices: (env) => new CaipeServices(env),
  authRequirements: ["user", "admin", "catalog"],
  authenticate,
  handlers: { catalog, configs, seed: seedHandlers, authoring, templates, gateway, scanJobs, quarantine, scans },
  // The document sets no limits: generous ones, so that a runaway client is still stopped.
  rateLimits: { groups: {}, authenticated: 1000, anonymous: 120, windowMs: 60_000 },
  seed,
  dispose: (services) => services.supervisor.drain(),
  reset: (services) => {
    services.failedHubs.clear();
    return services.supervisor.drain();
  },
};
