/**
 * @module
 * The platforms the extension can connect to, by id. A new platform is one adapter added here; the views
 * and commands need no change.
 */
import { claudeNestAdapter } from "./claudenest/index.ts";
import { coordinAItorAdapter } from "./coordinaitor/index.ts";
import type { PlatformAdapter } from "./types.ts";

export function platformAdapters(): Map<string, PlatformAdapter> {
  const adapters = [claudeNestAdapter(), coordinAItorAdapter()];
  return new Map(adapters.map((adapter) => [adapter.id, adapter]));
}
