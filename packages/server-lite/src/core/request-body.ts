/**
 * @module
 * Reads a request's body once, within the size limit, and parses it as JSON when the endpoint takes one.
 * JSON nested deeper than `MAX_JSON_DEPTH` is refused as a validation failure on the field that holds it.
 *
 * A GET or HEAD that declares no body (no `Content-Length`, no `Transfer-Encoding`) is not read: it has
 * none, and over a socket reading it would still build a whole `Request` to find that out.
 */
import type { Context } from "hono";
import { Failure } from "./failure.ts";
import { MAX_JSON_DEPTH, tooDeeplyNested } from "./json-depth.ts";

export interface BodyCodes {
  payloadTooLarge: string;
  unsupportedMediaType: string;
  badRequest: string;
  validation: string;
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

/**
 * The body as text, read chunk by chunk and given up (the stream cancelled) as soon as it passes `limit`: a
 * body of undeclared length (chunked) is never held in memory beyond the limit.
 */
export async function readLimitedText(c: Context, limit: number, tooLarge: string): Promise<string> {
  const stream = c.req.raw.body;
  if (!stream) return "";
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    size += read.value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new Failure(tooLarge);
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

export async function readBody(c: Context, takesBody: boolean, limit: number, codes: BodyCodes): Promise<ReadBody> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > limit) throw new Failure(codes.payloadTooLarge);
  const text = declaresNoBody(c) ? "" : await readLimitedText(c, limit, codes.payloadTooLarge);
  if (!takesBody) return { value: undefined, text };
  if (text.trim() === "") return { value: {}, text };
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new Failure(codes.unsupportedMediaType);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Failure(codes.badRequest);
  }
  const field = tooDeeplyNested(value);
  if (field !== undefined) {
    const message = `The ${field} field is nested too deeply: at most ${MAX_JSON_DEPTH} levels of objects and arrays.`;
    throw new Failure(codes.validation, message, { [field]: [message] });
  }
  return { value, text };
}
