/**
 * @module
 * Reading the raw body a receiver must verify, in the common server styles: a Fetch `Request` (Hono, workers,
 * Next.js route handlers) and a Node `IncomingMessage` (node:http, Express before any JSON parser). A body that was
 * parsed and re-serialized may differ from the bytes signed; verify the raw one.
 */

/** The raw body of a Fetch `Request`, as bytes. */
export async function rawBody(request: Request): Promise<Uint8Array> {
  return new Uint8Array(await request.arrayBuffer());
}

/** The raw body of a Node request (anything that yields its chunks), as bytes; `limit` guards memory. */
export async function nodeRawBody(
  request: AsyncIterable<Uint8Array | string>,
  limit = 1024 * 1024,
): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const encoder = new TextEncoder();
  for await (const chunk of request) {
    const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > limit) throw new RangeError(`The webhook body exceeds ${limit} bytes`);
    chunks.push(bytes);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
