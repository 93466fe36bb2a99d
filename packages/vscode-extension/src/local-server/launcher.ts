/**
 * @module
 * "Start local server": runs the bundled server-lite (`dist/local-server.mjs`) in a child process with the
 * extension host's own Node, reads the one line it prints (base URL and token), saves a "Local server"
 * profile with the token in SecretStorage, and connects. The server lives as long as the window (or until
 * "Stop local server").
 */
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import * as vscode from "vscode";
import type { Credentials } from "../backend/types.ts";
import type { Profile } from "../connection/profiles.ts";

export const LOCAL_PROFILE = "Local server";

export class LocalServer implements vscode.Disposable {
  readonly #script: string;
  readonly #output: vscode.OutputChannel;
  #child: ChildProcess | undefined;

  constructor(extensionUri: vscode.Uri, output: vscode.OutputChannel) {
    this.#script = vscode.Uri.joinPath(extensionUri, "dist", "local-server.mjs").fsPath;
    this.#output = output;
  }

  get running(): boolean {
    return this.#child !== undefined && this.#child.exitCode === null;
  }

  /** Starts the server (once) and answers its profile and credentials. */
  start(cwd: string | undefined): Promise<{ profile: Profile; credentials: Credentials }> {
    this.stop();
    const child = spawn(process.execPath, [this.#script], {
      cwd: cwd ?? process.cwd(),
      env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.#child = child;
    child.stderr?.on("data", (chunk: Buffer) => this.#output.append(chunk.toString()));
    return new Promise((resolve, reject) => {
      const lines = createInterface({ input: child.stdout! });
      child.once("error", reject);
      child.once("exit", (code) => {
        this.#child = undefined;
        reject(new Error(`The local server exited with code ${code}; see the "Agentlane" output for details.`));
      });
      lines.once("line", (line) => {
        try {
          const { baseUrl, token } = JSON.parse(line) as { baseUrl: string; token: string };
          this.#output.appendLine(`Local server listening at ${baseUrl}`);
          resolve({ profile: { name: LOCAL_PROFILE, platform: "claudenest", baseUrl }, credentials: { token } });
        } catch (error) {
          reject(error);
        }
      });
    });
  }

  stop(): void {
    const child = this.#child;
    this.#child = undefined;
    if (child && child.exitCode === null) {
      child.stdin?.end();
      child.kill("SIGTERM");
    }
  }

  dispose(): void {
    this.stop();
  }
}
