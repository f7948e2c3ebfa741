/**
 * The visitor-context adapter conformance suite (for vitest) and the test helpers it is built from.
 * Vendor widget stand-ins for browsers are in `@visitor-context/testkit/stand-ins`.
 *
 * @packageDocumentation
 */
export {
  describeAdapterConformance,
  type ConformanceOptions,
  type SnippetCase,
} from './describe-adapter-conformance.js';
export { visitorContextArbitrary } from './context-arbitrary.js';
export { parseHtml, runInlineScripts, type HtmlElement, type ParsedHtml } from './html.js';
export { expectReadmeMapping } from './readme-mapping.js';
export { xssCorpus } from './xss-corpus.js';
export { hostileOptionsArbitrary, hostileValueArbitrary, hostileValues, type HostileValue } from './hostile-values.js';
export { isResult, settlesWithin, withRuntimeDefaults } from './never-throws-harness.js';
export { reachableImports } from './reachable-imports.js';
