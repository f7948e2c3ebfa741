import { listContextFields, type DiagnosticPath, type Diagnostics, type VisitorContext } from '@visitor-context/core';
import type { Comm100Payload, Comm100PrechatFieldType } from './comm100-api.js';
import type { Comm100ToVendorOptions } from './comm100-options.js';
import type { VisitorContextFieldName } from '@visitor-context/core';

/** The adapter id, also the key of the `vendor.comm100` bag. */
export const comm100VendorId = 'comm100';

const prechatTypes: Readonly<Record<string, Comm100PrechatFieldType>> = {
  'visitor.name': 'name',
  'visitor.email': 'email',
  'visitor.phone': 'phone',
  'visitor.company': 'company',
};

type CustomVariable = Comm100Payload['customVariables'][number];
type PrechatField = Comm100Payload['prechatFields'][number];

/**
 * Translates a context into what the Visitor-side JavaScript API receives: custom variables (attributes, and
 * fields mapped with `fieldVariables`) and pre-chat values by field type. Reports every field Comm100 cannot
 * carry, every name it would silently ignore, and every value turned into text.
 *
 * Both `comm100Adapter.toVendor` (after the zod schemas) and `translateComm100Context` (zod-free) run this, and
 * the option defaults (`prechat` true, `skipPrechat` false) are resolved here rather than in a schema, so the
 * two paths cannot drift. It must stay free of zod at run time, since the browser path reaches it.
 */
export function toComm100(context: VisitorContext, options: Comm100ToVendorOptions, diagnostics: Diagnostics): Comm100Payload {
  const defined = options.customVariables === undefined ? undefined : new Set(options.customVariables);
  const fieldVariables: Partial<Record<string, string>> = options.fieldVariables ?? {};
  const fillPrechat = options.prechat ?? true;
  const customVariables: CustomVariable[] = [];
  const prechatFields: PrechatField[] = [];
  const sentNames = new Set<string>();

  const sendVariable = (name: string, value: string | number | boolean, path: DiagnosticPath, what: string): boolean => {
    if (defined !== undefined && !defined.has(name)) {
      diagnostics.warning(
        'field_dropped',
        path,
        `"${name}" is not among the custom variables you listed as defined in Comm100's Control Panel, and Comm100 silently ignores undefined names, so ${what} was not sent. Define it there and add it to customVariables.`,
      );
      return false;
    }
    if (sentNames.has(name)) {
      diagnostics.warning('field_dropped', path, `Another field is already sent as custom variable "${name}", so ${what} was not sent.`);
      return false;
    }
    if (typeof value !== 'string') {
      diagnostics.warning('value_coerced', path, `Comm100 custom variables hold text, so ${what} (${typeof value} ${String(value)}) was sent as "${String(value)}".`);
    }
    sentNames.add(name);
    customVariables.push({ name, value: String(value) });
    return true;
  };
  // Comm100 sends an empty value back as "" for "never given", which fromVendor reads as unknown.
  const reportEmpty = (path: DiagnosticPath, what: string): void =>
    diagnostics.warning('empty_value', path, `${what} is empty; Comm100 reports an empty value as unknown, so it does not come back from webhooks.`);

  const fields = listContextFields(context);
  const hasName = context.visitor?.name !== undefined;
  const nameParts: string[] = [];
  for (const field of fields) {
    if (field.path[0] === 'attributes') continue;
    const variable = Object.hasOwn(fieldVariables, field.name) ? fieldVariables[field.name] : undefined;
    const sentAsVariable = variable !== undefined && sendVariable(variable, field.value, field.path, field.name);
    const prechatType = Object.hasOwn(prechatTypes, field.name) ? prechatTypes[field.name] : undefined;
    if (fillPrechat && prechatType !== undefined) {
      prechatFields.push({ type: prechatType, value: String(field.value) });
      if (field.value === '') reportEmpty(field.path, field.name);
      continue;
    }
    if (sentAsVariable && field.value === '') reportEmpty(field.path, field.name);
    const isNamePart = field.name === 'visitor.firstName' || field.name === 'visitor.lastName';
    if (fillPrechat && !hasName && isNamePart) {
      nameParts.push(String(field.value));
      if (!sentAsVariable) {
        diagnostics.warning('field_renamed', field.path, `Comm100 has no ${field.name}; it was sent as part of the pre-chat name field, since the context has no visitor.name.`);
      }
      continue;
    }
    if (sentAsVariable || variable !== undefined) continue;
    diagnostics.warning(
      'field_dropped',
      field.path,
      prechatType === undefined
        ? `Comm100's Visitor API cannot set ${field.name} (Comm100 measures page, device and location itself). To send it anyway, map it to a custom variable with fieldVariables, e.g. { '${field.name as VisitorContextFieldName}': 'my_variable' }.`
        : `${field.name} was not sent because prechat is false.`,
    );
  }
  if (nameParts.length > 0) prechatFields.push({ type: 'name', value: nameParts.join(' ') });

  for (const [key, value] of Object.entries(context.attributes ?? {})) {
    if (sendVariable(key, value, ['attributes', key], `attributes.${key}`) && value === '') reportEmpty(['attributes', key], `attributes.${key}`);
  }
  if (defined === undefined && customVariables.length > 0) {
    diagnostics.warning(
      'custom_variables_unverified',
      ['attributes'],
      `Sent ${customVariables.length} custom variable(s) (${customVariables.map((item) => item.name).join(', ')}) without knowing which are defined in Comm100's Control Panel; Comm100 silently ignores undefined names. Pass the defined names as customVariables.`,
    );
  }
  return { customVariables, prechatFields, skipPrechat: options.skipPrechat ?? false };
}
