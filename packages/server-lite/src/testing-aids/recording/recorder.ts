/**
 * @module
 * The request recorder: middleware that keeps every exchange with the platforms (the `/_lite/*` routes aside),
 * answered as a HAR 1.2 log, filterable by path and time. A user attaches it to a bug report or opens it in a
 * browser's network panel. The latest `limit` exchanges are kept.
 */
import { writeFile } from "node:fs/promises";
import type { Har } from "har-format";
import type { MiddlewareHandler } from "hono";
import picomatch from "picomatch";
import type { Clock } from "../../core/clock.ts";
import { isDroppedConnection } from "../../core/dropped-connection.ts";
import type { FaultKind } from "../chaos/options.ts";
import { type CapturedBody, harEntry, type LiteHarEntry } from "./har-entry.ts";

/** What is recorded, and where it is written. */
export interface RecordOptions {
  /**
   * Exchanges kept; the oldest go first.
   * @default 1000
   */
  limit?: number;
  /**
   * Bytes of each body kept; a longer body is cut (and a cut JSON body fully redacted).
   * @default 65536
   */
  bodyLimit?: number;
  /** A file the HAR log is written to when the server closes (the CLI's `--record <file>`). */
  file?: string;
}

/** Which recorded exchanges `GET /_lite/requests` answers. */
export interface RequestFilter {
  /** A path prefix, or a glob (`*` within a segment, `**` across): `/claudenest/api/tasks/**`. */
  path?: string;
  /** Only exchanges started at or after this time (ISO 8601, or epoch milliseconds), on the server clock. */
  since?: string | number;
  /** Only exchanges started before this time. */
  until?: string | number;
}

/** A HAR 1.2 log of recorded exchanges. */
export interface LiteHar extends Har {
  log: Har["log"] & { entries: LiteHarEntry[] };
}

/** Reads a body's first `limit` bytes, and its whole size. */
async function capture(body: ReadableStream<Uint8Array> | null, limit: number): Promise<CapturedBody | undefined> {
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  let kept = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (kept < limit) {
      const part = chunk.subarray(0, limit - kept);
      chunks.push(part);
      kept += part.byteLength;
    }
  }
  return { bytes: Buffer.concat(chunks), size };
}

/** A time given as ISO 8601 or epoch milliseconds, as epoch milliseconds. */
export function timeOf(value: string | number): number {
  const ms = typeof value === "number" || /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a time: "${value}" (use ISO 8601 or epoch milliseconds)`);
  return ms;
}

/** Records exchanges and answers them as HAR. */
export class RequestRecorder {
  readonly #entries: LiteHarEntry[] = [];
  readonly #clock: Clock;
  readonly #limit: number;
  readonly #bodyLimit: number;
  readonly #faultOf: (request: Request) => FaultKind | undefined;
  readonly #version: string;
  readonly file: string | undefined;

  /**
   * @param clock the time exchanges are dated with (the server clock)
   * @param faultOf the fault injected into a request, to mark its entry
   * @param version server-lite's version, named as the log's creator
   */
  constructor(
    clock: Clock,
    options: RecordOptions,
    faultOf: (request: Request) => FaultKind | undefined,
    version: string,
  ) {
    this.#clock = clock;
    this.#limit = options.limit ?? 1000;
    this.#bodyLimit = options.bodyLimit ?? 65_536;
    this.#faultOf = faultOf;
    this.#version = version;
    this.file = options.file;
  }

  /** The middleware that records every exchange outside `/_lite/*`. */
  middleware(): MiddlewareHandler {
    return async (c, next) => {
      if (c.req.path.startsWith("/_lite/")) return next();
      const started = this.#clock.now();
      const t0 = performance.now();
      const request = c.req.raw;
      const requestBody = request.body ? await capture(request.clone().body, this.#bodyLimit) : undefined;
      await next();
      const durationMs = performance.now() - t0;
      const dropped = isDroppedConnection(c.res);
      const response = dropped ? undefined : c.res;
      const streaming = response?.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
      const responseBody = response && !streaming ? await capture(response.clone().body, this.#bodyLimit) : undefined;
      this.#push(
        harEntry({
          started,
          durationMs,
          request,
          requestBody,
          response,
          responseBody,
          requestId: response?.headers.get("x-request-id") ?? request.headers.get("x-request-id") ?? undefined,
          fault: this.#faultOf(request),
        }),
      );
    };
  }

  /** The recorded exchanges that pass `filter`, oldest first, as a HAR 1.2 log. */
  har(filter: RequestFilter = {}): LiteHar {
    const since = filter.since === undefined ? -Infinity : timeOf(filter.since);
    const until = filter.until === undefined ? Infinity : timeOf(filter.until);
    const path = filter.path;
    const glob = path?.includes("*") ? picomatch(path, { dot: true }) : undefined;
    const entries = this.#entries.filter((entry) => {
      const at = Date.parse(entry.startedDateTime);
      if (at < since || at >= until) return false;
      if (path === undefined) return true;
      const { pathname } = new URL(entry.request.url);
      return glob ? glob(pathname) : pathname.startsWith(path);
    });
    return {
      log: { version: "1.2", creator: { name: "@agentlane/server-lite", version: this.#version }, entries },
    };
  }

  /** Forgets every recorded exchange. */
  clear(): void {
    this.#entries.length = 0;
  }

  /** Writes the whole log to the `file` option, if there is one. */
  async save(): Promise<void> {
    if (this.file) await writeFile(this.file, `${JSON.stringify(this.har(), null, 2)}\n`);
  }

  #push(entry: LiteHarEntry): void {
    this.#entries.push(entry);
    if (this.#entries.length > this.#limit) this.#entries.splice(0, this.#entries.length - this.#limit);
  }
}
