/**
 * @module
 * Reading the JSON bodies of `/_lite/*` requests, and answering their errors, the same way on every route:
 * `{"error": "..."}` with 400 for a body that is not JSON and 422 for one that does not fit.
 */
import type { Context } from "hono";
import { z } from "zod";

/** The body of a `/_lite/*` request checked by `schema`, or the 400/422 answer to send instead. */
export async function readLiteBody<T>(
  c: Context,
  schema: z.ZodType<T>,
  example: string,
): Promise<{ ok: true; value: T } | { ok: false; response: Response }> {
  let body: unknown;
  try {
    const text = await c.req.text();
    body = text.trim() === "" ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: c.json({ error: `Send JSON: ${example}` }, 400) };
  }
  const result = schema.safeParse(body);
  if (!result.success) return { ok: false, response: c.json({ error: z.prettifyError(result.error) }, 422) };
  return { ok: true, value: result.data };
}
