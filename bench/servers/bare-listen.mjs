/**
 * @module
 * The baseline of the CLI startup line: the least a Node server can do before it tells the user where it is, a bare
 * `node:http` server that listens on a free port of 127.0.0.1 and prints its URL. Plain JavaScript, so that Node
 * strips no types; it serves until it is stopped.
 */
import { createServer } from "node:http";

const server = createServer((_request, response) => response.end("ok"));
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`listening on http://127.0.0.1:${server.address().port}\n`);
});
