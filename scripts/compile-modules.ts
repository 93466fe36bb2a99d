/**
 * @module
 * Type-checks a folder of example modules (`*.mts`, written by a test under `node_modules/.cache/`) against the
 * packages' sources with the project's compiler and settings, for the tests that keep examples compiling.
 */
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { repositoryRoot } from "./release/pack.ts";

const run = promisify(execFile);

/**
 * Compiles every `*.mts` file of `folder` (three levels under the repository root); resolves to the compiler's
 * diagnostics, empty when all of them compile.
 */
export async function compileModules(folder: string): Promise<string> {
  writeFileSync(
    join(folder, "tsconfig.json"),
    JSON.stringify({
      extends: "../../../tsconfig.base.json",
      compilerOptions: { noEmit: true, noUnusedLocals: false },
      include: ["*.mts"],
    }),
  );
  const tsc = join(repositoryRoot, "node_modules", ".bin", "tsc");
  const outcome = await run(tsc, ["-p", folder, "--checkers", "1"], { cwd: repositoryRoot }).catch(
    (error: { stdout: string }) => error,
  );
  return outcome.stdout;
}
