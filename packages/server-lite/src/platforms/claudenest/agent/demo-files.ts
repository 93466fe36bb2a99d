/**
 * @module
 * The demo agent's files: a small home folder held in memory, which the demo agent lists (`file:browse`) and scans
 * (`project:scan`) as ClaudeNest's agent lists and scans the disk of its machine (`src/handlers/file-handler.ts`,
 * `scan-handler.ts`, here `folder-scan.ts`), in the same answers and error words, so the web UI's folder pickers and project wizard work
 * against `--seed-agent` without the host disk being shown to anyone.
 */
import { posix } from "node:path";
import type { AgentToServerMessages } from "@agentlane/sdk/claudenest";
import { type FolderReader, scanFolder } from "./folder-scan.ts";

/** A folder: each entry a file's text or a folder. */
interface Folder {
  [name: string]: string | Folder;
}

/** The demo machine's home folder. */
export const DEMO_HOME = "/home/demo";

const PACKAGE_JSON = JSON.stringify(
  { name: "demo-app", private: true, devDependencies: { typescript: "5.9.3", vite: "7.1.0" } },
  null,
  2,
);

const HOME: Folder = {
  ".bashrc": "export EDITOR=vi\n",
  "notes.md": "# Notes\n\nTry `claude` in demo-app.\n",
  projects: {
    "demo-app": {
      ".git": { HEAD: "ref: refs/heads/main\n" },
      "package.json": PACKAGE_JSON,
      "README.md": "# demo-app\n\nThe demo machine's sample project.\n",
      "tsconfig.json": '{ "compilerOptions": { "strict": true } }\n',
      src: { "main.ts": 'console.log("hello from the demo machine");\n' },
    },
  },
};

/** The same instant for every entry, so answers do not change from one call to the next. */
const MODIFIED_AT = "2026-01-01T00:00:00.000Z";

/** The folder or file at an absolute `path`, or undefined. */
function entryAt(path: string): string | Folder | undefined {
  const rel = posix.relative(DEMO_HOME, path);
  let at: string | Folder | undefined = HOME;
  for (const name of rel === "" ? [] : rel.split("/"))
    at = typeof at === "object" && Object.hasOwn(at, name) ? at[name] : undefined;
  return at;
}

type BrowseResult = AgentToServerMessages["file:browse_result"];

/** A folder listed as the agent lists it (file-handler.ts `handleFileBrowse`). */
export function browseDemo(requestId: string, requested = "", dirsOnly = false, showHidden = false): BrowseResult {
  const path = requested.trim() ? posix.resolve(requested) : DEMO_HOME;
  const refused = (error: string): BrowseResult => ({
    requestId,
    path: requested || DEMO_HOME,
    homePath: DEMO_HOME,
    entries: [],
    error,
  });
  if (posix.relative(DEMO_HOME, path).startsWith("..")) return refused("Access denied: path is outside home directory");
  const folder = entryAt(path);
  if (folder === undefined) return refused(`ENOENT: no such file or directory, scandir '${path}'`);
  if (typeof folder === "string") return refused(`ENOTDIR: not a directory, scandir '${path}'`);
  const entries = Object.entries(folder)
    .filter(([name, entry]) => (showHidden || !name.startsWith(".")) && (!dirsOnly || typeof entry === "object"))
    .map(([name, entry]) => ({
      name,
      type: typeof entry === "object" ? ("directory" as const) : ("file" as const),
      size: typeof entry === "object" ? 4096 : Buffer.byteLength(entry),
      modifiedAt: MODIFIED_AT,
    }))
    .sort((a, b) => (a.type !== b.type ? (a.type === "directory" ? -1 : 1) : a.name.localeCompare(b.name)));
  return { requestId, path, homePath: DEMO_HOME, entries };
}

/** The demo folder, read as a scan reads a folder. */
const demoReader: FolderReader = {
  async list(path) {
    const folder = entryAt(path);
    if (typeof folder !== "object") return undefined;
    return Object.entries(folder).map(([name, entry]) => ({ name, folder: typeof entry === "object" }));
  },
  async read(path) {
    const file = entryAt(path);
    return typeof file === "string" ? file : undefined;
  },
};

type ScanResult = AgentToServerMessages["project:scan_result"];

/** A project folder scanned as the agent scans it (scan-handler.ts `handleProjectScan`). */
export async function scanDemo(requestId: string, path: string): Promise<ScanResult> {
  const at = posix.isAbsolute(path) ? posix.resolve(path) : undefined;
  const empty = { requestId, projectName: "", techStack: [], hasGit: false, readme: null, structure: [] };
  if (at === undefined || entryAt(at) === undefined)
    return { ...empty, error: `ENOENT: no such file or directory, stat '${path}'` };
  const found = await scanFolder(demoReader, at);
  return found ? { requestId, ...found } : { ...empty, error: "Path is not a directory" };
}
