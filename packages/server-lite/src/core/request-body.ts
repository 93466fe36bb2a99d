/**
 * @module
 * Reads a request's body once, within the size limit, and parses it as JSON when the endpoint takes one.
 *
 * A GET or HEAD that declares no body (no `Content-Length`, no `Transfer-Encoding`) is not read: it has
 * none, and over a socket reading it would still build a whole `Request` to find that out.
 */
import type { Context } from "hono";
import { Failure } from "./failure.ts";

export interface BodyCodes {
  payloadTooLarge: string;
  unsupportedMediaType: string;
  badRequest: string;
}

export interface ReadBody {
  /** The parsed JSON (`{}` for an empty body), or `undefined` when the endpoint takes no body. */
  value: unknown;
  /** The raw text, for idempotency fingerprints. */
  text: string;
}

function declaresNoBody(c: Context): boolean {
  const method = c.req.method;
  return (
    (method === "GET" || method === "HEAD") &&
    c.req.header("content-length") === undefined &&
    c.req.header("transfer-encoding") === undefined
  );
}

export async function readBody(c: Context, takesBody: boolean, limit: number, codes: BodyCodes): Promise<ReadBody> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > limit) throw new Failure(codes.payloadTooLarge);
  const text = declaresNoBody(c) ? "" : await c.req.text();
  if (Buffer.byteLength(text) > limit) throw new Failure(codes.payloadTooLarge);
  if (!takesBody) return { value: undefined, text };
  if (text.trim() === "") return { value: {}, text };
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new Failure(codes.unsupportedMediaType);
  try {
    return { value: JSON.parse(text), text };
  } catch {
    throw new Failure(codes.badRequest);
  }
}
