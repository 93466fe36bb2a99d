/**
 * @module
 * What a scan of a project folder finds, as ClaudeNest's agent answers `project:scan` (its
 * `src/handlers/scan-handler.ts`): the folder's name, a tech stack told by its manifests and their dependencies,
 * whether it is a git checkout, its README and its entries two levels deep. The folder is read through a
 * {@link FolderReader}, so the same scan serves the demo agent's folder in memory and server-lite's own disk (below
 * its browse root) for a machine without a connected agent.
 */

/** How a scan reads a folder. */
export interface FolderReader {
  /** The entries of the folder at `path`, or undefined when it is not a folder that may be read. */
  list(path: string): Promise<Array<{ name: string; folder: boolean }> | undefined>;
  /** The text of the file at `path`, or undefined when it is not a file that may be read. */
  read(path: string): Promise<string | undefined>;
}

/** What a scan found, in the agent's keys. */
export interface FolderScan {
  projectName: string;
  techStack: string[];
  hasGit: boolean;
  readme: string | null;
  structure: string[];
}

/** Files whose presence tells a language or a tool. */
const MANIFESTS: Readonly<Record<string, string>> = {
  "package.json": "node",
  "composer.json": "php",
  "Cargo.toml": "rust",
  "go.mod": "go",
  "pyproject.toml": "python",
  "requirements.txt": "python",
  Gemfile: "ruby",
  "pom.xml": "java",
  "build.gradle": "java",
  Dockerfile: "docker",
  "docker-compose.yml": "docker",
};

/** Dependencies (of `package.json` or `composer.json`) that tell a framework or a tool. */
const PACKAGES: Readonly<Record<string, string>> = {
  react: "react",
  next: "nextjs",
  vue: "vue",
  svelte: "svelte",
  "@angular/core": "angular",
  express: "express",
  fastify: "fastify",
  typescript: "typescript",
  vite: "vite",
  "laravel/framework": "laravel",
  "symfony/framework-bundle": "symfony",
};

/** Folders the structure leaves out: dependencies and build output. */
const SKIPPED = new Set(["node_modules", "vendor", "dist", "build", "target", "__pycache__"]);
const README_NAMES = ["README.md", "readme.md", "README.rst", "README.txt", "README"];
/** The README is cut after this many characters, as the agent cuts it. */
export const README_LIMIT = 5000;
const STRUCTURE_DEPTH = 2;
const STRUCTURE_LIMIT = 200;

const join = (folder: string, name: string) => `${folder.replace(/\/+$/, "")}/${name}`;

/** The dependency names a JSON manifest lists (`dependencies`, `devDependencies`, `require`, `require-dev`). */
function dependenciesOf(text: string | undefined): string[] {
  if (text === undefined) return [];
  try {
    const manifest = JSON.parse(text) as Record<string, unknown>;
    return ["dependencies", "devDependencies", "require", "require-dev"].flatMap((key) => {
      const deps = manifest[key];
      return typeof deps === "object" && deps !== null ? Object.keys(deps) : [];
    });
  } catch {
    return [];
  }
}

async function techStackOf(reader: FolderReader, path: string, names: Set<string>): Promise<string[]> {
  const stack = new Set<string>();
  for (const [file, label] of Object.entries(MANIFESTS)) if (names.has(file)) stack.add(label);
  const deps = new Set<string>();
  for (const file of ["package.json", "composer.json"])
    if (names.has(file)) for (const dep of dependenciesOf(await reader.read(join(path, file)))) deps.add(dep);
  for (const [dep, label] of Object.entries(PACKAGES)) if (deps.has(dep)) stack.add(label);
  return [...stack];
}

async function structureOf(reader: FolderReader, path: string, depth: number, lines: string[]): Promise<void> {
  const entries = (await reader.list(path)) ?? [];
  entries.sort((a, b) => (a.folder !== b.folder ? (a.folder ? -1 : 1) : a.name.localeCompare(b.name)));
  for (const entry of entries) {
    if (lines.length >= STRUCTURE_LIMIT) return;
    if (entry.name.startsWith(".") || SKIPPED.has(entry.name)) continue;
    lines.push(`${"  ".repeat(depth)}${entry.name}${entry.folder ? "/" : ""}`);
    if (entry.folder && depth < STRUCTURE_DEPTH) await structureOf(reader, join(path, entry.name), depth + 1, lines);
  }
}

/**
 * Scans the folder at `path`; `undefined` when it is not a folder that may be read.
 * @example const found = await scanFolder(reader, "/home/me/app"); // { projectName: "app", techStack: ["node"], ... }
 */
export async function scanFolder(reader: FolderReader, path: string): Promise<FolderScan | undefined> {
  const entries = await reader.list(path);
  if (!entries) return undefined;
  const names = new Set(entries.map((entry) => entry.name));
  let readme: string | null = null;
  for (const name of README_NAMES.filter((candidate) => names.has(candidate))) {
    const text = await reader.read(join(path, name));
    if (text === undefined) continue;
    readme = text.length > README_LIMIT ? `${text.slice(0, README_LIMIT)}\n\n[...truncated]` : text;
    break;
  }
  const structure: string[] = [];
  await structureOf(reader, path, 0, structure);
  return {
    projectName: path.replace(/\/+$/, "").split("/").pop() ?? "",
    techStack: await techStackOf(reader, path, names),
    hasGit: names.has(".git"),
    readme,
    structure,
  };
}
