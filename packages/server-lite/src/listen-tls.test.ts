import { get } from "node:https";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { selfSignedCertificate } from "./lib/self-signed.ts";
import { createServer, type LiteServer } from "./server.ts";

let server: LiteServer | undefined;
afterEach(async () => {
  await server?.close();
});

/** GETs a path over https, trusting only `ca`; answers the status and body. */
function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      let body = "";
      response.on("data", (chunk) => {
        body += chunk;
      });
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    }).on("error", reject);
  });
}

describe("listening with TLS", () => {
  it("makes a self-signed certificate for the address, serving https and the Pusher app over wss", async () => {
    server = await createServer({ platform: "claudenest", tls: true });
    const url = await server.listen(0, "127.0.0.1");
    expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const tls = server.tls!;
    expect(tls.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    // Trusting exactly this certificate, with the host name checked: it is valid for 127.0.0.1.
    const health = await httpsGet(`${url}/api/health`, tls.cert);
    expect(health.status).toBe(200);
    const ws = new WebSocket(`${url.replace("https", "wss")}/app/claudenest?protocol=7&client=js&version=8.6.0`, {
      ca: tls.cert,
    });
    const first = await new Promise<{ event: string }>((resolve, reject) => {
      ws.once("message", (raw) => resolve(JSON.parse(raw.toString())));
      ws.once("error", reject);
    });
    ws.terminate();
    expect(first.event).toBe("pusher:connection_established");
  });

  it("is refused by a client that does not trust the certificate", async () => {
    server = await createServer({ platform: "claudenest", tls: true });
    const url = await server.listen(0, "127.0.0.1");
    await expect(httpsGet(`${url}/api/health`, "")).rejects.toThrow(/self.signed|certificate/i);
  });

  it("serves a given key and certificate, and plain http without tls", async () => {
    const pair = await selfSignedCertificate(["127.0.0.1"]);
    server = await createServer({ platform: "claudenest", tls: { key: pair.key, cert: pair.cert } });
    const url = await server.listen(0, "127.0.0.1");
    expect(server.tls).toEqual({ cert: pair.cert, fingerprint256: pair.fingerprint256 });
    expect((await httpsGet(`${url}/api/health`, pair.cert)).status).toBe(200);
    await server.close();
    server = await createServer({ platform: "claudenest" });
    expect(await server.listen(0)).toMatch(/^http:\/\//);
    expect(server.tls).toBeUndefined();
  });
});
