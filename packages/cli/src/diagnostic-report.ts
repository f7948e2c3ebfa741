import { formatPath, type Diagnostic, type PathSegment } from '@visitor-context/core';
import type { CliUsageError } from './cli-usage-error.js';
import { escapeJsonControls, escapeTerminalText } from './terminal-text.js';

/** The step of a command that reported a diagnostic; paths are relative to that step's input. */
export type DiagnosticStage = 'arguments' | 'read' | 'parse' | 'fromVendor' | 'toVendor' | 'snippet' | 'evaluateNode' | 'push';

/** A diagnostic as the command prints it: core's fields plus where it came from. */
export interface ReportedDiagnostic {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly path: readonly PathSegment[];
  /** The path for people, as core's `formatPath` writes it (`visitor.email`, `(root)`). */
  readonly pathText: string;
  readonly stage: DiagnosticStage;
  readonly message: string;
  /** Push only, for an HTTP outcome: the vendor's HTTP status (absent when no response came). */
  readonly status?: number;
  /** Push only: the vendor's request id from its response headers, for its support. */
  readonly requestId?: string;
  /** Push only: how many requests were sent, retries included. */
  readonly attempts?: number;
}

/** Exit status 0: success. 1: the input is invalid (or, with `--strict`, lossy). 2: the command was called wrongly. */
export type ExitStatus = 0 | 1 | 2;

/** Codes that mean the command line itself is wrong (exit 2), wherever they are detected. */
const usageCodes = new Set([
  'invalid_option',
  'usage_error',
  'unknown_vendor',
  'adapter_not_installed',
  'adapter_not_loadable',
  'input_unreadable',
  'missing_credentials',
  'credential_in_arguments',
]);

/**
 * Tags core diagnostics with the stage that produced them, keeping the HTTP details a push diagnostic carries (for
 * `--json`; core's messages already state them for people).
 */
export function fromStage(stage: DiagnosticStage, diagnostics: readonly Diagnostic[]): ReportedDiagnostic[] {
  return diagnostics.map((item) => ({
    severity: item.severity,
    code: item.code,
    path: [...item.path],
    pathText: formatPath(item.path),
    stage,
    message: item.message,
    ...httpDetails(item),
  }));
}

/** `status`, `requestId` and `attempts` of a vendor HTTP diagnostic, when present and well-typed. */
function httpDetails(item: Diagnostic): Pick<ReportedDiagnostic, 'status' | 'requestId' | 'attempts'> {
  const { status, requestId, attempts } = item as { status?: unknown; requestId?: unknown; attempts?: unknown };
  return {
    ...(typeof status === 'number' ? { status } : {}),
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(typeof attempts === 'number' ? { attempts } : {}),
  };
}


/** A usage error as a reported diagnostic. */
export function fromUsageError(error: CliUsageError): ReportedDiagnostic {
  return { severity: 'error', code: error.code, path: [], pathText: formatPath([]), stage: 'arguments', message: error.message };
}

/** Under `--strict`, every warning becomes an error, worded as core words it. */
export function applyStrict(items: readonly ReportedDiagnostic[], strict: boolean): ReportedDiagnostic[] {
  if (!strict) return [...items];
  return items.map((item) =>
    item.severity === 'error' ? item : { ...item, severity: 'error', message: `${item.message} (an error because --strict is on)` },
  );
}

/** The exit status the diagnostics call for. */
export function exitStatusOf(items: readonly ReportedDiagnostic[]): ExitStatus {
  const errors = items.filter((item) => item.severity === 'error');
  if (errors.length === 0) return 0;
  return errors.some((item) => usageCodes.has(item.code)) ? 2 : 1;
}

/**
 * One line per diagnostic: `warning field_dropped at visitor.email (toVendor): …`. Control characters from the
 * payload (in paths and messages) are shown escaped, never sent to the terminal.
 */
export function formatHuman(items: readonly ReportedDiagnostic[]): string {
  return items
    .map((item) => escapeTerminalText(`${item.severity} ${item.code} at ${item.pathText} (${item.stage}): ${item.message}`) + '\n')
    .join('');
}

/** The `--json` document: one JSON object on one line, with every control character escaped. */
export function formatJsonReport(items: readonly ReportedDiagnostic[], exitStatus: ExitStatus): string {
  return `${escapeJsonControls(JSON.stringify({ ok: exitStatus === 0, exitStatus, diagnostics: items }))}\n`;
}

/** `2 errors, 1 warning`. */
export function countText(items: readonly ReportedDiagnostic[]): string {
  const errors = items.filter((item) => item.severity === 'error').length;
  const warnings = items.length - errors;
  return `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`;
}
