/**
 * @module
 * The validation step: path parameters, query and body are read and checked by the endpoint's schemas before
 * its handler runs; a failure is the platform's validation code with errors per field.
 */
import type { RunnableSchema } from "@agentlane/sdk/contract";
import type { Context } from "hono";
import { Failure, fieldErrors } from "../failure.ts";
import { readBody } from "../request-body.ts";
import type { Step } from "./state.ts";

function queryObject(c: Context, keys: readonly string[]): Record<string, unknown> {
  const all = c.req.queries();
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const values = all[key];
    if (values && values.length > 0) out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

function check(schema: unknown, value: unknown, code: string): unknown {
  const result = (schema as RunnableSchema).safeParse(value);
  if (result.success) return result.data;
  throw new Failure(code, undefined, fieldErrors(result.error.issues as never, value));
}

export const validate: Step = async (state, next) => {
  const { spec, paramNames, queryKeys, platform, bodyLimit } = state.route;
  const { codes } = platform.envelope;
  const { c } = state;
  const rawParams: Record<string, string> = {};
  for (const name of paramNames) rawParams[name] = c.req.param(name) ?? "";
  state.params = spec.params ? check(spec.params, rawParams, codes.validation) : rawParams;
  state.query = spec.query ? check(spec.query, queryObject(c, queryKeys), codes.validation) : {};
  const encoding = spec.body ? (spec.contentType ?? "json") : undefined;
  const { value, text } = await readBody(c, encoding, bodyLimit, codes);
  state.text = text;
  state.body = spec.body ? check(spec.body, value, codes.validation) : undefined;
  return next();
};
