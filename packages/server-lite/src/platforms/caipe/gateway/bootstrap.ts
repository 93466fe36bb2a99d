/**
 * @module
 * The bootstrap skill: a markdown command for an IDE agent that teaches it to search the catalog and read a
 * skill's SKILL.md through this server, with the token from `CAIPE_TOKEN`. The base URL is the one the request
 * reached, so the text works wherever the server is mounted.
 */

/** What the bootstrap is rendered for. */
export interface BootstrapOptions {
  baseUrl: string;
  agent: "claude" | "cursor";
  commandName: string;
}

/** The bootstrap skill's markdown. */
export function bootstrapMarkdown({ baseUrl, agent, commandName }: BootstrapOptions): string {
  return `---
description: Find and use CAIPE skills from ${baseUrl}
---

# /${commandName}: CAIPE skills

You can use the skills of the CAIPE catalog at ${baseUrl}. The token is in the \`CAIPE_TOKEN\` environment
variable; send it as \`Authorization: Bearer $CAIPE_TOKEN\` and never print it.

## Find a skill

\`\`\`bash
curl -fsS -H "Authorization: Bearer $CAIPE_TOKEN" "${baseUrl}/skills?q=<words>&page=1&page_size=20"
\`\`\`

The answer is \`{"success": true, "data": {"skills": [...], "meta": {...}}}\`. Each skill has an \`id\`, a \`name\`
and a \`description\`. Filter with \`tags=a,b\`, \`source=default|agent_skills|hub\` or \`scan_status=passed\`.

## Use a skill

\`\`\`bash
curl -fsS -H "Authorization: Bearer $CAIPE_TOKEN" "${baseUrl}/skills?q=<name>&include_content=true"
\`\`\`

Follow the \`content\` (its SKILL.md) of the skill whose \`name\` matches. Never run a skill whose \`runnable\` is
\`false\`: the security scan flagged it (\`blocked_reason: "scan_flagged"\`). Tell the user instead.

## Install every skill

\`\`\`bash
curl -fsS "${baseUrl}/skills/install.sh?agent=${agent}&bulk=true" | CAIPE_TOKEN=$CAIPE_TOKEN bash
\`\`\`
`;
}
