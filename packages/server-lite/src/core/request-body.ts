/**
 * @module
 * Reads a request's body once, within the size limit, and parses it as the endpoint's encoding says: JSON
 * (nested deeper than `MAX_JSON_DEPTH` is refused as a validation failure on the field that holds it), a URL-encoded
 * form, or multipart form data (files become `File` values). A key repeated in a form becomes an array.
 *
 * A GET or HEAD that declares no body (no `Content-Length`, no `Transfer-Encoding`) is not read: it has
 * none, and over a socket reading it would still build a whole `Request` to find that out.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import type { BodyEncoding } from "@agentlane/sdk/contract";
import type { Context } from "hono";
import { Failure } from "./failure.ts";
import { MAX_JSON_DEPTH, tooDeeplyNested } from "./json-depth.ts";

// Required rather than imported: an ESM import of `node:http` builds its whole namespace, whose `WebSocket` getter
// loads Node's fetch implementation (undici), which would cost every server's start as much as Node's own boot.
const { IncomingMessage: NodeRequest, ServerResponse: NodeResponse } = createRequire(import.meta.url)(
  "node:http",
) as typeof import("node:http");

export interface BodyCodes {
  payloadTooLarge: string;
  unsupportedMediaType: string;
  badRequest: string;
  validation: string;
}

export interface ReadBody {
  /** The parsed body (`{}` when empty), or `undefined` when the endpoint takes no body. */
  value: unknown;
  /** The raw text (binary bodies as latin1), for idempotency fingerprints. */
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
 * The body as text, read chunk by chunk and given up as soon as it passes `limit`: a body of undeclared length
 * (chunked) is never held in memory beyond the limit.
 */
export async function readLimitedText(c: Context, limit: number, tooLarge: string): Promise<string> {
  return (await readLimitedBytes(c, limit, tooLarge)).toString("utf8");
}

/** The body's bytes, read like {@link readLimitedText}. */
export async function readLimitedBytes(c: Context, limit: number, tooLarge: string): Promise<Buffer> {
  const node = nodeExchange(c);
  if (node) return readIncoming(node, limit, tooLarge);
  const stream = c.req.raw.body;
  if (!stream) return Buffer.alloc(0);
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
  return Buffer.concat(chunks);
}

/**
 * Node's request and response behind a request that came over a socket (`@hono/node-server` passes them as
 * the bindings), while its body is still unread. Its bytes are then read from Node's stream: reading the
 * `Request`'s body instead would first build a whole web `Request` and a web stream over Node's, which costs
 * more than the rest of a small request's answer.
 */
function nodeExchange(c: Context): { incoming: IncomingMessage; outgoing: ServerResponse } | undefined {
  const env = c.env as { incoming?: unknown; outgoing?: unknown } | undefined;
  const { incoming, outgoing } = env ?? {};
  if (!(incoming instanceof NodeRequest) || !(outgoing instanceof NodeResponse)) return undefined;
  return incoming.readableDidRead ? undefined : { incoming, outgoing };
}

const CLIENT_LEFT = "The client closed the connection before its body ended.";

/**
 * Reads Node's request body within `limit`. Past it, reading stops and the answer closes the connection, so
 * the rest of the body is never read (Node would otherwise read and discard it to keep the connection).
 */
function readIncoming(
  { incoming, outgoing }: { incoming: IncomingMessage; outgoing: ServerResponse },
  limit: number,
  tooLarge: string,
): Promise<Buffer> {
  // A request that ended, or whose client left, before its body was asked for emits nothing more.
  if (incoming.readableEnded) return Promise.resolve(Buffer.alloc(0));
  if (incoming.destroyed) return Promise.reject(incoming.errored ?? new Error(CLIENT_LEFT));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => {
      incoming.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      done();
      incoming.pause();
      // Node then answers `Connection: close` and closes the socket once the answer is out.
      outgoing.shouldKeepAlive = false;
      reject(new Failure(tooLarge));
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      done();
      reject(error);
    };
    // A client that goes away mid-body leaves nothing to answer.
    const onClose = () => {
      if (!incoming.complete) onError(new Error(CLIENT_LEFT));
    };
    incoming.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** UTF-8 text, refusing invalid sequences rather than storing U+FFFD in their place. */
function decodeUtf8(bytes: Uint8Array, badRequest: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new Failure(badRequest, "The body is not valid UTF-8.");
  }
}

/** `application/json` or a `+json` type (`application/merge-patch+json`), with any parameters; nothing else. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const type = header.split(";", 1)[0]!.trim().toLowerCase();
  return type === "application/json" || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(type);
}

/** Form fields as an object; a repeated key becomes an array of its values. */
function fieldsOf(entries: Iterable<[string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    const seen = out[key];
    out[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return out;
}

async function readForm(
  c: Context,
  encoding: "form" | "multipart",
  limit: number,
  codes: BodyCodes,
): Promise<ReadBody> {
  const type = c.req.header("content-type") ?? "";
  const expected = encoding === "form" ? /^application\/x-www-form-urlencoded\b/i : /^multipart\/form-data\b/i;
  const bytes = declaresNoBody(c) ? Buffer.alloc(0) : await readLimitedBytes(c, limit, codes.payloadTooLarge);
  if (bytes.length === 0) return { value: {}, text: "" };
  if (!expected.test(type)) throw new Failure(codes.unsupportedMediaType);
  if (encoding === "form") {
    const text = decodeUtf8(bytes, codes.badRequest);
    return { value: fieldsOf(new URLSearchParams(text)), text };
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new Failure(codes.badRequest);
  }
  return { value: fieldsOf(form.entries()), text: bytes.toString("latin1") };
}

/**
 * Reads the body as `encoding` says (`undefined`: the endpoint takes none, and whatever was sent is only read
 * for the fingerprint).
 */
export async function readBody(
  c: Context,
  encoding: BodyEncoding | undefined,
  limit: number,
  codes: BodyCodes,
): Promise<ReadBody> {
  const declared = Number(c.req.header("content-length") ?? "0");
  if (declared > limit) throw new Failure(codes.payloadTooLarge);
  if (encoding === "form" || encoding === "multipart") return readForm(c, encoding, limit, codes);
  const bytes = declaresNoBody(c) ? Buffer.alloc(0) : await readLimitedBytes(c, limit, codes.payloadTooLarge);
  if (!encoding) return { value: undefined, text: bytes.toString("latin1") };
  const text = decodeUtf8(bytes, codes.badRequest);
  if (text.trim() === "") return { value: {}, text };
  if (!isJsonMediaType(c.req.header("content-type"))) throw new Failure(codes.unsupportedMediaType);
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
