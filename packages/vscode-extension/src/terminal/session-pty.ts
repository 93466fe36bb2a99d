/**
 * @module
 * A session's live terminal as a VS Code `Pseudoterminal`: output as it is produced (what arrives before the
 * panel opens is kept and written on open), typing goes to the session, resizing the panel resizes the
 * session's PTY, and closing the panel detaches or terminates, as `onClose` decides.
 */
import * as vscode from "vscode";
import type { TerminalStream } from "../backend/types.ts";

export interface SessionPtyOptions {
  /** Called when the user closes the panel while the session still runs. */
  onClose: () => void;
}

export function sessionPty(stream: TerminalStream, options: SessionPtyOptions): vscode.Pseudoterminal {
  const write = new vscode.EventEmitter<string>();
  const close = new vscode.EventEmitter<number | void>();
  let opened = false;
  let ended = false;
  const pending: string[] = [];
  const out = (data: string) => {
    if (opened) write.fire(data);
    else pending.push(data);
  };

  stream.onOutput(out);
  stream.onExit((exitCode) => {
    ended = true;
    out(`\r\n\x1b[2m[session ended${exitCode === null ? "" : ` with exit code ${exitCode}`}]\x1b[0m\r\n`);
  });
  stream.onError((error) => out(`\r\n\x1b[31m[${error.message}]\x1b[0m\r\n`));

  return {
    onDidWrite: write.event,
    onDidClose: close.event,
    open(dimensions) {
      opened = true;
      for (const chunk of pending.splice(0)) write.fire(chunk);
      if (dimensions) stream.resize(dimensions.columns, dimensions.rows);
    },
    handleInput(data) {
      if (!ended) stream.write(data);
    },
    setDimensions(dimensions) {
      stream.resize(dimensions.columns, dimensions.rows);
    },
    close() {
      stream.dispose();
      write.dispose();
      close.dispose();
      if (!ended) options.onClose();
    },
  };
}
