/**
 * A recording local HTTP server that stands in for a vendor's REST API in server-push tests. Node only (it uses
 * `node:http`), so it has its own entry: the main entry stays browser-safe.
 *
 * @packageDocumentation
 */
export {
  maxStandInRequestBytes,
  startHttpStandIn,
  type HttpStandIn,
  type RecordedRequest,
  type StandInResponse,
} from './http/start-http-stand-in.js';
export {
  createGenesysApiRoutes,
  genesysErrorResponse,
  type GenesysApiRoutes,
  type GenesysApiRoutesOptions,
  type GenesysStandInConversation,
  type GenesysStandInParticipant,
} from './http/genesys-api-routes.js';
export {
  createGiosgApiRoute,
  giosgApiResponses,
  type GiosgApiRoute,
  type GiosgApiRouteOptions,
  type GiosgStandInVariable,
} from './http/giosg-api-routes.js';
