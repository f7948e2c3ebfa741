import {
  Diagnostics,
  VisitorContextError,
  jsAssign,
  jsCall,
  renderInlineScript,
  renderScriptTag,
  type Result,
  type VisitorContext,
} from '@visitor-context/core';
import * as z from 'zod/mini';
import { GiosgVisitorSubmissionSchema, type GiosgVisitorSubmission } from './giosg-api.js';
import { giosgAdapter } from './giosg-adapter.js';
import { giosgServiceHost, type GiosgRenderOptions, type GiosgToVendorOptions } from './giosg-options.js';

/**
 * giosg's own tag defines `_giosg` as a queue until its script has loaded. The same definition, written so it
 * never replaces a `_giosg` that is already there (the queue, or giosg itself once loaded).
 */
const queueStub = 'var _giosg=_giosg||function(){(_giosg._e=_giosg._e||[]).push(arguments)};';

/**
 * Renders the HTML that submits a ready giosg submission (plain, or signed by `./server`):
 * `_giosg('visitor', 'submit', visitorData, signingAlgorithm, replaceExisting, rooms)`.
 *
 * @remarks
 * One inline script defines giosg's queue if the page's giosg tag has not yet, then queues the call; with
 * `companyId`, giosg's script is loaded too. All data is encoded with core's `toScriptJson`.
 * @public
 */
export function renderGiosgSubmission(submission: GiosgVisitorSubmission, options: GiosgRenderOptions = {}): Result<string> {
  const parsed = z.safeParse(GiosgVisitorSubmissionSchema, submission);
  if (!parsed.success) {
    const diagnostics = new Diagnostics();
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
      diagnostics.error('invalid_type', path, `Not a giosg submission: ${issue.message}. Use the value from toVendor or the signer.`);
    }
    return diagnostics.toFailure();
  }
  const { visitorData, signingAlgorithm, replaceExisting, rooms } = parsed.data;
  const args: unknown[] = ['visitor', 'submit', visitorData, signingAlgorithm, replaceExisting];
  if (rooms !== undefined) args.push(rooms);
  return render(() => jsCall('_giosg', ...args), options);
}

/**
 * Translates a context with the giosg adapter and renders the snippet that submits it (plain, unsigned).
 * For tamper-proof data use `renderSignedGiosgSnippet` from `@visitor-context/giosg/server`.
 * @public
 */
export function renderGiosgSnippet(
  context: VisitorContext,
  options: GiosgRenderOptions & GiosgToVendorOptions = {},
): Result<string> {
  const { nonce, companyId, scriptUrl, ...translateOptions } = options;
  const translated = giosgAdapter.toVendor(context, translateOptions);
  if (!translated.ok) return translated;
  const rendered = renderGiosgSubmission(translated.value, withoutUndefined({ nonce, companyId, scriptUrl }));
  if (!rendered.ok) return { ok: false, diagnostics: [...translated.diagnostics, ...rendered.diagnostics] };
  return { ok: true, value: rendered.value, diagnostics: translated.diagnostics };
}

/** Options of {@link renderGiosgLogoutSnippet}. @public */
export interface GiosgLogoutOptions extends GiosgRenderOptions {
  /** Remove only these keys (`_giosg('visitor', 'remove', key)`); default: everything (`removeAll`). */
  readonly keys?: readonly string[];
}

/**
 * Renders the HTML that removes the visitor's data from giosg when they log out:
 * `_giosg('visitor', 'removeAll')`, or `_giosg('visitor', 'remove', key)` per key.
 * @public
 */
export function renderGiosgLogoutSnippet(options: GiosgLogoutOptions = {}): Result<string> {
  const { keys, ...renderOptions } = options;
  return render(
    () => (keys === undefined ? jsCall('_giosg', 'visitor', 'removeAll') : keys.map((key) => jsCall('_giosg', 'visitor', 'remove', key)).join('')),
    renderOptions,
  );
}

function render(callCode: () => string, options: GiosgRenderOptions): Result<string> {
  const diagnostics = new Diagnostics();
  try {
    const attributes = options.nonce === undefined ? {} : { nonce: options.nonce };
    let code = queueStub;
    let loader = '';
    if (options.companyId !== undefined || options.scriptUrl !== undefined) {
      if (options.companyId !== undefined) {
        // giosg's tag records the company and host on the queue for its script to read.
        code += jsAssign('_giosg._c', options.companyId) + jsAssign('_giosg._h', giosgServiceHost);
      }
      const src = options.scriptUrl ?? `${giosgServiceHost}/live2/${encodeURIComponent(options.companyId as string)}`;
      loader = renderScriptTag(src, { async: true, ...attributes });
    }
    return diagnostics.toResult(renderInlineScript(code + callCode(), attributes) + loader);
  } catch (error) {
    if (!VisitorContextError.isInstance(error)) throw error;
    diagnostics.add(error.diagnostics);
    return diagnostics.toFailure();
  }
}

function withoutUndefined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as never;
}
