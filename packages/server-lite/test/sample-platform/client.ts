/**
 * @module
 * The Notes client, made from its definition alone: an API-key scheme, the envelope, and a route table derived
 * from the contract.
 */
import { apiKeyAuth, type ClientOptions, type ContractClient, definePlatform, sseStreams } from "@agentlane/sdk";
import { routesOf } from "@agentlane/sdk/contract";
import { contract, type NotesContract } from "./contract.ts";
import { notesEnvelope } from "./envelope.ts";

type Methods = ContractClient<NotesContract>;

export interface NotesOptions extends ClientOptions {
  apiKey?: string;
}

export class Notes extends definePlatform<Methods, NotesOptions>({
  envelope: notesEnvelope,
  routes: routesOf(contract),
  streams: sseStreams,
  auth: (options) => (options.apiKey ? apiKeyAuth({ key: options.apiKey, header: "x-api-key" }) : undefined),
}) {}
