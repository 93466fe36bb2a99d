/**
 * @module
 * Sessions as the SDK gives them, whichever server answered. ClaudeNest's own server
 * (`app/Http/Controllers/Api/SessionController.php`, `formatSession`) sends no `status_message`, sends
 * `total_cost` as a decimal string (`decimal:4`), answers `create` with the session itself (its web UI navigates
 * to `data.id`) where §5.2 shows `{session, websocket_token}`, and `attach` with `{ws_token, session_id, ws_url}`.
 */
import { eachOf, type Fields, isFields, numeric, one, orElse } from "./fields.ts";

const RUNNING = ["running", "waiting_input"];
const ENDED = ["completed", "error", "terminated"];

/** A session with every key of the SDK's `Session`. */
export function readSession(session: Fields): Fields {
  const status = session.status as string;
  return {
    ...session,
    status_message: orElse(session.status_message, null),
    total_tokens: numeric(session.total_tokens, 0),
    total_cost: numeric(session.total_cost, 0),
    is_running: orElse(session.is_running, RUNNING.includes(status)),
    is_completed: orElse(session.is_completed, ENDED.includes(status)),
  };
}

/** A new session as `{session, websocket_token}`: the documented answer, or the real server's bare session. */
function readCreated(fields: Fields): Fields {
  if (isFields(fields.session))
    return { session: readSession(fields.session), websocket_token: orElse(fields.websocket_token, null) };
  return { session: readSession(fields), websocket_token: null };
}

/** An attach ticket as `{session, websocket_token}`, from the documented answer or the real `{ws_token, ...}`. */
function readTicket(fields: Fields): Fields {
  return {
    session: isFields(fields.session) ? readSession(fields.session) : null,
    websocket_token: orElse(fields.websocket_token, fields.ws_token),
  };
}

/** The `sessions` endpoints' shapers. */
export const sessionShapers = {
  list: eachOf(readSession),
  create: one(readCreated),
  get: one(readSession),
  remove: one(readSession),
  attachToken: one(readTicket),
  resize: one(readSession),
};
