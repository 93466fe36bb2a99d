/**
 * @module
 * Notes on server-lite: a platform definition written only against the core's public seams (credentials, the
 * envelope, named list keys, multipart bodies, stream handlers). Keys are seeded: `key_rw` reads and writes,
 * `key_r` only reads.
 */
import type {
  AnyPlatform,
  Caller,
  Credentials,
  Environment,
  PlatformDefinition,
  ServerEnvelope,
} from "@agentlane/server-lite";
import { Failure } from "@agentlane/server-lite";
import { contract, errorCodes, type NotesContract } from "./contract.ts";

type Code = keyof typeof errorCodes;

const KEYS: Record<string, readonly string[]> = { key_rw: ["read", "write"], key_r: ["read"] };

interface Services {
  notes: Map<string, { id: string; text: string; files: string[] }>;
  flakyCalls: number;
  revoked: Set<string>;
  revocations: Environment["revocations"];
}

const envelope: ServerEnvelope = {
  success: (data, meta) =>
    meta.page
      ? { code: 0, message: "ok", data: { [meta.itemsKey ?? "items"]: data, ...meta.page.extra } }
      : { code: 0, message: "ok", data },
  failure: (code, message) => ({ code: errorCodes[code as Code]?.code ?? 50000, message }),
  // Every answer is HTTP 200: the code in the body says what happened.
  statusOf: () => 200,
  messageOf: (code) => errorCodes[code as Code]?.message ?? code,
  codes: {
    validation: "VALIDATION",
    unauthenticated: "UNAUTHENTICATED",
    forbidden: "FORBIDDEN",
    rateLimited: "RATE_LIMITED",
    notFound: "NOT_FOUND",
    methodNotAllowed: "METHOD",
    badRequest: "BAD_REQUEST",
    payloadTooLarge: "TOO_LARGE",
    unsupportedMediaType: "UNSUPPORTED",
    internal: "INTERNAL",
  },
};

function authenticate(services: Services, requirement: string, credentials: Credentials): Caller {
  const key = credentials.header("x-api-key");
  if (requirement === "none") return { key: `ip:${credentials.address}` };
  const permissions = key && !services.revoked.has(key) ? KEYS[key] : undefined;
  if (!permissions) throw new Failure("UNAUTHENTICATED");
  if (!permissions.includes(requirement)) throw new Failure("FORBIDDEN");
  return { key: `key:${key}` };
}

const definition: PlatformDefinition<NotesContract, Services, Caller, "NOT_FOUND" | "DUPLICATE" | "BUSY"> = {
  id: "notes",
  root: "/v2",
  title: "Notes",
  version: "2.0.0",
  contract,
  envelope,
  migrations: [],
  tables: [],
  createServices: (env) => ({ notes: new Map(), flakyCalls: 0, revoked: new Set(), revocations: env.revocations }),
  authRequirements: ["read", "write"],
  authenticate,
  rateLimits: { groups: {}, authenticated: 1000, anonymous: 60, windowMs: 3_600_000 },
  handlers: {
    notes: {
      list({ query }, { services }) {
        const all = [...services.notes.values()];
        const start = query.cursor ? all.findIndex((n) => n.id === query.cursor) + 1 : 0;
        const limit = query.limit ?? 2;
        const items = all.slice(start, start + limit);
        const more = start + limit < all.length;
        return {
          items,
          page: 1,
          perPage: limit,
          total: all.length,
          extra: { next_cursor: more ? items.at(-1)!.id : null },
        };
      },
      create({ body }, { services, fail }) {
        if ([...services.notes.values()].some((n) => n.text === body.text)) fail("DUPLICATE");
        const note = { id: `n${services.notes.size + 1}`, text: body.text, files: [] };
        services.notes.set(note.id, note);
        return note;
      },
      attach({ params, body }, { services, fail }) {
        const note = services.notes.get(params.id) ?? fail("NOT_FOUND");
        note.files.push(`${body.label ?? body.file.name}:${body.file.size}`);
        return note;
      },
      replay({ params, body }, { services, fail, signal }) {
        if (!services.notes.has(params.id)) fail("NOT_FOUND");
        return (async function* () {
          for (let step = (body.after ?? 0) + 1; step <= body.steps && !signal.aborted; step++)
            yield { event: "progress" as const, data: { step }, id: String(step) };
          yield { event: "done" as const, data: { steps: body.steps } };
        })();
      },
      follow(_input, { signal }) {
        return (async function* () {
          yield { event: "hello" as const, data: {} };
          await new Promise<void>((resolve) => signal.addEventListener("abort", () => resolve(), { once: true }));
        })();
      },
      revokeKey({ body }, { services }) {
        services.revoked.add(body.key);
        services.revocations.revoke({
          platformId: "notes",
          covers: (caller) => (caller as Caller).key === `key:${body.key}`,
          reason: "The key was revoked",
        });
        return null;
      },
      flaky(_input, { services, fail }) {
        services.flakyCalls++;
        if (services.flakyCalls < 3) fail("BUSY");
        return { calls: services.flakyCalls };
      },
    },
  },
};

/** The Notes platform definition, for `createServer({ definitions: [notes] })`. */
export const notes = definition as AnyPlatform;
