/**
 * @module
 * What the status bar says about the connection: connected (the profile), connecting, reconnecting with the
 * attempt number, or offline (with the reason, when the connection was refused).
 */
import type { LiveStatus } from "../backend/types.ts";

export function statusText(status: LiveStatus, profile: string | undefined): { text: string; tooltip: string } {
  switch (status.state) {
    case "connected":
      return { text: `$(plug) ${profile}`, tooltip: `Agentlane: connected to ${profile}` };
    case "connecting":
      return { text: `$(sync~spin) ${profile}`, tooltip: `Agentlane: connecting to ${profile}` };
    case "reconnecting":
      return {
        text: `$(sync~spin) ${profile} (attempt ${status.attempt})`,
        tooltip: `Agentlane: the live connection to ${profile} dropped; reconnecting, attempt ${status.attempt}`,
      };
    case "offline":
      return {
        text: "$(debug-disconnect) Agentlane",
        tooltip: status.reason ? `Agentlane: offline (${status.reason})` : "Agentlane: offline; click to connect",
      };
  }
}
