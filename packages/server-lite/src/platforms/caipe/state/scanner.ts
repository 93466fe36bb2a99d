/**
 * @module
 * The static scan of a skill's content: no model, only checks a reviewer would want to be told about. Each rule
 * is a pattern over one line; any finding flags the skill. Empty content is `unscanned` (nothing to judge).
 */
import type { ScanFinding, ScanStatus } from "@agentlane/sdk/caipe/contract";

interface Rule {
  rule: string;
  severity: ScanFinding["severity"];
  pattern: RegExp;
  message: string;
}

const RULES: readonly Rule[] = [
  {
    rule: "remote-script-pipe",
    severity: "high",
    // curl/wget output piped into a shell or interpreter: runs code the reviewer never saw.
    pattern:
      /\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+)?(?:ba|z|k|da)?sh\b|\b(?:curl|wget)\b[^|\n]*\|\s*(?:sudo\s+)?(?:python3?|node|perl|ruby)\b/i,
    message: "A remote script is piped into a shell",
  },
  {
    rule: "remote-script-pipe",
    severity: "high",
    pattern: /\b(?:ba|z)?sh\s+(?:-c\s+)?["']?\$\(\s*(?:curl|wget)\b|\b(?:ba|z)?sh\s+<\(\s*(?:curl|wget)\b/i,
    message: "A remote script is run by a shell",
  },
  {
    rule: "cloud-secret",
    severity: "high",
    pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/,
    message: "An AWS access key id",
  },
  {
    rule: "cloud-secret",
    severity: "high",
    pattern: /aws_secret_access_key\s*[=:]\s*["']?[A-Za-z0-9/+=]{40}\b/i,
    message: "An AWS secret access key",
  },
  {
    rule: "cloud-secret",
    severity: "high",
    pattern: /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}\b/,
    message: "A GitHub token",
  },
  {
    rule: "cloud-secret",
    severity: "high",
    pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/,
    message: "A Slack token",
  },
  {
    rule: "cloud-secret",
    severity: "high",
    pattern: /\bAIza[0-9A-Za-z_-]{35}\b/,
    message: "A Google API key",
  },
  {
    rule: "private-key",
    severity: "high",
    pattern: /-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP )?PRIVATE KEY( BLOCK)?-----/,
    message: "A private key",
  },
  {
    rule: "prompt-injection",
    severity: "medium",
    pattern:
      /\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier)\s+(?:instructions|prompts|rules|messages)\b/i,
    message: "Text that tells the model to ignore its instructions",
  },
  {
    rule: "prompt-injection",
    severity: "medium",
    pattern: /\b(?:disregard|ignore|reveal|print)\s+(?:your|the)\s+system\s+prompt\b/i,
    message: "Text aimed at the system prompt",
  },
  {
    rule: "prompt-injection",
    severity: "medium",
    pattern: /<\|im_start\|>|\[\/?INST\]|<\/?system>/i,
    message: "Chat-template control tokens",
  },
];

/** What a scan concluded. */
export interface Verdict {
  scan_status: ScanStatus;
  scan_summary: string;
  findings: ScanFinding[];
}

/** Scans a skill's content (SKILL.md and any other text of it). */
export function scanContent(content: string | null | undefined): Verdict {
  if (!content?.trim()) return { scan_status: "unscanned", scan_summary: "No content to scan", findings: [] };
  const findings: ScanFinding[] = [];
  const lines = content.split(/\r?\n/);
  lines.forEach((line, index) => {
    for (const rule of RULES) {
      if (rule.pattern.test(line))
        findings.push({ rule: rule.rule, severity: rule.severity, line: index + 1, message: rule.message });
    }
  });
  if (findings.length === 0) return { scan_status: "passed", scan_summary: "No findings", findings };
  const summary = findings.map((f) => `line ${f.line}: ${f.message} (${f.rule})`).join("; ");
  return { scan_status: "flagged", scan_summary: summary.slice(0, 2000), findings };
}
