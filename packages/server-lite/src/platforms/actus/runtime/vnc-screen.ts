/**
 * @module
 * A session's screen for VNC: its terminal (every shell command with its prompt and output), rendered as text in
 * a pixel font (`js-pixel-fonts`' "Seven plus", 5×7 glyphs with descenders) into an RGB framebuffer. The newest
 * lines stay at the bottom, as on a terminal.
 */
import { createRequire } from "node:module";
import type PixelFonts from "js-pixel-fonts";
import type { ActusServices } from "../state/services.ts";

export const SCREEN_WIDTH = 640;
export const SCREEN_HEIGHT = 400;
const CELL_WIDTH = 6;
const CELL_HEIGHT = 10;
const MARGIN = 2;
export const COLUMNS = Math.floor((SCREEN_WIDTH - 2 * MARGIN) / CELL_WIDTH);
export const ROWS = Math.floor((SCREEN_HEIGHT - 2 * MARGIN) / CELL_HEIGHT);

/** Text and background colours, RGB. */
export const FOREGROUND: readonly [number, number, number] = [0xd0, 0xd0, 0xd0];
export const BACKGROUND: readonly [number, number, number] = [0x10, 0x14, 0x18];

const requireModule = createRequire(import.meta.url);
let sevenPlus: (typeof PixelFonts)["fonts"]["sevenPlus"] | undefined;

/** The font, loaded with the first screen drawn (it brings a PNG decoder a server without VNC clients never needs). */
function font(): (typeof PixelFonts)["fonts"]["sevenPlus"] {
  sevenPlus ??= (requireModule("js-pixel-fonts") as typeof PixelFonts).fonts.sevenPlus;
  return sevenPlus;
}

/** The terminal's text lines: prompt and command, then the output, for each shell command of the session. */
export function terminalLines(services: ActusServices, sessionId: string): string[] {
  const rows = services.db.all<{ command: string; output: string }>(
    "SELECT command, output FROM act_shell WHERE session_id = ? ORDER BY shell_id, seq",
    sessionId,
  );
  const lines = [`Actus sandbox ${sessionId}`, ""];
  for (const row of rows) {
    lines.push(`ubuntu@sandbox:~ $ ${row.command}`);
    lines.push(...row.output.replace(/\n$/, "").split("\n"));
  }
  lines.push("ubuntu@sandbox:~ $ ");
  // Wrapped at the screen's width; the last rows are what the screen shows.
  const wrapped = lines.flatMap((line) => {
    const parts: string[] = [];
    for (let i = 0; i < Math.max(1, line.length); i += COLUMNS) parts.push(line.slice(i, i + COLUMNS));
    return parts;
  });
  return wrapped.slice(-ROWS);
}

/** Renders lines into an RGB framebuffer (3 bytes a pixel, rows top to bottom). */
export function renderScreen(lines: readonly string[]): Uint8Array {
  const pixels = new Uint8Array(SCREEN_WIDTH * SCREEN_HEIGHT * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set(BACKGROUND, i);
  const { glyphs } = font();
  lines.forEach((line, row) => {
    [...line].forEach((ch, column) => {
      const glyph = glyphs[ch] ?? (ch === " " ? undefined : glyphs["?"]);
      if (!glyph) return;
      const left = MARGIN + column * CELL_WIDTH;
      const top = MARGIN + row * CELL_HEIGHT;
      glyph.pixels.forEach((bits, y) => {
        bits.forEach((bit, x) => {
          if (bit !== 1) return;
          const py = top + glyph.offset + y;
          const px = left + x;
          if (py < SCREEN_HEIGHT && px < SCREEN_WIDTH) pixels.set(FOREGROUND, (py * SCREEN_WIDTH + px) * 3);
        });
      });
    });
  });
  return pixels;
}
