/**
 * @module
 * A self-signed TLS certificate made when a server starts, for browser clients that connect only over `https`
 * and `wss` (pusher-js through laravel-echo opens only `wss://` unless a page turns `forceTLS` off). The key never
 * leaves the process; the certificate and its SHA-256 fingerprint are given to whoever must trust it.
 */
import { X509Certificate } from "node:crypto";
import { isIP } from "node:net";
import { generate } from "selfsigned";

/** A TLS key pair in PEM, and the certificate's fingerprint. */
export interface TlsCertificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint of the certificate, `AB:CD:...`. */
  fingerprint256: string;
}

/**
 * A certificate for `hosts` (names and IP addresses; the first is the common name), valid 30 days from now.
 * @example const { key, cert } = await selfSignedCertificate(["127.0.0.1", "localhost"]);
 */
export async function selfSignedCertificate(hosts: readonly string[]): Promise<TlsCertificate> {
  const names = [...new Set(hosts.length > 0 ? hosts : ["localhost"])];
  const notBeforeDate = new Date();
  const pems = await generate([{ name: "commonName", value: names[0]! }], {
    keySize: 2048,
    algorithm: "sha256",
    notBeforeDate,
    notAfterDate: new Date(notBeforeDate.getTime() + 30 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: names.map((host) =>
          isIP(host) ? { type: 7 as const, ip: host } : { type: 2 as const, value: host },
        ),
      },
    ],
  });
  return { key: pems.private, cert: pems.cert, fingerprint256: new X509Certificate(pems.cert).fingerprint256 };
}
