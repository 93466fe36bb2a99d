/** The packaged template `incident-postmortem-report` (the document's example): its SKILL.md. */
export const incidentPostmortemReport = `---
name: incident-postmortem-report
description: Draft a blameless postmortem from an incident's timeline, impact and follow-ups.
category: Operations
tags: [incident, postmortem, sre]
icon: FileWarning
---

# Incident postmortem report

Write a blameless postmortem for the incident the user describes.

## Inputs

- The incident id and its severity.
- A timeline (detection, escalation, mitigation, resolution) with UTC times.
- The customer impact: who was affected, for how long, and how badly.

## Steps

1. Restate the impact in one paragraph a non-engineer can read.
2. Build the timeline as a table: time, event, who acted.
3. Name the root cause and the contributing factors; describe systems, not people.
4. List what went well, what went badly, and where the team got lucky.
5. Write follow-up actions, each with an owner, a priority and a due date.

## Output

A markdown document with the sections Summary, Impact, Timeline, Root cause, Lessons learned and Action items.
`;
