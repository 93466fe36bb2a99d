/**
 * @module
 * `files.download()`: the bytes of a file, its name from the RFC 5987 `Content-Disposition` header
 * (`filename*=utf-8''...`, so non-ASCII names survive) and its type. The download is not JSON, so it does not go
 * through the contract; it still sends the client's credentials, renews them once after a 401, and raises the
 * same typed errors as every other call.
 */
import type { EnvelopeCodec } from "../../core/envelope.ts";
import { createAPIError } from "../../core/errors/api-error.ts";
import type { HttpClient } from "../../core/http-client.ts";

/** A downloaded file. */
export interface DownloadedFile {
  /** The file's name, as `Content-Disposition` gives it. */
  filename: string;
  contentType: string;
  /** The bytes. */
  data: Uint8Array;
}

/** The file name of a `Content-Disposition` header: `filename*` (RFC 5987) first, else `filename`. */
export function dispositionFilename(header: string | null): string | undefined {
  if (!header) return undefined;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      return decodeURIComponent(extended[2].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain?.[1];
}

async function failure(response: Response, envelope: EnvelopeCodec): Promise<Error> {
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  const decoded = envelope.decodeError(body, response.status, response.headers);
  return createAPIError({
    status: decoded.status ?? response.status,
    code: decoded.code,
    message: decoded.message,
    details: decoded.details,
    requestId: decoded.requestId ?? response.headers.get("x-request-id") ?? undefined,
    headers: response.headers,
    body,
  });
}

/** Downloads a file through the client's HTTP settings. */
export async function downloadFile(http: HttpClient, fileId: string, signal?: AbortSignal): Promise<DownloadedFile> {
  const url = `${http.options.baseUrl}/files/${encodeURIComponent(fileId)}/download`;
  const send = async () =>
    http.options.fetch(url, { headers: await http.credentials("user"), ...(signal ? { signal } : {}) });
  let response = await send();
  const renew = http.options.auth?.renew;
  if (response.status === 401 && renew && (await renew.call(http.options.auth))) response = await send();
  if (!response.ok) throw await failure(response, http.envelope);
  return {
    filename: dispositionFilename(response.headers.get("content-disposition")) ?? fileId,
    contentType: response.headers.get("content-type") ?? "application/octet-stream",
    data: new Uint8Array(await response.arrayBuffer()),
  };
}
