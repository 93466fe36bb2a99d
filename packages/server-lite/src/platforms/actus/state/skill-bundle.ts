/**
 * @module
 * Loading a skill bundle (its text files) from a local folder or a GitHub tree URL, and reading `SKILL.md`'s YAML
 * frontmatter. A bundle is at most 200 files and 5 MiB; a source that cannot be read is a 400 with the reason.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join, relative, sep } from "node:path";
import { Failure } from "../../../core/failure.ts";
import { parseYaml } from "../../../lib/yaml.ts";
import type { ActusServices } from "./services.ts";

export const MAX_FILES = 200;
export const MAX_BYTES = 5 * 1024 * 1024;

/** A bundle: file paths (relative, `/`-separated) to their text. */
export type Bundle = Map<string, string>;

const bad = (message: string) => new Failure("BAD_REQUEST", message);

class Budget {
  files = 0;
  bytes = 0;
  add(size: number): void {
    this.files++;
    this.bytes += size;
    if (this.files > MAX_FILES) throw bad(`skill bundle has more than ${MAX_FILES} files`);
    if (this.bytes > MAX_BYTES) throw bad("skill bundle is larger than 5 MiB");
  }
}

/** Reads a local folder's files (skipping `.git` and `node_modules`). */
export function loadLocal(path: string): Bundle {
  if (!isAbsolute(path)) throw bad("source_ref must be an absolute path for a local skill");
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(path);
  } catch {
    throw bad(`skill folder not found: ${path}`);
  }
  if (!stat.isDirectory()) throw bad(`not a folder: ${path}`);
  const bundle: Bundle = new Map();
  const budget = new Budget();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        budget.add(statSync(full).size);
        bundle.set(relative(path, full).split(sep).join("/"), readFileSync(full, "utf8"));
      }
    }
  };
  walk(path);
  return bundle;
}

/** `https://github.com/<owner>/<repo>/tree/<ref>/<path>`, taken apart. */
export function parseGithubTreeUrl(url: string): { owner: string; repo: string; ref: string; path: string } {
  const match = /^https:\/\/github\.com\/([\w.-]+)\/([\w.-]+)\/tree\/([^/]+)(?:\/(.*?))?\/?$/.exec(url);
  if (!match) throw bad("source_ref must be a GitHub tree URL: https://github.com/<owner>/<repo>/tree/<ref>/<path>");
  const path = match[4] ?? "";
  if (path.split("/").includes("..")) throw bad("invalid path in source_ref");
  return { owner: match[1]!, repo: match[2]!, ref: match[3]!, path };
}

interface ContentsEntry {
  type: string;
  path: string;
  size?: number;
  content?: string;
  encoding?: string;
}

/** Reads a GitHub folder through the contents API (`GET /repos/{owner}/{repo}/contents/{path}?ref=`). */
export async function loadGithub(services: ActusServices, url: string): Promise<Bundle> {
  const { owner, repo, ref, path } = parseGithubTreeUrl(url);
  const api = services.outside.githubApiUrl.replace(/\/+$/, "");
  const get = async (p: string): Promise<unknown> => {
    const target = `${api}/repos/${owner}/${repo}/contents/${p.split("/").map(encodeURIComponent).join("/")}?ref=${encodeURIComponent(ref)}`;
    let response: Response;
    try {
      response = await services.outside.fetch(target, {
        headers: { accept: "application/vnd.github+json" },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw bad(`GitHub is unreachable: ${(error as Error).message}`);
    }
    if (response.status === 404) throw bad(`not found on GitHub: ${owner}/${repo}/${p}@${ref}`);
    if (!response.ok) throw bad(`GitHub answered HTTP ${response.status}`);
    return response.json();
  };
  const bundle: Bundle = new Map();
  const budget = new Budget();
  const walk = async (p: string) => {
    const listing = await get(p);
    if (!Array.isArray(listing)) throw bad("source_ref must name a folder");
    for (const entry of listing as ContentsEntry[]) {
      if (entry.type === "dir") await walk(entry.path);
      else if (entry.type === "file") {
        budget.add(entry.size ?? 0);
        const file = (await get(entry.path)) as ContentsEntry;
        if (typeof file.content !== "string" || file.encoding !== "base64") throw bad(`unreadable file: ${entry.path}`);
        const rel = path ? entry.path.slice(path.length).replace(/^\//, "") : entry.path;
        bundle.set(rel, Buffer.from(file.content, "base64").toString("utf8"));
      }
    }
  };
  await walk(path);
  return bundle;
}

/** `SKILL.md`'s frontmatter fields, or a 400 when it has none or it is not YAML. */
export function frontmatter(skillMd: string): Record<string, unknown> {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(skillMd);
  if (!match) throw bad("SKILL.md has no frontmatter (--- ... ---)");
  let value: unknown;
  try {
    value = parseYaml(match[1]!, { maxAliasCount: 10 });
  } catch (error) {
    throw bad(`SKILL.md frontmatter is not valid YAML: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw bad("SKILL.md frontmatter must be a mapping");
  return value as Record<string, unknown>;
}

/** Commands the risk policy asks a confirmation for. */
export const RISKY_PATTERNS: ReadonlyArray<[string, RegExp]> = [
  ["rm -rf", /\brm\s+-[a-z]*r[a-z]*f|\brm\s+-[a-z]*f[a-z]*r/i],
  ["curl | sh", /\b(curl|wget)\b[^\n|]*\|\s*(ba|z)?sh\b/i],
  ["sudo", /\bsudo\s/],
  ["mkfs", /\bmkfs(\.\w+)?\b/],
  ["dd if=", /\bdd\s+if=/],
  ["chmod 777", /\bchmod\s+(-R\s+)?777\b/],
];

/** The risky patterns a bundle's files contain. */
export function riskyPatterns(bundle: Bundle): string[] {
  const found = new Set<string>();
  for (const text of bundle.values())
    for (const [label, pattern] of RISKY_PATTERNS) if (pattern.test(text)) found.add(label);
  return [...found];
}
