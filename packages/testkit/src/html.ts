import { parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { createContext, Script } from 'node:vm';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];
type ParentNode = DefaultTreeAdapterMap['parentNode'];

/** An element of a parsed snippet, as parse5 gives it. @public */
export type HtmlElement = Element;

/** A snippet parsed by a spec-compliant HTML parser (parse5), with small readers for tests. @public */
export interface ParsedHtml {
  /** Every element, in document order. */
  readonly all: readonly HtmlElement[];
  /** Every element with this tag name (lower case), in document order. */
  elements(tagName: string): HtmlElement[];
  /** An attribute's value as a browser would read it (entities decoded), or undefined when absent. */
  attribute(element: HtmlElement, name: string): string | undefined;
  /** The element's text content (for `<script>`: its raw code). */
  text(element: HtmlElement): string;
  /**
   * The element structure as a string: tag names, sorted attribute names and comments, nested. Two renders
   * with different data must have the same structure.
   */
  readonly structure: string;
}

function childrenOf(node: Node): Node[] {
  return 'childNodes' in node ? (node as ParentNode).childNodes : [];
}

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterMap['textNode']).value;
  return childrenOf(node).map(textOf).join('');
}

function describeStructure(node: Node): string {
  if (node.nodeName === '#comment') return '<!---->';
  if (!('tagName' in node)) return '';
  const element = node as Element;
  const attributes = element.attrs.map((attribute) => attribute.name).sort().join(' ');
  const children = element.tagName === 'template'
    ? childrenOf((element as DefaultTreeAdapterMap['template']).content)
    : childrenOf(element);
  return `<${element.tagName}${attributes === '' ? '' : ` ${attributes}`}>${children.map(describeStructure).join('')}</${element.tagName}>`;
}

/**
 * Parses snippet HTML as a browser would in a `<body>` (parse5, spec-compliant).
 * @public
 */
export function parseHtml(html: string): ParsedHtml {
  const fragment = parseFragment(html);
  const all: Element[] = [];
  const collect = (node: Node): void => {
    if ('tagName' in node) all.push(node as Element);
    for (const child of childrenOf(node)) collect(child);
  };
  for (const child of fragment.childNodes) collect(child);
  return {
    all,
    elements: (tagName) => all.filter((element) => element.tagName === tagName),
    attribute: (element, name) => element.attrs.find((attribute) => attribute.name === name)?.value,
    text: (element) => textOf(element),
    structure: fragment.childNodes.map(describeStructure).join(''),
  };
}

/**
 * Runs every inline script of a snippet (in document order, skipping `src` scripts and JSON data blocks) in a
 * fresh `node:vm` context whose globals are `globals`, with `window` and `self` pointing at that context.
 * Returns the context, so a test reads what the scripts assigned or called. A script that throws throws here.
 * @public
 */
export function runInlineScripts(html: string, globals: Record<string, unknown> = {}): Record<string, unknown> {
  const context = createContext({ ...globals });
  const sandbox = context as Record<string, unknown>;
  sandbox['window'] ??= sandbox;
  sandbox['self'] ??= sandbox;
  const parsed = parseHtml(html);
  for (const script of parsed.elements('script')) {
    if (parsed.attribute(script, 'src') !== undefined) continue;
    const type = parsed.attribute(script, 'type');
    if (type !== undefined && type !== '' && !/^(text|application)\/javascript$|^module$/i.test(type)) continue;
    new Script(parsed.text(script)).runInContext(context, { timeout: 1000 });
  }
  return sandbox;
}
