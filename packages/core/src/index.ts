/**
 * The canonical visitor-context model, its validation, the adapter contract, diagnostics, and the safe
 * encoders and decoders every adapter uses. Runs in browsers, edge runtimes and Node (no `Buffer`, no `node:`).
 *
 * @packageDocumentation
 */
export {
  Diagnostics,
  VisitorContextError,
  formatPath,
  unwrap,
  type CoreDiagnosticCode,
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticPath,
  type DiagnosticSeverity,
  type Failure,
  type PathSegment,
  type Result,
  type Success,
} from './diagnostics.js';
export {
  defaultJsonLimits,
  defaultVisitorContextLimits,
  maxAttributeKeyLength,
  type JsonLimits,
  type VisitorContextLimits,
} from './limits.js';
export type { JsonObject, JsonValue } from './plain-data.js';
export { isJsonObject, ownJsonValue, setOwnJsonValue, withJsonEntry } from './json-object.js';
export {
  VisitorContextSchema,
  visitorContextFieldNames,
  visitorContextFields,
  type VisitorContext,
  type VisitorContextFieldName,
  type VisitorContextInput,
  type VisitorContextSection,
} from './visitor-context-schema.js';
export {
  parseVisitorContext,
  parseVisitorContextOrThrow,
  type ParseVisitorContextOptions,
} from './parse-visitor-context.js';
export {
  listContextFields,
  readContextField,
  writeContextField,
  type ContextField,
  type MutableVisitorContext,
} from './context-fields.js';
export {
  checkJsonValue,
  decodeBase64Text,
  encodeBase64Text,
  parseBase64Json,
  parseJson,
  parseNestedJson,
  type Base64Alphabet,
} from './decode-json.js';
export {
  checkScriptUrl,
  escapeHtml,
  inlineScriptTemplate,
  jsAssign,
  jsCall,
  renderAttributes,
  renderElement,
  renderInlineScript,
  renderJsonScript,
  renderScriptTag,
  toAttributeJson,
  toJsonText,
  toScriptJson,
  type HtmlAttributes,
  type InlineScriptTemplate,
  type ScriptUrlRules,
} from './encode-html.js';
export {
  defineAdapter,
  parseAdapterOptions,
  parseAdapterOptionsOrThrow,
  reportUnrecognizedPayload,
  type AdapterCapabilities,
  type AdapterDefinition,
  type AdapterDirection,
  type AdapterFieldCapability,
  type AdapterLimits,
  type AdapterSpecVersion,
  type VisitorContextAdapter,
} from './adapter.js';
export {
  createContextTranslator,
  type ContextTranslation,
  type TranslateOptions,
} from './context-translator.js';
export { closestName } from './closest-name.js';
export { renderCapabilitiesMarkdown } from './capabilities-markdown.js';
export { waitFor, type WaitForOptions } from './wait-for.js';
export { describeError, neverReject, neverThrow, type NeverThrowOptions } from './never-throw.js';
export {
  definedOptions,
  mergeOptionDefaults,
  withOptionDefaults,
  type AdapterOptionDefaults,
  type OptionDefaults,
} from './option-defaults.js';
export { translateForRendering } from './built-payload.js';
export {
  defineSnippetRenderer,
  type DefinedSnippetRenderer,
  type SnippetRenderOptions,
  type SnippetRenderer,
  type SnippetRendererDefinition,
  type SnippetSettings,
} from './snippet-renderer.js';
