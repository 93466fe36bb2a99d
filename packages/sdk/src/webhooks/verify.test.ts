import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constructEvent } from "./construct-event.ts";
import { isWebhookVerificationError } from "./errors.ts";
import { nodeRawBody, rawBody } from "./raw-body.ts";
import { sign, signSync } from "./sign.ts";
import { createVerifier } from "./verify.ts";

const body = JSON.stringify({ event: "task.completed", timestamp: "2026-12-07T00:00:00.000Z", data: { id: "t1" } });
const reference = (text: string, secret: string) => `sha256=${createHmac("sha256", secret).update(text).digest("hex")}`;

describe("sign", () => {
  it("is HMAC-SHA256 over the exact bytes, as sha256=<hex>, async and sync alike", async () => {
    expect(await sign(body, "s3cret")).toBe(reference(body, "s3cret"));
    expect(signSync(body, "s3cret")).toBe(reference(body, "s3cret"));
    expect(await sign(new TextEncoder().encode("é"), "k")).toBe(reference("é", "k"));
  });
});

describe("createVerifier", () => {
  it("accepts the right signature and refuses a tampered body or another secret", async () => {
    const verifier = createVerifier({ secrets: "s3cret" });
    const signature = reference(body, "s3cret");
    expect(await verifier.verify(body, signature)).toBe(true);
    expect(verifier.verifySync(body, signature)).toBe(true);
    expect(await verifier.verify(`${body} `, signature)).toBe(false);
    expect(await verifier.verify(body, reference(body, "other"))).toBe(false);
    expect(await verifier.verify(body, undefined)).toBe(false);
    expect(await verifier.verify(body, "sha256=zz")).toBe(false);
  });

  it("accepts any of several secrets during a rotation, and a signature without its prefix", async () => {
    const verifier = createVerifier({ secrets: ["new", "old"] });
    expect(await verifier.verify(body, reference(body, "old"))).toBe(true);
    expect(await verifier.verify(body, reference(body, "new").slice("sha256=".length))).toBe(true);
    expect(await verifier.verify(body, reference(body, "older"))).toBe(false);
  });

  it("refuses a stale or missing timestamp when a tolerance is set", async () => {
    const now = 1_800_000_000_000;
    const verifier = createVerifier({ secrets: "s", toleranceSeconds: 300, now: () => now });
    const signature = reference(body, "s");
    expect(await verifier.verify(body, signature, String(now / 1000 - 299))).toBe(true);
    expect(await verifier.verify(body, signature, String(now / 1000 - 301))).toBe(false);
    expect(await verifier.verify(body, signature, null)).toBe(false);
    await expect(verifier.assert(body, signature, String(now / 1000 + 1000))).rejects.toMatchObject({
      reason: "stale-timestamp",
    });
  });

  it("never verifies a random body and signature without the secret", async () => {
    const verifier = createVerifier({ secrets: "the-real-secret" });
    await fc.assert(
      fc.asyncProperty(fc.string(), fc.string(), fc.string({ minLength: 1 }), async (text, signature, guess) => {
        fc.pre(guess !== "the-real-secret");
        expect(await verifier.verify(text, signature)).toBe(false);
        expect(await verifier.verify(text, reference(text, guess))).toBe(false);
        expect(await verifier.verify(text, `sha256=${"0".repeat(64)}`)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});

describe("constructEvent", () => {
  const verifier = createVerifier({ secrets: "s" });
  const parse = (json: unknown) => {
    const event = json as { event?: unknown };
    if (event.event !== "task.completed") throw new Error("unknown event");
    return event as { event: "task.completed"; data: { id: string } };
  };

  it("answers the typed event of a verified delivery", async () => {
    const event = await constructEvent({ body, signature: reference(body, "s"), verifier, parse });
    expect(event.data.id).toBe("t1");
  });

  it("refuses an unverified body before parsing it, and an unknown event after", async () => {
    const refused = await constructEvent({ body, signature: reference(body, "x"), verifier, parse }).catch((e) => e);
    expect(isWebhookVerificationError(refused)).toBe(true);
    expect(refused.reason).toBe("bad-signature");
    const other = JSON.stringify({ event: "nope" });
    const unknown = await constructEvent({ body: other, signature: reference(other, "s"), verifier, parse }).catch(
      (e) => e,
    );
    expect(unknown.reason).toBe("bad-payload");
  });
});

describe("raw bodies", () => {
  it("reads a Fetch request's and a Node request's bytes as sent", async () => {
    const fromFetch = await rawBody(new Request("http://x/", { method: "POST", body }));
    expect(new TextDecoder().decode(fromFetch)).toBe(body);
    async function* chunks() {
      yield body.slice(0, 5);
      yield new TextEncoder().encode(body.slice(5));
    }
    expect(new TextDecoder().decode(await nodeRawBody(chunks()))).toBe(body);
    await expect(nodeRawBody(chunks(), 10)).rejects.toThrow(RangeError);
  });
});
