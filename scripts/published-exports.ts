/**
 * @module
 * A package's `exports` as published. In the repository each entry also has the `agentlane-source` condition
 * (tests and tools run on the TypeScript sources); `src/` is not shipped, so the published manifest leaves that
 * condition out. pnpm puts `publishConfig.exports` in place of `exports` when it packs.
 */

/** An `exports` map: subpath to a target file or to a target per condition. */
export type ExportsMap = Record<string, Record<string, string> | string>;

/**
 * `exports` without the `agentlane-source` condition.
 *
 * @example
 * publishedExports({ ".": { "agentlane-source": "./src/index.ts", default: "./dist/index.js" } });
 * // { ".": { default: "./dist/index.js" } }
 */
export function publishedExports(exports: ExportsMap): ExportsMap {
  return Object.fromEntries(
    Object.entries(exports).map(([subpath, target]) => [
      subpath,
      typeof target === "string"
        ? target
        : Object.fromEntries(Object.entries(target).filter(([condition]) => condition !== "agentlane-source")),
    ]),
  );
}
