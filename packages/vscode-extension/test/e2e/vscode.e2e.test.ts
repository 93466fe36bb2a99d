/**
 * End to end in a real VS Code: code-server (installed by `scripts/install-e2e.mjs`) with the built `.vsix`
 * installed, driven by playwright-core in Debian's chromium, against server-lite on loopback with the sample
 * data. One code-server serves every case; the extension-host integration tests run in a second window of it.
 * Screenshots go to `packages/vscode-extension/test-results/e2e/`.
 *
 * Where code-server or chromium cannot be installed, `beforeAll` fails with the reason: never a silent skip.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ClaudeNest } from "@agentlane/sdk";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { heartbeat } from "../../src/local-server/sample-data.ts";
import { type Lite, PLAIN_BASH, startLite } from "../support/lite.ts";
import { type Browser, launchBrowser, runExtensionTests, Workbench } from "./browser.ts";
import { type CodeServer, e2eTools, startCodeServer } from "./code-server.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const manifest = (await import("../../package.json", { with: { type: "json" } })).default;
const VSIX = `${root}dist/vsix/${manifest.name}-${manifest.version}.vsix`;
const INTEGRATION = `${root}dist/test/integration.cjs`;
const SHOTS = `${root}test-results/e2e`;

describe("the extension in VS Code (code-server, chromium)", { timeout: 120_000 }, () => {
  let lite: Lite;
  let stopHeartbeat: () => void = () => {};
  let codeServer: CodeServer | undefined;
  let browser: Browser | undefined;
  let vscode: Workbench;
  let other: ClaudeNest;

  beforeAll(async () => {
    const tools = e2eTools();
    for (const file of [VSIX, INTEGRATION]) {
      if (!existsSync(file)) throw new Error(`${file} is missing: build the extension first (npm run build)`);
    }
    lite = await startLite({ exec: [PLAIN_BASH] });
    stopHeartbeat = heartbeat(lite.client(lite.sample.machineToken), lite.sample.machineId, 30_000);
    other = lite.client();
    codeServer = await startCodeServer({
      tools,
      vsix: VSIX,
      settings: {
        "agentlane.profiles": [{ name: "e2e", platform: "claudenest", baseUrl: lite.baseUrl }],
        "agentlane.activeProfile": "e2e",
        "agentlane.tasks.createBranch": "never",
        "agentlane.terminal.onClose": "detach",
      },
      env: { AGENTLANE_E2E_BASE_URL: lite.baseUrl, AGENTLANE_E2E_TOKEN: lite.token },
    });
    browser = await launchBrowser(tools.chromium);
    vscode = new Workbench(await browser.newPage(), SHOTS);
    await vscode.open(`${codeServer.url}/?folder=${encodeURIComponent(codeServer.workspace)}`);
  }, 240_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === "fail" && vscode) {
      await vscode.screenshot(`failed-${task.name.replace(/[^a-z0-9]+/gi, "-").slice(0, 60)}`).catch(() => {});
    }
  });

  afterAll(async () => {
    await browser?.close();
    await codeServer?.stop();
    stopHeartbeat();
    await lite?.close();
  }, 60_000);

  it("shows the welcome view, connects with a pasted token, and shows the connection in the status bar", async () => {
    await vscode.page.locator('.activitybar [aria-label^="Agentlane"]').first().click();
    const connect = vscode.page.locator(".welcome-view-content .monaco-button", { hasText: "Connect" }).first();
    await connect.waitFor({ timeout: 60_000 });
    await vscode.screenshot("1-welcome");
    await connect.click();
    await vscode.pick("Paste a token");
    await vscode.answer("Agentlane: Sign in", lite.token);
    await vscode.page.locator(".statusbar-item", { hasText: "e2e" }).first().waitFor({ timeout: 30_000 });
  });

  it("shows the sample skills grouped by machine, and opens one in a read-only markdown editor", async () => {
    await vscode.treeRow("Skills", "Local workstation").waitFor({ timeout: 30_000 });
    for (const name of ["Debugging", "Code review", "Release notes"]) {
      await vscode.treeRow("Skills", name).waitFor({ timeout: 30_000 });
    }
    await expect(vscode.treeRow("Skills", "Release notes").textContent()).resolves.toContain("disabled");
    await vscode.treeRow("Skills", "Code review").click();
    await vscode.page.locator(".tab", { hasText: "code-review.md" }).first().waitFor({ timeout: 30_000 });
    await vscode.page
      .locator(".monaco-editor .view-lines", { hasText: "Does every new path have a test?" })
      .first()
      .waitFor({ timeout: 30_000 });
    await vscode.screenshot("2-skills");
  });

  it("claims a task, which then shows as claimed by this window", async () => {
    await vscode.treeRow("Tasks", "Document the locks API").waitFor({ timeout: 30_000 });
    await vscode.runCommand("Agentlane: Claim Task");
    await vscode.pick("Document the locks API");
    await vscode.treeRow("Tasks", /Document the locks API.*@you/).waitFor({ timeout: 30_000 });
    await vscode.screenshot("3-claimed");
  });

  it("releases the claimed task from its context menu, with a reason", async () => {
    await vscode.contextMenu(vscode.treeRow("Tasks", /Document the locks API.*@you/), "Release Task");
    await vscode.answer(/Release "Document the locks API"/, "waiting for the review");
    await vscode.treeRow("Tasks", /^(?!.*@you).*Document the locks API/).waitFor({ timeout: 30_000 });
    const tasks = await other.tasks.get({ id: lite.sample.taskIds.docs! });
    expect(tasks).toMatchObject({ status: "pending", assigned_to: null });
  });

  it("shows a claim made by another client at once, without a refresh", async () => {
    await vscode.treeRow("Tasks", "Cache the project list").waitFor({ timeout: 30_000 });
    await other.tasks.claim({ id: lite.sample.taskIds.cache!, instance_id: "agent-7" });
    await vscode.treeRow("Tasks", /Cache the project list.*@agent-7/).waitFor({ timeout: 30_000 });
    await vscode.screenshot("4-claimed-elsewhere");
  });

  it("starts a session and attaches a terminal running bash that echoes a typed command", async () => {
    await vscode.runCommand("Agentlane: New Session");
    await vscode.page.locator(".terminal-tab, .single-terminal-tab", { hasText: "Agentlane" }).first().waitFor({
      timeout: 30_000,
    });
    await vscode.terminalShows("bash");
    await vscode.page.locator(".terminal-wrapper.active .xterm").first().click();
    await vscode.page.keyboard.type("echo e2e-$((40+2))");
    await vscode.page.keyboard.press("Enter");
    await vscode.terminalShows("e2e-42");
    await vscode.screenshot("5-terminal");
  });

  it("passes the extension-host integration tests of the commands", async () => {
    const { code, log } = await runExtensionTests(browser!, {
      url: codeServer!.url,
      folder: codeServer!.workspace,
      extensionPath: root.replace(/\/$/, ""),
      testsPath: INTEGRATION,
      timeoutMs: 100_000,
    });
    const results = log.filter((line) => /\bok - /.test(line));
    process.stdout.write(`extension-host integration tests:\n${results.join("\n")}\n`);
    expect(log.join("\n")).not.toContain("not ok");
    // Every planned case reported (TAP's `1..N`), so a run that stopped early cannot pass.
    const planned = Number(/\b1\.\.(\d+)/.exec(log.join("\n"))?.[1]);
    expect(results, log.join("\n")).toHaveLength(planned);
    expect(code, log.join("\n")).toBe(0);
  });
});
