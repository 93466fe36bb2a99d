/**
 * @module
 * What the CLI says when it cannot listen: the cause in one sentence and what to do about it, rather than the
 * usage text (nothing was wrong with the command line).
 */

/**
 * One line for a failed `listen(port, host)`.
 *
 * @example
 * listenFailure(Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE" }), "127.0.0.1", 8000);
 * // "port 8000 on 127.0.0.1 is already in use: stop what uses it, or pick another with --port <n> (--port 0 for any free one)"
 */
export function listenFailure(error: unknown, host: string, port: number): string {
  const code = (error as { code?: string } | undefined)?.code;
  if (code === "EADDRINUSE")
    return `port ${port} on ${host} is already in use: stop what uses it, or pick another with --port <n> (--port 0 for any free one)`;
  if (code === "EACCES")
    return `not allowed to listen on port ${port} on ${host}: ports below 1024 need privileges; pick another with --port <n>`;
  if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND")
    return `${host} is not an address of this machine: pick one with --host (127.0.0.1, 0.0.0.0, ...)`;
  return `cannot listen on ${host}:${port}: ${(error as Error).message}`;
}
