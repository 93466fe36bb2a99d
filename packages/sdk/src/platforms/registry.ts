/**
 * @module
 * The one list of platforms. Everything else that names them is derived from it by `scripts/gen-platforms.ts`
 * (each platform's route table and typed method interface, the SDK's platform index and package exports,
 * server-lite's platform loaders) or checked against it (build entries, the exports check), so adding a
 * platform is one line here plus the platform's own folders.
 */

/** One platform: its id (folder name, subpath and server prefix), its client class and where it is documented. */
export interface PlatformEntry {
  /** Folder under `platforms/`, the SDK subpath (`@agentlane/sdk/<id>`) and server-lite's prefix (`/<id>`). */
  readonly id: string;
  /** The client class its `index.ts` exports, e.g. `ClaudeNest`. */
  readonly client: string;
  /** The platform's name as users write it. */
  readonly title: string;
}

/** Every platform the SDK and server-lite implement. */
export const platformRegistry: readonly PlatformEntry[] = [
  { id: "actus", client: "Actus", title: "Actus" },
  { id: "caipe", client: "CaipeSkills", title: "CAIPE Skills" },
  { id: "ccjk", client: "CCJKCloud", title: "CCJK Cloud" },
  { id: "claudenest", client: "ClaudeNest", title: "ClaudeNest" },
  { id: "coordinaitor", client: "CoordinAItor", title: "CoordinAItor" },
];
