import { defineConfig } from "tsup";

/**
 * What the `agentlane-server` command still loads from `node_modules` at run time: packages it reaches only
 * through `createRequire` or a module imported on first need (WebSockets, YAML, PTYs, the VNC font, certificates),
 * and msw, which it never loads.
 */
const loadedAtRunTime = ["ws", "yaml", "selfsigned", "js-pixel-fonts", "@lydell/node-pty", "msw"];

// The command (`dist/cli.js`, run by `bin/agentlane-server.js`), bundled with the SDK (from its sources), zod, Hono
// and the rest of what a server needs to start: a process of its own shares no module with an application, and Node
// then resolves and links some thirty files instead of over two hundred, a quarter of its time before it printed
// its URL (bench line 4). Modules loaded on first need (`/docs`, `listen`, TLS, the seed agents) stay chunks of
// their own. Written into `dist/` beside the library, after it (`tsup.config.ts` cleans the folder), because
// modules find the package's files relative to their own (`../package.json`, `./vendor/`).
export default defineConfig({
  entry: { cli: "src/cli.ts" },
  format: ["esm"],
  target: "node22",
  platform: "node",
  splitting: true,
  // No source maps: they would hold the bundled packages' sources, tripling the package for stack traces a user of
  // the command never reads.
  sourcemap: false,
  clean: false,
  // Read by `scripts/bundled-notice.mjs`, which names the bundled packages and their licenses and removes it.
  metafile: true,
  dts: false,
  noExternal: [new RegExp(`^(?!(${loadedAtRunTime.join("|")})(/|$))`)],
  external: loadedAtRunTime,
  // `node:sqlite` exists only with its prefix.
  removeNodeProtocol: false,
  // Bundled CommonJS (picomatch) requires Node's built-ins through this.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module";\nconst require = __createRequire(import.meta.url);',
  },
  esbuildOptions(options) {
    options.conditions = ["agentlane-source"];
  },
});
