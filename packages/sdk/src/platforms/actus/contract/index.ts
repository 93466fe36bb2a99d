/**
 * @module
 * The Actus contract (seed document 003): every JSON and SSE endpoint under `/api` as data, one module per
 * resource. Import it to validate responses (`validate: { contract }`) or to build a server.
 *
 * Each resource module says where it departs from the document or fills a gap. Choices that span resources:
 * - The envelope is `{code, msg, data}`; see `errors.ts` for which errors come inside HTTP 200.
 * - Auth names: `user` (a signed-in, active user) and `admin` (a `super_admin`).
 * - Three documented routes are not JSON and live outside the contract: the WeChat callback (a browser
 *   redirect), the file download (bytes; the SDK's `files.download()`), and the legacy v1 skills API (410).
 *   `/docs`, `/redoc` and `/openapi.json` are served at the server's root.
 * - Rate limits (the document names them without numbers): 10 a minute per address for auth, 30 chat turns and
 *   30 stream openings a minute per user, 600 other calls a minute per user; 429 carries `Retry-After`.
 */
import { admin } from "./admin.ts";
import { appConfig } from "./app-config.ts";
import { auth } from "./auth.ts";
import { files } from "./files.ts";
import { sessions } from "./sessions.ts";
import { skills } from "./skills.ts";
import { status } from "./status.ts";
import { userTools } from "./user-tools.ts";

export * from "./admin.ts";
export * from "./app-config.ts";
export * from "./auth.ts";
export * from "./common.ts";
export * from "./errors.ts";
export * from "./files.ts";
export * from "./sessions.ts";
export * from "./skills.ts";
export * from "./status.ts";
export * from "./user-tools.ts";

/** Every Actus endpoint, by resource and method name: what `new Actus()` and server-lite are made from. */
export const contract = { auth, status, appConfig, userTools, sessions, admin, files, skills };

/** The Actus contract's type. */
export type ActusContract = typeof contract;
