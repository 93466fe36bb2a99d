/**
 * @module
 * Line 5: an Actus chat turn over Server-Sent Events on loopback. The subject is a turn of server-lite's built-in
 * agent read with the SDK (`actus.sessions.chat`, POST, fetch and `eventsource-parser`); the baseline is a raw
 * `node:http` server that writes the very same events, recorded from a turn, read with plain `fetch` and the same
 * parser. Measured: events per second over a whole live turn (the agent's own work included: it writes 100 files
 * in the sandbox and stores every event), over the same turn replayed from the store, and the time to the first
 * event.
 */
import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readEvents } from "@agentlane/sdk";
import { Actus } from "@agentlane/sdk/actus";
import { createServer } from "@agentlane/server-lite";
import { median } from "./lib/measure.ts";
import { atLeast, atMost, ms, perSecond, type Row } from "./lib/table.ts";

const STEPS = 100;
const ROUNDS = 15;
const MESSAGE = Array.from({ length: STEPS }, (_, i) => `> notes/${i}.txt: line ${i}`).join("\n");

/** One turn read to its end: how many events, the time to the first and to the last. */
interface Turn {
  events: number;
  firstMs: number;
  totalMs: number;
}

async function timed(read: () => AsyncIterable<unknown>): Promise<Turn> {
  const started = performance.now();
  let firstMs = 0;
  let events = 0;
  for await (const _ of read()) {
    if (events++ === 0) firstMs = performance.now() - started;
  }
  return { events, firstMs, totalMs: performance.now() - started };
}

export async function actusSse(): Promise<Row[]> {
  const server = await createServer({ platform: "actus", seed: true });
  const url = await server.listen(0);
  const actus = new Actus({ baseUrl: `${url}/api`, timeout: false });
  const seed = server.seedInfo.actus!;
  await actus.auth.signIn({ username: seed.username!, password: seed.password! });

  // The baseline's events: one real turn, recorded as sent.
  const { session_id: recorded } = await actus.sessions.create();
  const frames: string[] = [];
  for await (const e of actus.sessions.chat({ session_id: recorded, message: MESSAGE }))
    frames.push(`event: ${e.event}\nid: ${e.id}\ndata: ${JSON.stringify(e.data)}\n\n`);
  const raw = createHttpServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    for (const frame of frames) res.write(frame);
    res.end();
  });
  await new Promise<void>((resolve) => raw.listen(0, "127.0.0.1", resolve));
  const rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}/`;

  try {
    const subject: Turn[] = [];
    const replayed: Turn[] = [];
    const baseline: Turn[] = [];
    for (let round = 0; round < ROUNDS + 2; round++) {
      const { session_id } = await actus.sessions.create();
      const s = await timed(() => actus.sessions.chat({ session_id, message: MESSAGE }));
      // The same turn again, from the store: a client that reconnects without an event id.
      const r = await timed(() => actus.sessions.chat({ session_id }));
      const b = await timed(async function* () {
        const response = await fetch(rawUrl, { method: "POST", body: JSON.stringify({ message: MESSAGE }) });
        yield* readEvents(response.body!);
      });
      if ([s, r, b].some((t) => t.events !== frames.length)) throw new Error("a turn lost events");
      // The first two rounds warm up.
      if (round >= 2) {
        subject.push(s);
        replayed.push(r);
        baseline.push(b);
      }
    }
    const rate = (turns: Turn[]) => median(turns.map((t) => (t.events / t.totalMs) * 1000));
    const first = (turns: Turn[]) => median(turns.map((t) => t.firstMs));
    const [sRate, bRate, sFirst, bFirst] = [rate(subject), rate(baseline), first(subject), first(baseline)];
    const rRate = rate(replayed);
    return [
      {
        line: 5,
        measure: `Actus chat turn, SSE events/s (${frames.length} events)`,
        subject: `SDK + server-lite ${perSecond(sRate)}`,
        baseline: `fetch + raw SSE ${perSecond(bRate)}`,
        ...atLeast(sRate / bRate, 0.6),
      },
      {
        line: 5,
        measure: `Actus turn replayed, SSE events/s (${frames.length} events)`,
        subject: `SDK + server-lite ${perSecond(rRate)}`,
        baseline: `fetch + raw SSE ${perSecond(bRate)}`,
        ...atLeast(rRate / bRate, 0.6),
      },
      {
        line: 5,
        measure: "Actus chat turn, first event",
        subject: `SDK + server-lite ${ms(sFirst)}`,
        baseline: `fetch + raw SSE ${ms(bFirst)}`,
        ...atMost(sFirst / bFirst, 1 / 0.6),
      },
    ];
  } finally {
    await new Promise<void>((resolve) => raw.close(() => resolve()));
    await server.close();
  }
}
