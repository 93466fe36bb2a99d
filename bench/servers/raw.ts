/**
 * @module
 * The baseline of the throughput line: a bare `node:http` server answering fixed bytes. It reads the
 * answers to replay (status, headers, body of server-lite's own answers) as JSON from stdin's first line,
 * prints `{ url }`, then serves until stdin closes, answering `cpu` queries. A request with a body is read to its end first, as
 * server-lite must.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import { answerCpuQueries } from "../lib/child.ts";

interface Canned {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const input = createInterface({ input: process.stdin });
const first = await new Promise<string>((resolve) => input.once("line", resolve));
const answers = JSON.parse(first) as Record<string, Canned>;
const encoded = Object.fromEntries(
  Object.entries(answers).map(([method, a]) => [method, { ...a, bytes: Buffer.from(a.body) }]),
);

const server = createServer((req, res) => {
  const answer = encoded[req.method ?? "GET"];
  if (!answer) {
    res.writeHead(405).end();
    return;
  }
  const reply = () => {
    res.writeHead(answer.status, { ...answer.headers, "content-length": answer.bytes.length });
    res.end(answer.bytes);
  };
  if (req.method === "GET") reply();
  else req.on("data", () => {}).on("end", reply);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`);
answerCpuQueries(input);
input.on("close", () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
