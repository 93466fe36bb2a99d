/** The part of noVNC's `RFB` (`@novnc/novnc`, which ships no types) that the tests drive. */
declare module "@novnc/novnc" {
  export default class RFB extends EventTarget {
    constructor(
      target: Element,
      urlOrChannel: string | WebSocket,
      options?: { credentials?: { username?: string; password?: string; target?: string } },
    );
    viewOnly: boolean;
    scaleViewport: boolean;
    resizeSession: boolean;
    background: string;
    disconnect(): void;
  }
}
