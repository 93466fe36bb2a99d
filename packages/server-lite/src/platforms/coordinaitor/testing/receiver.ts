/**
 * @module
 * A real HTTP webhook receiver on loopback for tests: it keeps each delivery's raw body and headers, and answers
 * what the test tells it to (a status per delivery, in order).
 */
import { createServer, type IncomingHttpHeaders } from "node:http";
import { nodeRawBody } from "@agentlane/sdk/webhooks";

export interface Received {
  body: string;
  headers: IncomingHttpHeaders;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** Statuses to answer, in order; once used up, 200. */
  answers: number[];
  /** While set, requests are kept unanswered (a receiver that hangs); `release()` answers them. */
  hold: boolean;
  release(): void;
  close(): Promise<void>;
}

export async function receiver(): Promise<Receiver> {
  const held: Array<() => void> = [];
  const state: Receiver = {
    url: "",
    received: [],
    answers: [],
    hold: false,
    release: () => {
      for (const answer of held.splice(0)) answer();
    },
    close: async () => {},
  };
  const server = createServer(async (req, res) => {
    const body = new TextDecoder().decode(await nodeRawBody(req));
    state.received.push({ body, headers: req.headers });
    const answer = () => {
      res.statusCode = state.answers.shift() ?? 200;
      res.end("OK");
    };
    if (state.hold) held.push(answer);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  state.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhook`;
  state.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
