/** The packaged template `code-review-checklist`: its SKILL.md. */
export const codeReviewChecklist = `---
name: code-review-checklist
description: Review a pull request against a checklist of correctness, tests, security and readability.
category: Development
tags: [code-review, quality, pull-request]
icon: GitPullRequest
---

# Code review checklist

Review the pull request the user points at.

## Checklist

- Correctness: does the change do what its description says, including edge cases and error paths?
- Tests: is every new behaviour covered, and would each test fail if the behaviour broke?
- Security: are inputs validated, secrets kept out of the code, and permissions checked?
- Readability: are names clear and comments about why, not what?
- Operations: are logs, metrics and migrations in place, and is the change safe to roll back?

## Output

One comment per finding, with the file and line, what is wrong, and a suggested fix. End with a verdict:
approve, approve with nits, or request changes.
`;
