/**
 * @module
 * One code-server (the real VS Code workbench, served to a browser) for all end-to-end cases: installed once
 * per machine by `scripts/install-e2e.mjs`, started here on a free loopback port with fresh user-data,
 * extensions and workspace folders, the built `.vsix` installed, and the smoke-test driver enabled so the same
 * server also runs the extension-host integration tests. Its environment carries what those tests need.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: a plain ES module of the build scripts, without type declarations
import { readE2eStatus } from "../../scripts/install-e2e.mjs";

export interface E2ePaths {
  chromium: string;
  node24Home: string;
  codeServer: string;
}

/** The installed tools, or an error that says what is missing and why (never a silent skip). */
export function e2eTools(cache?: string): E2ePaths {
  const status = readE2eStatus(cache) as { ok: boolean; problems: string[]; paths: E2ePaths };
  const missing = [status.paths.codeServer, status.paths.chromium].filter((file) => !existsSync(file));
  if (!status.ok || missing.length > 0) {
    throw new Error(
      [
        "The end-to-end tests need code-server and chromium, which are not installed.",
        ...status.problems,
        ...missing.map((file) => `missing: ${file}`),
        "`node scripts/setup.mjs --e2e` installs them (apt-get needs root or passwordless sudo).",
      ].join("\n"),
    );
  }
  return status.paths;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface CodeServer {
  url: string;
  /** The workspace folder the workbench opens. */
  workspace: string;
  log(): string;
  stop(): Promise<void>;
}

const SETTINGS = {
  "workbench.startupEditor": "none",
  "security.workspace.trust.enabled": false,
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "update.mode": "none",
  "workbench.enableExperiments": false,
  "workbench.tips.enabled": false,
  "chat.disableAIFeatures": true,
  "remote.autoForwardPorts": false,
  "terminal.integrated.gpuAcceleration": "off",
  "terminal.integrated.enablePersistentSessions": false,
  "git.openRepositoryInParentFolders": "never",
};

export async function startCodeServer(options: {
  tools: E2ePaths;
  vsix: string;
  settings: Record<string, unknown>;
  env: Record<string, string>;
}): Promise<CodeServer> {
  const run = mkdtempSync(join(tmpdir(), "agentlane-e2e-"));
  for (const dir of ["ud/User", "ext", "ws", "tmp"]) mkdirSync(join(run, dir), { recursive: true });
  writeFileSync(join(run, "ud/User/settings.json"), JSON.stringify({ ...SETTINGS, ...options.settings }, null, 2));
  writeFileSync(join(run, "ws/README.md"), "# Workspace of the end-to-end tests\n");
  const env = {
    ...process.env,
    ...options.env,
    PATH: `${join(options.tools.node24Home, "bin")}:${process.env.PATH}`,
    // Keep code-server out of ~/.config and ~/.local, and its sockets out of the system temp folder.
    XDG_CONFIG_HOME: join(run, "xdg-config"),
    XDG_DATA_HOME: join(run, "xdg-data"),
    XDG_RUNTIME_DIR: join(run, "tmp"),
    TMPDIR: join(run, "tmp"),
  };
  const common = ["--config", join(run, "config.yaml"), "--user-data-dir", join(run, "ud")];
  common.push("--extensions-dir", join(run, "ext"));
  const install = spawnSync(options.tools.codeServer, [...common, "--install-extension", options.vsix, "--force"], {
    env,
    encoding: "utf8",
  });
  if (install.status !== 0)
    throw new Error(`code-server --install-extension failed:\n${install.stdout}${install.stderr}`);

  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(
    options.tools.codeServer,
    [
      ...common,
      "--bind-addr",
      `127.0.0.1:${port}`,
      "--auth",
      "none",
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--vscode-option",
      "enable-smoke-test-driver",
      join(run, "ws"),
    ],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${url}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    url,
    workspace: join(run, "ws"),
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        // The whole process group: code-server, its extension hosts, terminals and file watcher.
        try {
          process.kill(-child.pid, "SIGTERM");
        } catch {}
        const killed = setTimeout(() => {
          try {
            process.kill(-child.pid!, "SIGKILL");
          } catch {}
        }, 10_000);
        await exited;
        clearTimeout(killed);
      }
      rmSync(run, { recursive: true, force: true });
    },
  };
}
