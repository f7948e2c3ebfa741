/** How serious a diagnostic is: an `error` stops the operation, a `warning` reports a loss or a change. @public */
export type DiagnosticSeverity = 'error' | 'warning';

/** One step of a {@link DiagnosticPath}: an object key or an array index. @public */
export type PathSegment = string | number;

/** Where a diagnostic points, from the root of the value that was checked, e.g. `['visitor', 'email']`. @public */
export type DiagnosticPath = readonly PathSegment[];

/**
 * The diagnostic codes that core itself emits. They are stable: match on them, never on messages.
 *
 * @remarks
 * Errors: `not_an_object`, `unknown_key`, `invalid_type`, `invalid_key`, `forbidden_key`, `nested_value`,
 * `non_finite_number`, `invalid_email`, `string_too_long`, `too_large`, `too_deep`, `not_plain_data`,
 * `invalid_json`, `invalid_base64`, `invalid_option`, `invalid_html_input`, `adapter_failed`.
 * Warnings (translation losses): `field_dropped`, `value_truncated`, `value_coerced`, `field_renamed`,
 * `value_guessed`, `unrecognized_payload` (an adapter's `fromVendor` found none of the payload shapes it reads:
 * everything went to the vendor bag; the message lists the shapes it reads). Browser runtimes: `timeout`, `vendor_error`, `not_applied`.
 * Server push (`@visitor-context/core/server`): `unauthorized` (HTTP 401/403: check credentials and scopes),
 * `not_found` (404: check the ids), `rate_limited` (429 once retries are used up: slow down), `vendor_rejected`
 * (any other non-2xx), `timeout` (an attempt or the whole call took too long), `network_error` (the vendor could
 * not be reached), `aborted` (the caller's signal cancelled the call).
 * Under `strict`, every warning is reported again as an error with the same code.
 * @public
 */
export type CoreDiagnosticCode =
  | 'not_an_object'
  | 'unknown_key'
  | 'invalid_type'
  | 'invalid_key'
  | 'forbidden_key'
  | 'nested_value'
  | 'non_finite_number'
  | 'invalid_email'
  | 'string_too_long'
  | 'too_large'
  | 'too_deep'
  | 'not_plain_data'
  | 'invalid_json'
  | 'invalid_base64'
  | 'invalid_option'
  | 'invalid_html_input'
  | 'adapter_failed'
  | 'field_dropped'
  | 'value_truncated'
  | 'value_coerced'
  | 'field_renamed'
  | 'value_guessed'
  | 'unrecognized_payload'
  | 'timeout'
  | 'vendor_error'
  | 'not_applied'
  | 'unauthorized'
  | 'not_found'
  | 'rate_limited'
  | 'vendor_rejected'
  | 'network_error'
  | 'aborted';

/**
 * A diagnostic code: one of core's {@link CoreDiagnosticCode}s, or an adapter's own stable code
 * (adapters document theirs in their README).
 * @public
 */
export type DiagnosticCode = CoreDiagnosticCode | (string & {});

/**
 * One finding about a value: what is wrong or what was lost, where, and what to do about it.
 * @public
 */
export interface Diagnostic {
  /** Stable, machine-readable code. */
  readonly code: DiagnosticCode;
  /** `error` made the operation fail; `warning` reports a loss or change the operation made anyway. */
  readonly severity: DiagnosticSeverity;
  /** Where in the checked value the finding is; empty for the value as a whole. */
  readonly path: DiagnosticPath;
  /** A sentence for people: what happened and what to do. */
  readonly message: string;
}

/**
 * A successful {@link Result}: the value, and the warnings the operation produced.
 * @typeParam TDiagnostic - a narrower diagnostic type, for operations whose diagnostics carry more (e.g. an HTTP status).
 * @public
 */
export interface Success<T, TDiagnostic extends Diagnostic = Diagnostic> {
  /** Always `true`. */
  readonly ok: true;
  /** The result of the operation. */
  readonly value: T;
  /** Warnings only: everything the operation dropped, truncated, renamed or coerced. */
  readonly diagnostics: readonly TDiagnostic[];
}

/**
 * A failed {@link Result}: at least one diagnostic has severity `error`.
 * @typeParam TDiagnostic - a narrower diagnostic type, as for {@link Success}.
 * @public
 */
export interface Failure<TDiagnostic extends Diagnostic = Diagnostic> {
  /** Always `false`. */
  readonly ok: false;
  /** Every error, plus the warnings found on the way. */
  readonly diagnostics: readonly TDiagnostic[];
}

