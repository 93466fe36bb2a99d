/**
 * @module
 * The Actus envelope: `{code, msg, data}` for every answer. `code` 200 (or 0, which the web UI also accepts) is
 * success; any other code is an error whatever the HTTP status, so an error inside HTTP 200 raises the same typed
 * error as one with its own status (the code stands for the status). FastAPI's own validation answer, HTTP 422
 * `{detail: [{loc, msg, type}]}`, and its `{detail: "..."}` errors are read too. Both directions live here, so
 * that the SDK and server-lite cannot drift apart.
 */
import type { DecodedError, EnvelopeCodec, ResponseMeta } from "../../core/envelope.ts";
import { SUCCESS_CODES } from "./contract/errors.ts";

/** One FastAPI validation problem. */
export interface WireValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** An Actus response body. */
export interface WireBody {
  code: number;
  msg: string;
  data: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Whether a body is the `{code, msg, data}` envelope. */
function isEnvelope(body: unknown): body is WireBody {
  return isObject(body) && typeof body.code === "number" && "msg" in body;
}

function fromDetail(detail: unknown, status: number): DecodedError {
  if (Array.isArray(detail)) {
    const issues = detail as Partial<WireValidationIssue>[];
    const message = issues
      .map((i) => `${Array.isArray(i.loc) ? i.loc.join(".") : "?"}: ${i.msg ?? "invalid"}`)
      .join("; ");
    return { code: "422", message: message || "Validation error", details: detail, status: 422 };
  }
  return { code: String(status), message: typeof detail === "string" ? detail : `HTTP ${status}` };
}

function fromEnvelope(body: WireBody): DecodedError {
  const status = body.code >= 400 && body.code <= 599 ? body.code : undefined;
  const data = isObject(body.data) ? body.data : undefined;
  const message = typeof body.msg === "string" && body.msg ? body.msg : `code ${body.code}`;
  return {
    code: String(body.code),
    message,
    details: Array.isArray(data?.detail) ? data.detail : body.data,
    status,
  };
}

/** The page a list answer stands for (`{users, total}` of the admin list). */
function metaOf(data: unknown): ResponseMeta {
  if (isObject(data) && typeof data.total === "number") return { pagination: { total: data.total } };
  return {};
}

/** Reads Actus's `{code, msg, data}` envelope; errors may come inside HTTP 200. */
export const actusEnvelope: EnvelopeCodec = {
  decode(body, status) {
    if (isEnvelope(body)) {
      if (SUCCESS_CODES.includes(body.code)) return { ok: true, data: body.data ?? null, meta: metaOf(body.data) };
      return { ok: false, error: fromEnvelope(body) };
    }
    if (isObject(body) && "detail" in body) return { ok: false, error: fromDetail(body.detail, status) };
    return { ok: true, data: body, meta: {} };
  },
  decodeError(body, status) {
    if (isEnvelope(body)) return { ...fromEnvelope(body), status: undefined };
    if (isObject(body) && "detail" in body) return { ...fromDetail(body.detail, status), status: undefined };
    return { code: String(status), message: typeof body === "string" && body ? body.slice(0, 500) : `HTTP ${status}` };
  },
  // `skip`/`limit` lists: the next page starts after the items read so far, until `total`.
  nextPage({ data, query }) {
    if (!isObject(data) || typeof data.total !== "number") return undefined;
    const items = Object.values(data).find(Array.isArray) as unknown[] | undefined;
    if (!items || items.length === 0) return undefined;
    const skip = (typeof query.skip === "number" ? query.skip : Number(query.skip ?? 0)) + items.length;
    return skip < data.total ? { ...query, skip } : undefined;
  },
};

/** Server side: a success body. */
export function encodeSuccess(data: unknown, msg = "success"): WireBody {
  return { code: 200, msg, data };
}

/** Server side: an error body; validation problems go in `data.detail`, as FastAPI names them. */
export function encodeError(code: number, msg: string, data: unknown = null): WireBody {
  return { code, msg, data };
}
