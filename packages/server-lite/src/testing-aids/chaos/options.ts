/**
 * @module
 * What a fault run is made of: the kinds of fault, and the options that choose how often, which ones and where,
 * shared by `createServer({ chaos })`, `POST /_lite/chaos` and the CLI's `--chaos`.
 */
import { z } from "zod";
import { type ChaosOptions, type FaultKind, faultKinds, type ResolvedChaos } from "./kinds.ts";

export { type ChaosOptions, type FaultKind, faultKinds, type ResolvedChaos };

/** The schema `POST /_lite/chaos` and `createServer` check options with. */
export const chaosOptionsSchema = z.strictObject({
  rate: z.number().min(0).max(1),
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  kinds: z.array(z.enum(faultKinds)).min(1).optional(),
  routes: z.array(z.string().min(1).max(500)).max(100).optional(),
  delayMs: z.int().min(0).max(600_000).optional(),
  retryAfter: z.int().min(0).max(3600).optional(),
});

/** Checks options and fills in the defaults; throws a `TypeError` that says what is wrong. */
export function resolveChaos(options: ChaosOptions): ResolvedChaos {
  const result = chaosOptionsSchema.safeParse(options);
  if (!result.success) throw new TypeError(`Invalid chaos options: ${z.prettifyError(result.error)}`);
  return withDefaults(result.data);
}

/** Checked options with their defaults filled in. */
function withDefaults(given: ChaosOptions): ResolvedChaos {
  return {
    rate: given.rate,
    seed: given.seed ?? 1,
    kinds: given.kinds ?? [...faultKinds],
    routes: given.routes ?? [],
    delayMs: given.delayMs ?? 1000,
    retryAfter: given.retryAfter ?? 1,
  };
}

/**
 * No faults, every other option at its default: what a server starts with. Made without checking (there is nothing
 * to check), so that no start pays for compiling the schema's parser.
 */
export const noChaos = (): ResolvedChaos => withDefaults({ rate: 0 });
