#!/usr/bin/env node
/**
 * @module
 * The `agentlane` command of `@agentlane/sdk`. One subcommand today: `agentlane check`, which tells where a
 * server departs from the contract the SDK was built for.
 */
import { checkUsage, runCheckCommand } from "../check/command.ts";

const usage = `Usage: agentlane <command> [options]

Commands:
  check    does my server still match the contract? (agentlane check --help)
`;

const [command, ...rest] = process.argv.slice(2);
const io = {
  stdout: (text: string) => process.stdout.write(text),
  stderr: (text: string) => process.stderr.write(text),
  env: process.env,
};
if (command === "check") {
  runCheckCommand(rest, io).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`agentlane check: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
} else if (command === undefined || command === "--help" || command === "-h" || command === "help") {
  process.stdout.write(`${usage}\n${checkUsage}`);
} else {
  process.stderr.write(`agentlane: unknown command "${command}"\n\n${usage}`);
  process.exitCode = 2;
}
