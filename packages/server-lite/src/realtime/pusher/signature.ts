/**
 * @module
 * Channel authorization signatures of the standard Pusher flow: the auth endpoint answers
 * `"<appKey>:<hex HMAC-SHA256(appSecret, socketId + ':' + channel)>"` and the subscribe frame carries it back.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function signChannel(appKey: string, appSecret: string, socketId: string, channel: string): string {
  return `${appKey}:${createHmac("sha256", appSecret).update(`${socketId}:${channel}`).digest("hex")}`;
}

/** Checks a signature in constant time. */
export function verifyChannelSignature(
  appKey: string,
  appSecret: string,
  socketId: string,
  channel: string,
  auth: string,
): boolean {
  const expected = Buffer.from(signChannel(appKey, appSecret, socketId, channel));
  const given = Buffer.from(auth);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
