// Generated from the contract by scripts/gen-routes.ts: do not edit.
import type { RouteTable } from "../../contract/routes.ts";

export const routes = {
  health: {
    check: {"method":"GET","path":"/health","auth":"none","params":[],"query":[]},
  },
  auth: {
    oauthRedirect: {"method":"GET","path":"/auth/{provider}/redirect","auth":"none","params":["provider"],"query":[]},
    oauthCallback: {"method":"GET","path":"/auth/{provider}/callback","auth":"none","params":["provider"],"query":["code"]},
    login: {"method":"POST","path":"/auth/login","auth":"none","params":[],"query":[]},
    register: {"method":"POST","path":"/auth/register","auth":"none","params":[],"query":[]},
    logout: {"method":"POST","path":"/auth/logout","auth":"user","params":[],"query":[]},
    me: {"method":"GET","path":"/auth/me","auth":"user","params":[],"query":[]},
    listTokens: {"method":"GET","path":"/auth/tokens","auth":"user","params":[],"query":[]},
    createToken: {"method":"POST","path":"/auth/tokens","auth":"user","params":[],"query":[]},
    revokeToken: {"method":"DELETE","path":"/auth/tokens/{id}","auth":"user","params":["id"],"query":[]},
    requestMagicLink: {"method":"POST","path":"/auth/magic-link","auth":"none","params":[],"query":[]},
    verifyMagicLink: {"method":"POST","path":"/auth/magic-link/verify","auth":"none","params":[],"query":[]},
  },
  pairing: {
    initiate: {"method":"POST","path":"/pairing/initiate","auth":"none","params":[],"query":[]},
    status: {"method":"GET","path":"/pairing/{code}","auth":"pairing","params":["code"],"query":[]},
    complete: {"method":"POST","path":"/pairing/{code}/complete","auth":"user","params":["code"],"query":[]},
  },
  machines: {
    list: {"method":"GET","path":"/machines","auth":"user","params":[],"query":["search","status","page","per_page"],"paginated":true},
    register: {"method":"POST","path":"/machines","auth":"user","params":[],"query":[]},
    get: {"method":"GET","path":"/machines/{id}","auth":"agent","params":["id"],"query":[]},
    update: {"method":"PATCH","path":"/machines/{id}","auth":"user","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/machines/{id}","auth":"user","params":["id"],"query":[]},
    regenerateToken: {"method":"POST","path":"/machines/{id}/regenerate-token","auth":"user","params":["id"],"query":[]},
    environment: {"method":"GET","path":"/machines/{id}/environment","auth":"agent","params":["id"],"query":[]},
    wake: {"method":"POST","path":"/machines/{id}/wake","auth":"user","params":["id"],"query":[]},
  },
  projects: {
    list: {"method":"GET","path":"/machines/{machine}/projects","auth":"agent","params":["machine"],"query":[]},
    create: {"method":"POST","path":"/machines/{machine}/projects","auth":"agent","params":["machine"],"query":[]},
    get: {"method":"GET","path":"/projects/{id}","auth":"agent","params":["id"],"query":[]},
    update: {"method":"PATCH","path":"/projects/{id}","auth":"agent","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/projects/{id}","auth":"user","params":["id"],"query":[]},
    stats: {"method":"GET","path":"/projects/{id}/stats","auth":"agent","params":["id"],"query":[]},
    instances: {"method":"GET","path":"/projects/{id}/instances","auth":"agent","params":["id"],"query":[]},
    activity: {"method":"GET","path":"/projects/{id}/activity","auth":"agent","params":["id"],"query":["limit"]},
    broadcast: {"method":"POST","path":"/projects/{id}/broadcast","auth":"agent","params":["id"],"query":[]},
  },
  tasks: {
    list: {"method":"GET","path":"/projects/{project}/tasks","auth":"agent","params":["project"],"query":["status","priority","page","per_page"],"paginated":true},
    create: {"method":"POST","path":"/projects/{project}/tasks","auth":"agent","params":["project"],"query":[]},
    nextAvailable: {"method":"GET","path":"/projects/{project}/tasks/next-available","auth":"agent","params":["project"],"query":[]},
    get: {"method":"GET","path":"/tasks/{id}","auth":"agent","params":["id"],"query":[]},
    update: {"method":"PATCH","path":"/tasks/{id}","auth":"agent","params":["id"],"query":[]},
    remove: {"method":"DELETE","path":"/tasks/{id}","auth":"agent","params":["id"],"query":["instance_id"]},
    claim: {"method":"POST","path":"/tasks/{id}/claim","auth":"agent","params":["id"],"query":[]},
    release: {"method":"POST","path":"/tasks/{id}/release","auth":"agent","params":["id"],"query":[]},
    complete: {"method":"POST","path":"/tasks/{id}/complete","auth":"agent","params":["id"],"query":[]},
  },
} as const satisfies RouteTable;
