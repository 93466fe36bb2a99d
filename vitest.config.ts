import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";

// Workspace packages resolve to their TypeScript sources (the `agentlane-source` export condition, a name no published package uses), so tests never
// depend on a previous build.
export default defineConfig({
  resolve: { conditions: ["agentlane-source", ...defaultClientConditions] },
  ssr: { resolve: { conditions: ["agentlane-source", ...defaultServerConditions] } },
  test: {
    include: [
      "packages/*/src/**/*.test.ts",
      "packages/*/test/**/*.test.ts",
      "examples/**/*.test.ts",
      "scripts/**/*.test.ts",
      "tools/*/*.test.ts",
    ],
    environment: "node",
    reporters: ["default", "./scripts/summary-reporter.ts"],
    pool: "threads",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    restoreMocks: true,
    env: {
      // Sessions run the machine's interactive bash, which reads ~/.bashrc. A `pyenv init` there waits up to 60 s
      // on a rehash lock left by a bash killed during start-up; a test's shell should never wait on that.
      PYENV_REHASH_TIMEOUT: "1",
    },
  },
});
