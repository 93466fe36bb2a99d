import { expect, it } from "vitest";
import { EXPECTED, main, plainText } from "./index.ts";

it("types a command into a live bash session, prints its output and terminates it", async () => {
  const lines: string[] = [];
  const run = await main((line) => lines.push(line));
  expect(run.transcript).toContain(EXPECTED);
  expect(run.exit).toMatchObject({ exitCode: null, session: { status: "terminated" } });
  expect(lines).toContain(`terminal> ${EXPECTED}`);
  expect(lines).toContain("session terminated: Terminated by request");
  expect(lines.at(-1)).toBe("server stopped");
});

it("reads terminal output as plain text", () => {
  expect(plainText("\u001b[?2004hroot@box:~# \u001b[01;32mok\u001b[0m\r\n\u001b]0;title\u0007done")).toBe(
    "root@box:~# ok\ndone",
  );
});
