/**
 * @module
 * The machine token a pairing hands its agent, kept in the store only sealed (AES-256-GCM) with a key derived
 * from the agent's temporary pairing token. The store holds that token's hash, never the token, so nothing in
 * it gives the machine token away; the agent, which polls with the pairing token, can open it.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const IV_BYTES = 12;
const TAG_BYTES = 16;

function keyOf(pairingToken: string): Buffer {
  return createHash("sha256").update("claudenest pairing seal\0").update(pairingToken).digest();
}

/** `token` sealed for the holder of `pairingToken`: base64url of IV, tag and ciphertext. */
export function sealToken(token: string, pairingToken: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", keyOf(pairingToken), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64url");
}

/** The token sealed by `sealToken`, or undefined when `pairingToken` is not the one it was sealed for. */
export function openToken(sealed: string, pairingToken: string): string | undefined {
  const bytes = Buffer.from(sealed, "base64url");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyOf(pairingToken), bytes.subarray(0, IV_BYTES));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return undefined;
  }
}
