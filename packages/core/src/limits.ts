/**
 * Size limits for a canonical visitor context. Every limit is checked before any other work is done
 * on the part it guards, so oversize input fails fast.
 * @public
 */
export interface VisitorContextLimits {
  /** Longest string value, in UTF-16 code units. Default 4,096. */
  readonly maxStringLength: number;
  /** Largest serialized context, in UTF-8 bytes of its JSON text. Default 32,768 (32 KiB). */
  readonly maxTotalBytes: number;
  /** Deepest nesting of objects and arrays (the context itself is depth 1). Default 16. */
  readonly maxDepth: number;
  /** Most entries in `attributes`. Default 200. */
  readonly maxAttributes: number;
}

// Plain numeric literals, not `32 * 1024`: written as products, esbuild (0.27) kept both objects, unused, in every
// browser bundle that imports anything from core (about 100 bytes minified in a 1.5 KB apply bundle).

/** The default {@link VisitorContextLimits}. @public */
export const defaultVisitorContextLimits: VisitorContextLimits = {
  maxStringLength: 4096,
  maxTotalBytes: 32_768,
  maxDepth: 16,
  maxAttributes: 200,
};

/**
 * Limits for untrusted JSON from vendors (webhooks, stored payloads).
 * @public
 */
export interface JsonLimits {
  /** Largest accepted input, in UTF-8 bytes. Default 262,144 (256 KiB). */
  readonly maxBytes: number;
  /** Deepest nesting of objects and arrays. Default 32. */
  readonly maxDepth: number;
}

/** The default {@link JsonLimits}. @public */
export const defaultJsonLimits: JsonLimits = { maxBytes: 262_144, maxDepth: 32 };

/** The attribute key length limit; part of the V1 model, not configurable. @public */
export const maxAttributeKeyLength = 100;
