/**
 * @module
 * The platforms the extension can connect to, by id. A new platform is one adapter added here; the views
 * and commands need no change.
 */
import { actusAdapter } from "./actus/index.ts";
import { caipeAdapter } from "./caipe/index.ts";
import { ccjkAdapter } from "./ccjk/index.ts";
import { claudeNestAdapter } from "./claudenest/index.ts";
import { coordinAItorAdapter } from "./coordinaitor/index.ts";
import type { PlatformAdapter } from "./types.ts";

/** What the editor tells the adapters. */
export interface RegistryOptions {
  /**
   * The editor's display language (`vscode.env.language`, such as `zh-cn`): platforms with texts in several
   * languages answer in it when they have it.
   * @default "en"
   */
  language?: string;
}

/**
 * Every adapter, by platform id.
 * @example new Connection(platformAdapters({ language: vscode.env.language }));
 */
export function platformAdapters(options: RegistryOptions = {}): Map<string, PlatformAdapter> {
  const chinese = options.language?.toLowerCase().startsWith("zh") ?? false;
  const adapters = [
    claudeNestAdapter(),
    coordinAItorAdapter(),
    ccjkAdapter({ lang: chinese ? "zh-CN" : "en" }),
    caipeAdapter(),
    actusAdapter(),
  ];
  return new Map(adapters.map((adapter) => [adapter.id, adapter]));
}
