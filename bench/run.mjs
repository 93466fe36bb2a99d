#!/usr/bin/env node
// `pnpm bench`: runs bench/run.ts with the `source` export condition, so the workspace packages are
// measured from their TypeScript sources (Node strips the types). Arguments pass through (line numbers).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = fileURLToPath(new URL("./run.ts", import.meta.url));
const child = spawn(process.execPath, ["--conditions=source", script, ...process.argv.slice(2)], { stdio: "inherit" });
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
