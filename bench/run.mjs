#!/usr/bin/env node
// `npm run bench`: every benchmark, one after the other, each in its own process with the `source` export
// condition (the workspace packages are measured from their TypeScript sources; Node strips the types).
// `node bench/run.mjs 1 3` runs only those lines of the main table.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const script = (name) => fileURLToPath(new URL(name, import.meta.url));
const lines = process.argv.slice(2);
const runs = [
  { title: "SDK and server-lite against their baselines", args: [script("./run.ts"), ...lines] },
  ...(lines.length > 0
    ? []
    : [
        { title: "ClaudeNest task claims under 32 concurrent workers", args: [script("./claims.ts")] },
        { title: "Realtime: publish to SDK watcher callback", args: [script("./realtime.ts")] },
        { title: "Realtime: REST task claim to tasks.watch callback", args: [script("./task-events.ts")] },
        { title: "VS Code extension: activation and the Tasks tree", args: [script("./vscode-extension.ts")] },
      ]),
];

let failed = false;
for (const { title, args } of runs) {
  process.stdout.write(`\n## ${title}\n\n`);
  const result = spawnSync(process.execPath, ["--conditions=agentlane-source", ...args], { stdio: "inherit" });
  if (result.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
