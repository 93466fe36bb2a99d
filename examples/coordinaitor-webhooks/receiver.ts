/**
 * @module
 * A webhook receiver on node:http: it reads the raw body (never a re-serialized object), verifies the
 * `x-orchestrator-signature` with the secret and a 5-minute replay window, and hands the typed event on.
 * Anything that does not verify is answered 401 and dropped.
 */
import { createServer, type Server } from "node:http";
import { parseWebhookEvent, type WebhookEvent } from "@agentlane/sdk/coordinaitor/contract";
import { constructEvent, createVerifier, isWebhookVerificationError, nodeRawBody } from "@agentlane/sdk/webhooks";

/** A listening receiver: where it is, and how to stop it. */
export interface WebhookReceiver {
  url: string;
  close(): Promise<void>;
}

/** Starts a receiver on 127.0.0.1 that calls `onEvent` with every verified event. */
export async function startReceiver(
  secret: string,
  onEvent: (event: WebhookEvent) => void,
  onRefused: (reason: string) => void = () => {},
): Promise<WebhookReceiver> {
  const verifier = createVerifier({ secrets: secret, toleranceSeconds: 300 });
  const server: Server = createServer(async (req, res) => {
    try {
      const event = await constructEvent({
        body: await nodeRawBody(req),
        signature: req.headers["x-orchestrator-signature"] as string | undefined,
        timestamp: req.headers["x-webhook-timestamp"] as string | undefined,
        verifier,
        parse: parseWebhookEvent,
      });
      onEvent(event);
      res.writeHead(200).end("OK");
    } catch (error) {
      if (!isWebhookVerificationError(error)) throw error;
      onRefused(error.message);
      res.writeHead(401).end("Invalid signature");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/webhook/orchestrator`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
