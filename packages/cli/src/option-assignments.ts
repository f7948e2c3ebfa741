import { parseJson } from '@visitor-context/core';
import { CliUsageError } from './cli-usage-error.js';

/** Keys that would reach an object's prototype if they were assigned. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Builds an options object from `--option` assignments, in the convention of HTTPie:
 * `name=value` sets a string, `name:=json` sets a JSON value (number, boolean, array, object), and a dotted
 * name sets a nested key (`widget.bindId=abc`). Later assignments win. Values are never guessed: `siteId=123`
 * is the string "123", `siteId:=123` the number.
 */
export function parseOptionAssignments(assignments: readonly string[], flag: string, base: Record<string, unknown> = {}): Record<string, unknown> {
  const options = structuredClone(base);
  for (const assignment of assignments) {
    const match = /^([^=:]+?)(:?)=(.*)$/s.exec(assignment);
    if (match === null) {
      throw new CliUsageError('invalid_option', `${flag} "${assignment}" is not name=value or name:=json.`);
    }
    const [, name = '', json, text = ''] = match;
    const path = name.split('.');
    if (path.some((segment) => segment === '' || forbiddenKeys.has(segment))) {
      throw new CliUsageError('invalid_option', `${flag} "${assignment}": "${name}" is not a valid option name.`);
    }
    setPath(options, path, json === ':' ? parseJsonValue(text, assignment, flag) : text, assignment, flag);
  }
  return options;
}

/** Parses an options document (a JSON object) from a file's text, with core's safe JSON parser. */
export function parseOptionsDocument(text: string, name: string): Record<string, unknown> {
  const parsed = parseJson(text);
  if (!parsed.ok) {
    throw new CliUsageError('invalid_option', `${name} is not usable options JSON: ${parsed.diagnostics.map((item) => item.message).join(' ')}`);
  }
  if (typeof parsed.value !== 'object' || parsed.value === null || Array.isArray(parsed.value)) {
    throw new CliUsageError('invalid_option', `${name} must hold a JSON object of options.`);
  }
  return parsed.value;
}

function parseJsonValue(text: string, assignment: string, flag: string): unknown {
  const parsed = parseJson(text);
  if (parsed.ok) return parsed.value;
  throw new CliUsageError(
    'invalid_option',
    `${flag} "${assignment}": the value after := must be JSON (${parsed.diagnostics.map((item) => item.message).join(' ')}). Use name=value for text.`,
  );
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown, assignment: string, flag: string): void {
  let current = target;
  for (const [index, segment] of path.entries()) {
    if (index === path.length - 1) {
      current[segment] = value;
      return;
    }
    const next = Object.hasOwn(current, segment) ? current[segment] : undefined;
    if (next === undefined) {
      const created: Record<string, unknown> = {};
      current[segment] = created;
      current = created;
    } else if (typeof next === 'object' && next !== null && !Array.isArray(next)) {
      current = next as Record<string, unknown>;
    } else {
      throw new CliUsageError('invalid_option', `${flag} "${assignment}": ${path.slice(0, index + 1).join('.')} is already set to a value that is not an object.`);
    }
  }
}
