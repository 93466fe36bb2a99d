/**
 * @module
 * The CAIPE Skills contract (seed document 004, the unified Skills HTTP contract): every endpoint as data, one
 * module per resource, the 13 current routes and the planned scanning routes. Import it to validate responses
 * (`validate: { contract }`) or to build a server.
 *
 * Choices that span resources:
 * - Every JSON answer is the real helpers' envelope, `{success: true, data}`, and errors
 *   `{success: false, error: "<message>", code}` (see `envelope.ts`); the gateway's script and markdown are text.
 * - Auth is a bearer token (the real `withAuth` takes a session cookie or `Authorization: Bearer`); the catalog
 *   also takes it as `X-Caipe-Catalog-Key`, as the real gateway flows send it. Users have a role (`admin` or
 *   `user`) and teams; `admin` endpoints refuse users with 403.
 * - The supervisor routes (`{SUPERVISOR}/skills/refresh`, `/skills/scan-content`, `/skills/re-scan`) are not part
 *   of this API: the server calls them (see `configs` and `scanning`).
 */
import { authoring } from "./authoring.ts";
import { catalog } from "./catalog.ts";
import { configs } from "./configs.ts";
import { gateway } from "./gateway.ts";
import { quarantine, scanJobs, scans } from "./scanning.ts";
import { seed } from "./seed.ts";
import { templates } from "./templates.ts";

export * from "./authoring.ts";
export * from "./catalog.ts";
export * from "./common.ts";
export * from "./configs.ts";
export * from "./errors.ts";
export * from "./gateway.ts";
export * from "./scanning.ts";
export * from "./seed.ts";
export * from "./templates.ts";

/** Every CAIPE Skills endpoint, by resource and method name: what `new CaipeSkills()` and server-lite are made from. */
export const contract = {
  catalog,
  configs,
  seed,
  authoring,
  templates,
  gateway,
  scanJobs,
  quarantine,
  scans,
};
/** The type of {@link contract}. */
export type CaipeSkillsContract = typeof contract;
