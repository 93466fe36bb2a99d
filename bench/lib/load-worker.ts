/**
 * @module
 * The `node:http` load generator's worker: `connections` keep-alive loops, one request after another each,
 * for `seconds`; posts the number of requests completed. A non-2xx answer stops the run with an error.
 */
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import type { Load } from "./load.ts";

const { load, seconds, connections } = workerData as { load: Load; seconds: number; connections: number };
const agent = new Agent({ keepAlive: true, maxSockets: connections });

const once = () =>
  new Promise<void>((resolve, reject) => {
    const req = request(load.url, { method: load.method, headers: load.headers, agent }, (res) => {
      res.resume();
      res.on("end", () =>
        (res.statusCode ?? 0) < 300 ? resolve() : reject(new Error(`${load.method} ${load.url}: ${res.statusCode}`)),
      );
    });
    req.on("error", reject);
    req.end(load.body);
  });

let count = 0;
const deadline = performance.now() + seconds * 1000;
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < deadline) {
      await once();
      count++;
    }
  }),
);
agent.destroy();
parentPort!.postMessage(count);
