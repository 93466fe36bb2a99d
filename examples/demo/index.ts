/**
 * @module
 * The guided tour behind `npm run demo`: starts server-lite with demo data on 127.0.0.1, then, through the SDK
 * over HTTP, registers a user, pairs an agent's machine, lists machines and shows a typed error.
 *
 * Run it from the repository root: `npm run demo` (or `node examples/demo/index.ts` after `npm run setup`).
 */
import { ClaudeNest, ConflictError, isAPIError } from "@agentlane/sdk";
import { createServer } from "@agentlane/server-lite";

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const server = await createServer({ seed: true, rateLimit: true });
  const url = await server.listen(0, "127.0.0.1");
  const baseUrl = `${url}${server.bases.claudenest}`;
  log(`1. server-lite is listening on ${url} (ClaudeNest API at ${baseUrl})`);

  try {
    const anonymous = new ClaudeNest({ baseUrl });
    const health = await anonymous.health.check();
    log(`2. health: ${health.status}, API version ${health.version}`);

    const alice = await anonymous.auth.register({
      name: "Alice",
      email: `alice-${Date.now()}@example.com`,
      password: "correct horse battery",
      password_confirmation: "correct horse battery",
    });
    log(`3. registered ${alice.user.email}; personal token ${alice.token.slice(0, 8)}…`);
    const nest = new ClaudeNest({ baseUrl, token: alice.token });

    log("4. an agent on dev-box asks to pair; Alice confirms the code it shows");
    let pairedCode = "";
    const agentSide = new ClaudeNest({ baseUrl });
    const paired = await agentSide.pairMachine(
      { platform: process.platform, hostname: "dev-box", node_version: process.versions.node, agent_version: "1.0.0" },
      {
        interval: 100,
        onCode: (code) => {
          pairedCode = code;
          log(`   agent: enter code ${code} in the dashboard`);
          void nest.pairing
            .complete({ code, name: "Dev box" })
            .then(({ machine }) => log(`   Alice: confirmed, machine "${machine.name}" created`));
        },
      },
    );
    log(`   agent: paired as machine ${paired.id}, machine token ${paired.token.slice(0, 8)}…`);

    const agent = new ClaudeNest({ baseUrl, token: paired.token });
    const environment = await agent.machines.environment({ id: paired.id });
    log(`5. the agent reads its own machine with its machine token: ${environment.hostname} (${environment.platform})`);

    log("6. Alice lists her machines:");
    for await (const machine of nest.machines.list({ per_page: 10 })) {
      log(`   - ${machine.name.padEnd(12)} ${machine.status.padEnd(8)} ${machine.hostname}`);
    }

    log("7. completing the same code twice is a typed error:");
    try {
      await nest.pairing.complete({ code: pairedCode });
    } catch (error) {
      if (!isAPIError(error)) throw error;
      log(
        `   ${error.name} (instanceof ConflictError: ${error instanceof ConflictError}), status ${error.status}, code ${error.code}`,
      );
      log(`   message: ${error.message}`);
      log(`   request id ${error.requestId}`);
    }
  } finally {
    await server.close();
    log("8. server stopped");
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
