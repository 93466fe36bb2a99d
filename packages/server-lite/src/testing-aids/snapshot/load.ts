/**
 * @module
 * Reading a snapshot to start from (`createServer({ load })`, the CLI's `--load <file>`), with errors that name the
 * file and say what is wrong.
 */
import { readFile } from "node:fs/promises";
import { z } from "zod";
import { type LiteSnapshot, snapshotSchema } from "./format.ts";

/** The snapshot itself, or the JSON file it was saved to. */
export async function loadSnapshot(source: LiteSnapshot | string): Promise<LiteSnapshot> {
  if (typeof source !== "string") return parseSnapshot(source, "the snapshot");
  let text: string;
  try {
    text = await readFile(source, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the snapshot ${source}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`The snapshot ${source} is not JSON`);
  }
  return parseSnapshot(json, `The snapshot ${source}`);
}

function parseSnapshot(value: unknown, name: string): LiteSnapshot {
  const result = snapshotSchema.safeParse(value);
  if (!result.success) throw new Error(`${name} is not a server-lite snapshot: ${z.prettifyError(result.error)}`);
  return result.data;
}
