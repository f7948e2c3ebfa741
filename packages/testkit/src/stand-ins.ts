/**
 * Stand-ins of each vendor's widget global, for tests in a real browser and for offline demos. Each one
 * implements the vendor's documented API (quirks included) and records exactly what the vendor received.
 *
 * @packageDocumentation
 */
export { mountSnippet, type MountSnippetOptions, type ScriptLoader } from './stand-ins/mount-snippet.js';
export { installImichatStandIn, type ImichatStandIn, type ImichatStandInCall, type ImichatStandInMessage, type ImichatStandInOptions } from './stand-ins/wxcc.js';
export { installGenesysStandIn, installGenesysWebChatStandIn, installGenesysWidgetsStandIn, type GenesysStandIn, type GenesysStandInCall, type GenesysStandInMessage, type GenesysStandInOptions, type GenesysWebChatStandIn, type GenesysWebChatStandInOptions, type GenesysWidgetsStandIn, type GenesysWidgetsStandInCall, type GenesysWidgetsStandInOptions } from './stand-ins/genesys.js';
export { installImsupportingStandIn, type ImsupportingStandIn, type ImsupportingStandInDiscardReason, type ImsupportingStandInOptions, type ImsupportingStandInSession } from './stand-ins/imsupporting.js';
export { installGiosgStandIn, type GiosgStandIn, type GiosgStandInCall, type GiosgStandInOptions, type GiosgStandInVisitor } from './stand-ins/giosg.js';
export { installComm100StandIn, type Comm100StandIn, type Comm100StandInCall, type Comm100StandInOptions, type Comm100StandInPrechatField, type Comm100StandInView } from './stand-ins/comm100.js';
