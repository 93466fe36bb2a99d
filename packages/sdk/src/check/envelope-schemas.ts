/**
 * @module
 * Small schema pieces the platforms' success-envelope schemas share: a key that must be present whatever its
 * value (an envelope's `data` may be `null`, but not absent).
 */
import { z } from "zod";

/** Any value, but the key must be there. */
export const present = z.unknown().refine((value) => value !== undefined, "required");
