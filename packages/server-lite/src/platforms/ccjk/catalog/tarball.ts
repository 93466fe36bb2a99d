/**
 * @module
 * Plugin packages as real gzipped tarballs (the layout `npm pack` writes: every file under `package/`), built
 * once per server from the catalog's files. A minimal POSIX ustar writer is enough for regular files with short
 * paths; every header has a fixed time and owner, so the bytes (and the SHA-256 the API answers) are the same
 * on every run.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import type { CatalogPlugin } from "./plugins.ts";

const BLOCK = 512;
/** 2025-01-01T00:00:00Z: a fixed modification time keeps the package's bytes stable. */
const MTIME = 1_735_689_600;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, "0")}\0`;
}

/** One ustar header block for a regular file. */
function header(path: string, size: number): Buffer {
  if (Buffer.byteLength(path) > 100) throw new RangeError(`tar path too long: ${path}`);
  const block = Buffer.alloc(BLOCK, 0);
  block.write(path, 0, 100, "utf8");
  block.write(octal(0o644, 8), 100, 8, "ascii"); // mode
  block.write(octal(0, 8), 108, 8, "ascii"); // uid
  block.write(octal(0, 8), 116, 8, "ascii"); // gid
  block.write(octal(size, 12), 124, 12, "ascii");
  block.write(octal(MTIME, 12), 136, 12, "ascii");
  block.fill(" ", 148, 156); // the checksum counts itself as spaces
  block.write("0", 156, 1, "ascii"); // a regular file
  block.write("ustar\0", 257, 6, "ascii");
  block.write("00", 263, 2, "ascii");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8, "ascii");
  return block;
}

/** A tar archive of the given files (path to content), in order. */
export function tar(files: ReadonlyArray<{ path: string; content: string | Buffer }>): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const data = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : file.content;
    parts.push(header(file.path, data.length), data);
    const pad = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad, 0));
  }
  parts.push(Buffer.alloc(BLOCK * 2, 0)); // two empty blocks end the archive
  return Buffer.concat(parts);
}

/** A built plugin package: its bytes, digest and name. */
export interface PluginPackage {
  bytes: Buffer;
  sha256: string;
  fileName: string;
}

/** The package of a plugin's current version: `package.json` and its files, gzipped. */
export function buildPluginPackage(plugin: CatalogPlugin): PluginPackage {
  const version = plugin.versions[0]!.version;
  const manifest = {
    name: plugin.id,
    version,
    description: plugin.description.en,
    author: plugin.author,
    license: plugin.license,
    keywords: plugin.tags,
    claudeCode: { plugin: true, compatibility: plugin.compatibility },
  };
  const archive = tar([
    { path: "package/package.json", content: `${JSON.stringify(manifest, null, 2)}\n` },
    ...plugin.files.map((f) => ({ path: `package/${f.path}`, content: f.content })),
  ]);
  const bytes = gzipSync(archive, { level: 9 });
  return { bytes, sha256: createHash("sha256").update(bytes).digest("hex"), fileName: `${plugin.id}-${version}.tgz` };
}
