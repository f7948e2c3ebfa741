/**
 * Server-only Genesys Cloud delivery: write a visitor's context to a conversation participant's attributes through
 * the Platform API, with an OAuth client-credentials client. The client secret never leaves the server; nothing here
 * belongs in a page.
 *
 * @packageDocumentation
 */
export { createGenesysServerClient, type GenesysServerClient } from './genesys-server-client.js';
export { GenesysServerClientOptionsSchema, type GenesysServerClientOptions } from './genesys-server-options.js';
export {
  GenesysPushOptionsSchema,
  pushGenesysParticipantAttributes,
  type GenesysPushOptions,
  type GenesysPushReceipt,
  type GenesysPushTarget,
} from './push-genesys-participant-attributes.js';
export { genesysRegionDomains, type GenesysRegion, type GenesysRegionDomain, type GenesysRegionName } from './genesys-regions.js';
