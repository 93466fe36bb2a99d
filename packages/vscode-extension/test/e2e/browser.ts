/**
 * @module
 * Headless Debian chromium driven by playwright-core, with the workbench helpers the cases share: run a
 * command from the palette, find a tree row, answer a quick input, read the terminal, save a screenshot.
 * Every wait is on a condition (a locator or a page function), never a fixed sleep.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";

export interface Browser {
  context: BrowserContext;
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

export async function launchBrowser(executablePath: string): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), "agentlane-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    context,
    newPage: async () => context.pages()[0] ?? (await context.newPage()),
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export class Workbench {
  readonly page: Page;
  readonly #shots: string;

  constructor(page: Page, screenshots: string) {
    this.page = page;
    this.#shots = screenshots;
    mkdirSync(screenshots, { recursive: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.locator(".monaco-workbench").waitFor({ timeout: 90_000 });
    await this.page.locator(".activitybar").waitFor({ timeout: 60_000 });
  }

  quickInput(): Locator {
    return this.page.locator(".quick-input-widget .quick-input-box input").first();
  }

  quickPickRow(text: string | RegExp): Locator {
    return this.page.locator(".quick-input-widget .quick-input-list .monaco-list-row", { hasText: text }).first();
  }

  /**
   * Runs a palette command by clicking its row. Under load the palette can lose focus and close between the
   * key press and the click (a tree re-rendering, a closing menu handing focus back): every step before the
   * click is therefore retried from a closed palette. The click itself is never repeated, so a command never
   * runs twice.
   */
  async runCommand(title: string): Promise<void> {
    await this.#attempts(`run "${title}" from the palette`, async () => {
      await this.closeQuickInput();
      await this.page.keyboard.press("F1");
      const input = this.quickInput();
      await input.waitFor({ state: "visible", timeout: 10_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      // Click the row itself: Enter would run whichever row the fuzzy match ranks first.
      const row = this.quickPickRow(title);
      await row.waitFor({ timeout: 10_000 });
      return row;
    }).then((row) => row.click());
  }

  /** Closes a quick input left open (Escape), and resolves once none is visible. */
  async closeQuickInput(): Promise<void> {
    const widget = this.page.locator(".quick-input-widget").first();
    if (!(await widget.isVisible())) return;
    await this.page.keyboard.press("Escape");
    await widget.waitFor({ state: "hidden", timeout: 10_000 });
  }

  /** Picks a quick-pick item by its text. */
  async pick(text: string | RegExp): Promise<void> {
    const row = this.quickPickRow(text);
    await row.waitFor({ timeout: 15_000 });
    await row.click();
  }

  /**
   * Types into the input box titled `title` and accepts it. Waiting on the title (not just on a visible
   * input) tells this box from the one before it, which the widget reuses.
   */
  async answer(title: string | RegExp, text: string): Promise<void> {
    const widget = this.page.locator(".quick-input-widget", {
      has: this.page.locator(".quick-input-title", { hasText: title }),
    });
    await widget.waitFor({ state: "visible", timeout: 15_000 });
    await this.quickInput().fill(text);
    await this.page.keyboard.press("Enter");
    await widget.waitFor({ state: "hidden", timeout: 15_000 });
  }

  /**
   * Runs `item` from `row`'s context menu. A click that lands while the menu is still settling can be
   * swallowed (the menu stays open); it is clicked again only then, since a menu closes once it ran an action.
   */
  async contextMenu(row: Locator, item: string): Promise<void> {
    await row.click({ button: "right" });
    const action = this.page.locator(".monaco-menu .action-item", { hasText: item }).first();
    await action.waitFor({ state: "visible", timeout: 15_000 });
    await this.#attempts(`choose "${item}" from the context menu`, async () => {
      if (await action.isVisible()) await action.click({ timeout: 10_000 });
      await action.waitFor({ state: "hidden", timeout: 5_000 });
    });
  }

  async #attempts<T>(what: string, attempt: () => Promise<T>, times = 3): Promise<T> {
    const failures: string[] = [];
    for (let i = 0; i < times; i++) {
      try {
        return await attempt();
      } catch (error) {
        failures.push(`attempt ${i + 1}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
        await this.screenshot(`retry-${what.replace(/[^a-z0-9]+/gi, "-").slice(0, 40)}-${i + 1}`).catch(() => {});
      }
    }
    throw new Error(`could not ${what}:\n${failures.join("\n")}`);
  }

  /** A view's pane (by its title, e.g. "Tasks"). */
  pane(title: string): Locator {
    return this.page.locator(".pane", { has: this.page.locator(".pane-header", { hasText: title }) }).first();
  }

  treeRow(pane: string, text: string | RegExp): Locator {
    return this.pane(pane).locator(".monaco-list-row", { hasText: text }).first();
  }

  /** Resolves once some terminal shows `text`. */
  async terminalShows(text: string, timeout = 30_000): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => [...document.querySelectorAll(".xterm-rows")].some((rows) => rows.textContent?.includes(wanted)),
      text,
      { timeout },
    );
  }

  async screenshot(name: string): Promise<string> {
    const path = join(this.#shots, `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }
}

/**
 * Runs an extension's integration tests (a module exporting `run()`) in code-server's Node extension host:
 * the workbench loads the extension from `extensionPath` and the module from `testsPath` (both on the
 * server's file system; code-server's remote authority is literally `remote`), then reports the exit code
 * through `codeAutomationExit` (the smoke-test driver's hook). Answers the code and the tests' log.
 */
export async function runExtensionTests(
  browser: Browser,
  options: { url: string; folder: string; extensionPath: string; testsPath: string; timeoutMs: number },
): Promise<{ code: number; log: string[] }> {
  const page = await browser.context.newPage();
  const log: string[] = [];
  let done!: (code: number) => void;
  const exited = new Promise<number>((resolve) => {
    done = resolve;
  });
  await page.exposeFunction("codeAutomationLog", (type: string, args: unknown[]) =>
    log.push(`[${type}] ${(args ?? []).map(String).join(" ")}`),
  );
  await page.exposeFunction("codeAutomationExit", (code: number) => done(code));
  const payload = [
    ["extensionDevelopmentPath", `vscode-remote://remote${options.extensionPath}`],
    ["extensionTestsPath", `vscode-remote://remote${options.testsPath}`],
  ];
  await page.goto(
    `${options.url}/?folder=${encodeURIComponent(options.folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<number>((resolve) => {
    timer = setTimeout(() => resolve(-1), options.timeoutMs);
  });
  const code = await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  if (code === -1) log.push(`no result within ${options.timeoutMs} ms`);
  await page.close();
  return { code, log };
}
