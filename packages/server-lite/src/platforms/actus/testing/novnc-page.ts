/**
 * @module
 * The real noVNC client (`@novnc/novnc`, what Actus's web UI embeds) in a jsdom page, so that a test can connect
 * it to server-lite's VNC WebSocket without a browser. jsdom has no canvas drawing, so every canvas gets a 2D
 * context that keeps its pixels: the few calls noVNC's display makes (`putImageData`, `getImageData`,
 * `fillRect`, `drawImage` between canvases) copy RGBA bytes, which the test then reads back as what the user
 * would see. noVNC's modules read `window`, `document` and `navigator` when they load, so the page is installed
 * before they are imported.
 */

import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import type RFB from "@novnc/novnc";
import { JSDOM } from "jsdom";

/** What noVNC draws: a canvas's pixels, RGBA, row by row. */
class PixelContext {
  readonly canvas: { width: number; height: number };
  fillStyle = "rgb(0,0,0)";
  imageSmoothingEnabled = false;
  #pixels = new Uint8ClampedArray(0);

  constructor(canvas: { width: number; height: number }) {
    this.canvas = canvas;
  }

  /** The pixels at the canvas's current size (a canvas resized is cleared, as a browser does). */
  get pixels(): Uint8ClampedArray {
    const size = this.canvas.width * this.canvas.height * 4;
    if (this.#pixels.length !== size) this.#pixels = new Uint8ClampedArray(size);
    return this.#pixels;
  }

  putImageData(image: ImageDataLike, x: number, y: number): void {
    this.#copy(image.data, image.width, 0, 0, image.width, image.height, x, y);
  }

  getImageData(x: number, y: number, width: number, height: number): ImageDataLike {
    const out = new ImageDataLike(new Uint8ClampedArray(width * height * 4), width, height);
    const own = this.pixels;
    for (let row = 0; row < height; row++) {
      const from = ((y + row) * this.canvas.width + x) * 4;
      out.data.set(own.subarray(from, from + width * 4), row * width * 4);
    }
    return out;
  }

  fillRect(x: number, y: number, width: number, height: number): void {
    const [r, g, b] = (/rgb\((\d+),\s*(\d+),\s*(\d+)\)/.exec(this.fillStyle) ?? [0, 0, 0, 0]).slice(1).map(Number);
    const own = this.pixels;
    for (let row = y; row < y + height; row++)
      for (let col = x; col < x + width; col++) own.set([r!, g!, b!, 255], (row * this.canvas.width + col) * 4);
  }

  /** `drawImage(canvas, dx, dy)` or `drawImage(canvas, sx, sy, sw, sh, dx, dy, dw, dh)`, without scaling. */
  drawImage(source: { width: number; height: number; getContext(kind: "2d"): PixelContext }, ...args: number[]) {
    const [sx, sy, sw, sh, dx, dy, dw, dh] =
      args.length === 2 ? [0, 0, source.width, source.height, args[0]!, args[1]!, source.width, source.height] : args;
    if (dw !== sw || dh !== sh) throw new Error("the page's canvas does not scale images");
    const from = source.getContext("2d");
    const copy = from === this ? this.pixels.slice() : from.pixels;
    this.#copy(copy, source.width, sx!, sy!, sw!, sh!, dx!, dy!);
  }

  #copy(data: Uint8ClampedArray, stride: number, sx: number, sy: number, w: number, h: number, x: number, y: number) {
    const own = this.pixels;
    for (let row = 0; row < h; row++) {
      const from = ((sy + row) * stride + sx) * 4;
      own.set(data.subarray(from, from + w * 4), ((y + row) * this.canvas.width + x) * 4);
    }
  }
}

/** The browser's `ImageData`: bytes and a size. */
class ImageDataLike {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;

  constructor(data: Uint8ClampedArray, width: number, height: number) {
    this.data = data;
    this.width = width;
    this.height = height;
  }
}

export interface NoVncPage {
  /**
   * Connects noVNC to `url` in a new container on the page, as Actus's web UI does (`ui/src/components/vnc-viewer.tsx`:
   * empty credentials, the viewport scaled to the container, the session resized to it, a black background).
   */
  connect(url: string): { rfb: RFB; screen(): Uint8ClampedArray | undefined };
  close(): void;
}

/** Installs the page (once per test file: its globals stay) and loads noVNC into it. */
export async function openNoVncPage(): Promise<NoVncPage> {
  const dom = new JSDOM("<!doctype html><html><body></body></html>", {
    url: "http://localhost/",
    pretendToBeVisual: true,
  });
  const { window } = dom;
  // A page on localhost is a secure context in a browser; jsdom says no, and noVNC would warn of crashes.
  Object.defineProperty(window, "isSecureContext", { value: true });
  window.HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement & { pixelContext?: PixelContext }) {
    this.pixelContext ??= new PixelContext(this);
    return this.pixelContext;
  } as never;
  class ResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  const page: Record<string, unknown> = {
    window,
    document: window.document,
    navigator: window.navigator,
    ImageData: ImageDataLike,
    ResizeObserver,
  };
  // The DOM classes and functions noVNC names bare, where Node has no such global of its own.
  for (const name of ["MutationObserver", "Element", "HTMLElement", "HTMLCanvasElement", "KeyboardEvent", "MouseEvent"])
    if (!(name in globalThis)) page[name] = window[name as keyof typeof window];
  for (const name of ["requestAnimationFrame", "cancelAnimationFrame", "getComputedStyle"] as const)
    if (!(name in globalThis)) page[name] = window[name].bind(window);
  for (const [name, value] of Object.entries(page))
    Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
  const { default: RFB } = await import("@novnc/novnc");
  // noVNC logs to the console (a refused connection as an error); a test reads its events instead. Its logging
  // module is not among the package's exports, so it is imported by its path beside the entry.
  const entry = createRequire(import.meta.url).resolve("@novnc/novnc");
  const logging = (await import(pathToFileURL(join(dirname(entry), "util/logging.js")).href)) as {
    initLogging(level: "none"): void;
  };
  logging.initLogging("none");
  return {
    connect(url) {
      const target = window.document.createElement("div");
      window.document.body.appendChild(target);
      const rfb = new RFB(target, url, { credentials: { password: "", username: "", target: "" } });
      rfb.viewOnly = false;
      rfb.scaleViewport = true;
      rfb.resizeSession = true;
      rfb.background = "#000";
      const screen = () =>
        (target.querySelector("canvas") as unknown as { pixelContext?: PixelContext } | null)?.pixelContext?.pixels;
      return { rfb, screen };
    },
    close: () => window.close(),
  };
}
