/**
 * @module
 * Turns what the user gave (a token, an API key, or a login and password) into the headers every read sends.
 * A login is the one write the read-only mode sends; the token it returns is added to the secrets a report hides.
 */
import { readAnswer } from "./answer.ts";
import type { CheckCredentials, CheckProfile } from "./profile.ts";
import type { Redactor } from "./redact.ts";
import type { ProbeTransport } from "./transport.ts";

/** Why the check cannot start with the credentials given; the message says what to pass instead. */
export class CredentialsError extends Error {
  override name = "CredentialsError";
}

/** The headers credentials are sent as, and a note on how they were obtained. */
export interface Authenticated {
  headers: Record<string, string>;
  /** `undefined` when no credentials were given: reads that need them are skipped. */
  via: "token" | "api key" | "login" | undefined;
  /** The token or API key itself, for connections that carry it elsewhere than in headers (a WebSocket URL). */
  credential?: string | undefined;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The headers for the given credentials, logging in first when a login and password are given. */
export async function authenticate(
  profile: CheckProfile,
  credentials: CheckCredentials,
  transport: ProbeTransport,
  redact: Redactor,
): Promise<Authenticated> {
  redact.add(credentials.token, credentials.apiKey, credentials.password);
  if (credentials.token)
    return {
      headers: (profile.auth.token ?? bearer)(credentials.token),
      via: "token",
      credential: credentials.token,
    };
  if (credentials.apiKey) {
    if (!profile.auth.apiKey) throw new CredentialsError(`${profile.title} takes no API key: pass a token or a login`);
    return { headers: profile.auth.apiKey(credentials.apiKey), via: "api key", credential: credentials.apiKey };
  }
  if (credentials.login === undefined && credentials.password === undefined) return { headers: {}, via: undefined };
  const login = profile.auth.login;
  if (!login) throw new CredentialsError(`${profile.title} has no password login: pass a token`);
  if (!credentials.login || !credentials.password)
    throw new CredentialsError("a login needs both a login name and a password");
  const [resource, name] = login.endpoint.split(".") as [string, string];
  const spec = profile.contract[resource]?.[name]?.spec;
  if (spec?.method !== "POST")
    throw new CredentialsError(`the ${profile.title} profile names ${login.endpoint}, which is not a documented POST`);
  const answer = await transport.send({
    method: "POST",
    path: spec.path,
    body: login.body(credentials.login, credentials.password),
    login: true,
  });
  const read = readAnswer(profile, answer);
  if (!read.ok)
    throw new CredentialsError(
      `the login was refused (${read.status}${read.error.code ? ` ${read.error.code}` : ""}): ${redact.text(read.error.message)}`,
    );
  const token = login.token(read.data);
  if (!token)
    throw new CredentialsError(`the login answer of ${spec.path} carries no token where the contract puts it`);
  redact.add(token);
  return { headers: (profile.auth.token ?? bearer)(token), via: "login", credential: token };
}
