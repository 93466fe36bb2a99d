// Generated from the platform registry by scripts/gen-platforms.ts: do not edit.
/**
 * @module
 * Every platform's client class, re-exported by the package's main entry.
 */
export { Actus, type ActusOptions } from "./actus/index.ts";
export { CaipeSkills, type CaipeSkillsOptions } from "./caipe/index.ts";
export { CCJKCloud, type CCJKCloudOptions } from "./ccjk/index.ts";
export { ClaudeNest, type ClaudeNestOptions } from "./claudenest/index.ts";
export { CoordinAItor, type CoordinAItorOptions } from "./coordinaitor/index.ts";
