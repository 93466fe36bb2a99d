/**
 * @module
 * The session of the demo agent (`demo-agent.ts`): a tiny line REPL in a terminal's manners, so a demo session
 * answers without running anything on the host. Typed characters are echoed as a terminal echoes them (Enter as a
 * new line, Backspace erasing); a finished line is answered: `help` lists the commands, `echo <text>` prints the
 * text, `exit` ends the session, and any other line is echoed back as it was typed.
 */

/** The prompt written before each line. */
export const DEMO_PROMPT = "demo$ ";

const BANNER = "server-lite demo agent: this session runs nothing on the host. Type help.\r\n";
const HELP = "help          this list\r\necho <text>   print the text\r\nexit          end the session\r\n";

/** One demo session: what is typed goes in through `type`, what it shows comes out through `write`. */
export class DemoRepl {
  readonly #write: (data: string) => void;
  readonly #exit: () => void;
  #line = "";
  #ended = false;
  /** Whether the last character was `\r`: a `\n` right after it ends no second line (CRLF). */
  #afterCarriageReturn = false;

  /**
   * @param write shows terminal output
   * @param exit called once, when the session ends (`exit`)
   */
  constructor(write: (data: string) => void, exit: () => void) {
    this.#write = write;
    this.#exit = exit;
  }

  /** Shows the banner and the prompt; an initial prompt is taken as a first line typed. */
  start(initialPrompt: string | null): void {
    this.#write(BANNER + DEMO_PROMPT);
    if (initialPrompt) this.type(`${initialPrompt}\r`);
  }

  /** Takes typed input, as a terminal sends it (`\r`, `\n` or both end a line, DEL or BS erases). */
  type(data: string): void {
    let echo = "";
    for (const char of data) {
      if (this.#ended) break;
      const crlf = char === "\n" && this.#afterCarriageReturn;
      this.#afterCarriageReturn = char === "\r";
      if (crlf) continue;
      if (char === "\r" || char === "\n") {
        this.#write(`${echo}\r\n`);
        echo = "";
        this.#answer(this.#line);
        this.#line = "";
      } else if (char === "\x7f" || char === "\b") {
        if (this.#line.length === 0) continue;
        this.#line = this.#line.slice(0, -1);
        echo += "\b \b";
      } else if (char >= " ") {
        this.#line += char;
        echo += char;
      }
    }
    if (echo) this.#write(echo);
  }

  #answer(line: string): void {
    const [command = "", ...rest] = line.trim().split(/\s+/);
    if (command === "exit") {
      this.#ended = true;
      this.#exit();
      return;
    }
    const answer =
      command === "" ? "" : command === "help" ? HELP : command === "echo" ? `${rest.join(" ")}\r\n` : `${line}\r\n`;
    this.#write(answer + DEMO_PROMPT);
  }
}
