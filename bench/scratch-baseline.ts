import { ClaudeNest } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";

const server = await createServer({ seed: true });
const url = await server.listen(0);
const base = `${url}/claudenest/api`;
const token = server.seedInfo.claudenest!.token!;
const nest = new ClaudeNest({ baseUrl: base, token });
const sdk = () => nest.auth.me();
const raw = async () => {
  const r = await fetch(`${base}/auth/me`, {
    headers: { accept: "application/json", authorization: `Bearer ${token}` },
  });
  return (await r.json()).data;
};
const sdkH = () => nest.health.check();
const rawH = async () => {
  const r = await fetch(`${base}/health`, { headers: { accept: "application/json" } });
  return (await r.json()).data;
};
async function time(fn: () => Promise<unknown>, n: number) {
  const s: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    s.push(performance.now() - t);
  }
  return s;
}
const med = (a: number[]) => {
  const b = [...a].sort((x, y) => x - y);
  return b[b.length >> 1]!;
};
for (const [name, a, b] of [
  ["me", sdk, raw],
  ["health", sdkH, rawH],
] as const) {
  await time(a, 500);
  await time(b, 500);
  const A: number[] = [],
    B: number[] = [];
  for (let r = 0; r < 10; r++) {
    A.push(...(await time(a, 200)));
    B.push(...(await time(b, 200)));
  }
  console.log(name, "sdk", med(A).toFixed(3), "raw", med(B).toFixed(3), "ratio", (med(A) / med(B)).toFixed(3));
}
await server.close();
