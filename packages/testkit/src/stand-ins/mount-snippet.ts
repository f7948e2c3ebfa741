/**
 * Called in place of loading a vendor script: receives the `<script>` element that would have loaded it,
 * so a stand-in can read its attributes as the vendor's loader does.
 * @public
 */
export type ScriptLoader = (script: HTMLScriptElement) => void;

/** Options of {@link mountSnippet}. @public */
export interface MountSnippetOptions {
  /** Stand-ins by script URL: a `<script src>` whose URL is listed here runs the loader instead of loading. */
  readonly scripts?: Readonly<Record<string, ScriptLoader>>;
  /** Where to mount; default `document.body`. */
  readonly into?: Element;
}

/**
 * Mounts server-rendered snippet HTML in the current page as a browser would run it: elements in order,
 * inline scripts executed, vendor scripts replaced by stand-ins. Unknown external scripts are an error, so a
 * test never silently reaches a real vendor CDN.
 * @public
 */
export function mountSnippet(html: string, options: MountSnippetOptions = {}): Element[] {
  const into = options.into ?? document.body;
  const template = document.createElement('template');
  template.innerHTML = html;
  const mounted: Element[] = [];
  for (const node of Array.from(template.content.childNodes)) {
    if (!(node instanceof Element)) continue;
    if (node.tagName !== 'SCRIPT') {
      into.appendChild(node);
      mounted.push(node);
      continue;
    }
    const original = node as HTMLScriptElement;
    // A script created by the parser of innerHTML never runs; a fresh element does.
    const script = document.createElement('script');
    for (const attribute of Array.from(original.attributes)) {
      if (attribute.name !== 'src') script.setAttribute(attribute.name, attribute.value);
    }
    const src = original.getAttribute('src');
    if (src === null) {
      script.textContent = original.textContent;
      into.appendChild(script);
    } else {
      const loader = options.scripts?.[src];
      if (loader === undefined) throw new Error(`mountSnippet: no stand-in registered for script ${src}`);
      script.dataset['standInFor'] = src;
      into.appendChild(script);
      loader(script);
    }
    mounted.push(script);
  }
  return mounted;
}
