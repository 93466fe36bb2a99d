/** The packaged template `kubernetes-troubleshooting`: its SKILL.md. */
export const kubernetesTroubleshooting = `---
name: kubernetes-troubleshooting
description: Diagnose a failing Kubernetes workload from its pods, events and logs.
category: Operations
tags: [kubernetes, debugging, platform]
icon: Container
---

# Kubernetes troubleshooting

Find out why a workload is not healthy.

## Steps

1. List the workload's pods and their phases: \`kubectl get pods -n <namespace> -l <selector> -o wide\`.
2. For a pod that is not ready, read its events: \`kubectl describe pod <pod> -n <namespace>\`.
3. Read the logs of the failing container, and of its previous run after a restart:
   \`kubectl logs <pod> -c <container> --previous\`.
4. Check what the pod needs: image pull secrets, config maps, secrets, volumes, resource requests.
5. Check the node: pressure conditions, taints, and whether the scheduler could place the pod.

## Output

The most likely cause, the evidence for it, and the command or change that fixes it.
`;
