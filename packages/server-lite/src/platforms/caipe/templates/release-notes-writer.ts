/** The packaged template `release-notes-writer`: its SKILL.md. */
export const releaseNotesWriter = `---
name: release-notes-writer
description: Turn merged pull requests into release notes grouped by features, fixes and breaking changes.
category: Documentation
tags: [release, changelog, documentation]
icon: Megaphone
---

# Release notes writer

Write the release notes of a version from the pull requests merged since the previous tag.

## Steps

1. Group the pull requests: breaking changes, features, fixes, internal changes.
2. Write one line per user-visible change, in the user's words, linking its pull request.
3. For each breaking change, say what to change and show the before and after.
4. Leave internal changes out unless they change how the product is operated.

## Output

A markdown section headed with the version and the date.
`;
