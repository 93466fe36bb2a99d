/**
 * @module
 * Actus (seed document 003) as a server-lite platform, at `/api`: the `{code, msg, data}` envelope (some errors
 * inside HTTP 200, see the contract's `errors.ts`), bearer tokens with refresh, the built-in agent behind the
 * SSE chat, the VNC WebSocket showing a session's terminal, files, object storage, admin and skills v2.
 */
import { encodeError, encodeSuccess } from "@agentlane/sdk/actus";
import { type ActusContract, contract, errorCodes } from "@agentlane/sdk/actus/contract";
import type { PlatformDefinition, ServerEnvelope } from "../../core/platform.ts";
import { type ActusCaller, type ActusCommonCode, authenticate } from "./caller.ts";
import { retention } from "./db/retention.ts";
import { migrations, tables } from "./db/schema.ts";
import { admin } from "./handlers/admin.ts";
import { appConfig } from "./handlers/app-config.ts";
import { auth } from "./handlers/auth.ts";
import { files } from "./handlers/files.ts";
import { sessions } from "./handlers/sessions.ts";
import { skills } from "./handlers/skills.ts";
import { status } from "./handlers/status.ts";
import { userTools } from "./handlers/user-tools.ts";
import { downloadRoutes } from "./routes/download.ts";
import { legacyRoutes } from "./routes/legacy.ts";
import { wechatRoutes } from "./routes/wechat.ts";
import { vncRealtime } from "./runtime/vnc.ts";
import { type ActusSeedInfo, seed } from "./seed.ts";
import { ActusServices } from "./state/services.ts";

const codeTable = errorCodes as Record<string, { code: number; status: number; message: string }>;

/** The `data` of an error: FastAPI's `detail` list for validation, else the handler's details, flattened. */
function errorData(code: string, errors: Record<string, string[]> | undefined): unknown {
  if (!errors) return null;
  if (code === "VALIDATION")
    return {
      detail: Object.entries(errors).flatMap(([field, messages]) =>
        messages.map((msg) => ({ loc: ["body", ...field.split(".")], msg, type: "value_error" })),
      ),
    };
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.length === 1 ? v[0] : v]));
}

const envelope: ServerEnvelope = {
  success: (data, meta) => {
    if (meta.page) return encodeSuccess({ [meta.itemsKey ?? "items"]: data, total: meta.page.total });
    return encodeSuccess(data);
  },
  failure: (code, message, errors) => encodeError(codeTable[code]?.code ?? 500, message, errorData(code, errors)),
  statusOf: (code) => codeTable[code]?.status ?? 500,
  messageOf: (code) => codeTable[code]?.message ?? code,
  codes: {
    validation: "VALIDATION",
    unauthenticated: "UNAUTHORIZED",
    forbidden: "FORBIDDEN",
    rateLimited: "RATE_LIMITED",
    notFound: "NOT_FOUND",
    methodNotAllowed: "METHOD_NOT_ALLOWED",
    badRequest: "BAD_REQUEST",
    payloadTooLarge: "PAYLOAD_TOO_LARGE",
    unsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
    internal: "INTERNAL",
  },
};

export const actus: PlatformDefinition<ActusContract, ActusServices, ActusCaller, ActusCommonCode, ActusSeedInfo> = {
  id: "actus",
  root: "/api",
  title: "Actus API",
  version: "1.0.0",
  contract,
  envelope,
  migrations,
  tables,
  retention,
  createServices: (env) => new ActusServices(env),
  authRequirements: ["user", "admin"],
  authenticate,
  handlers: { auth, status, appConfig, userTools, sessions, admin, files, skills },
  // The document names request, chat and SSE limits without numbers; these are server-lite's.
  rateLimits: {
    groups: { auth: 10, chat: 30, sse: 30, websocket: 30 },
    authenticated: 600,
    anonymous: 60,
    windowMs: 60_000,
  },
  extraRoutes(app, base, services, fail) {
    wechatRoutes(app, base, services);
    downloadRoutes(app, base, services, fail);
    legacyRoutes(app, base, fail);
  },
  seed,
  // The VNC WebSocket of a session (RFB over WebSocket, token in the query).
  realtime: [vncRealtime()],
  reset: (services) => services.reset(),
  dispose: (services) => services.dispose(),
};