/**
 * The outcome of an operation that never throws on bad input.
 * @typeParam TDiagnostic - a narrower diagnostic type, as for {@link Success}.
 * @public
 */
export type Result<T, TDiagnostic extends Diagnostic = Diagnostic> = Success<T, TDiagnostic> | Failure<TDiagnostic>;

/**
 * Formats a {@link DiagnosticPath} for people: `visitor.email`, `attributes["first name"]`, `items[2]`.
 * @public
 */
export function formatPath(path: DiagnosticPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text === '' ? '(root)' : text;
}

/**
 * Collects diagnostics while an operation runs and turns them into a {@link Result}.
 *
 * @remarks
 * Adapters receive one from `defineAdapter` and report every loss through it, so that
 * `strict` handling and result shapes live in one place.
 * @public
 */
export class Diagnostics {
  readonly #items: Diagnostic[] = [];

  /** Starts with the given diagnostics, e.g. those of an earlier step. */
  constructor(initial: readonly Diagnostic[] = []) {
    this.#items.push(...initial);
  }

  /** Every diagnostic so far, in the order they were reported. */
  get all(): readonly Diagnostic[] {
    return this.#items;
  }

  /** Whether any error has been reported. */
  get hasErrors(): boolean {
    return this.#items.some((item) => item.severity === 'error');
  }

  /** Reports an error. */
  error(code: DiagnosticCode, path: DiagnosticPath, message: string): void {
    this.#items.push({ code, severity: 'error', path: [...path], message });
  }

  /** Reports a warning: something was dropped, truncated, renamed or coerced. */
  warning(code: DiagnosticCode, path: DiagnosticPath, message: string): void {
    this.#items.push({ code, severity: 'warning', path: [...path], message });
  }

  /** Adds diagnostics reported elsewhere, e.g. by a nested step. */
  add(diagnostics: readonly Diagnostic[]): void {
    this.#items.push(...diagnostics);
  }

  /**
   * A failure when any error was reported (or, with `strict`, any warning), else a success with `value`.
   */
  toResult<T>(value: T, options: { readonly strict?: boolean | undefined } = {}): Result<T> {
    const diagnostics = options.strict ? this.#items.map(escalate) : [...this.#items];
    if (diagnostics.some((item) => item.severity === 'error')) return { ok: false, diagnostics };
    return { ok: true, value, diagnostics };
  }

  /** A failure carrying everything reported so far. */
  toFailure(): Failure {
    return { ok: false, diagnostics: [...this.#items] };
  }
}

function escalate(diagnostic: Diagnostic): Diagnostic {
  if (diagnostic.severity === 'error') return diagnostic;
  return { ...diagnostic, severity: 'error', message: `${diagnostic.message} (an error because strict is on)` };
}

const errorMarker = /* @__PURE__ */ Symbol.for('@visitor-context/core.error');

/**
 * Thrown by the throwing variants (`parseVisitorContextOrThrow`, `unwrap`) with every diagnostic attached.
 *
 * @remarks
 * Use {@link VisitorContextError.isInstance} rather than `instanceof`: it also works when two copies of core
 * are installed.
 * @public
 */
export class VisitorContextError extends Error {
  /** Every diagnostic of the failed operation. */
  readonly diagnostics: readonly Diagnostic[];
  /** The code of the first error. */
  readonly code: DiagnosticCode;

  constructor(diagnostics: readonly Diagnostic[]) {
    const errors = diagnostics.filter((item) => item.severity === 'error');
    const first = errors[0] ?? diagnostics[0];
    super(
      first === undefined
        ? 'Invalid visitor context.'
        : errors.map((item) => `${formatPath(item.path)}: ${item.message} [${item.code}]`).join('\n'),
    );
    this.name = 'VisitorContextError';
    // Set here rather than as a class field, so bundlers can drop the class when it is unused.
    Object.defineProperty(this, errorMarker, { value: true });
    this.diagnostics = diagnostics;
    this.code = first?.code ?? 'invalid_type';
  }

  /** True for a `VisitorContextError` from any copy of this package. */
  static isInstance(value: unknown): value is VisitorContextError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[errorMarker] === true;
  }
}

/**
 * Returns the value of a successful result, or throws a {@link VisitorContextError} with its diagnostics.
 * @public
 */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new VisitorContextError(result.diagnostics);
}
