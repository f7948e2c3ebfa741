import type { AdapterCapabilities } from './adapter.js';

const escapeCell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * Renders an adapter's capabilities as the Markdown mapping table its README shows: one row per canonical
 * field, then the limits and the vendor notes. Each adapter's tests fail when the README's copy is stale.
 * @public
 */
export function renderCapabilitiesMarkdown(capabilities: AdapterCapabilities): string {
  const lines = [
    '| Canonical field | Vendor field | Directions | Value | Notes |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const field of capabilities.fields) {
    const directions = (field.directions ?? capabilities.directions)
      .map((direction) => (direction === 'toVendor' ? 'to vendor' : 'from vendor'))
      .join(', ');
    lines.push(
      `| \`${escapeCell(field.canonical)}\` | \`${escapeCell(field.vendorName)}\` | ${directions} | ${field.valueType === 'string' ? 'as string' : 'as is'} | ${escapeCell(field.note ?? '')} |`,
    );
  }
  lines.push('', 'Every canonical field not listed here is reported as a `field_dropped` warning naming it.');
  const limits = Object.entries(capabilities.limits ?? {});
  if (limits.length > 0) {
    lines.push('', '| Vendor limit | Value |', '| --- | --- |');
    for (const [name, value] of limits) lines.push(`| ${name} | \`${escapeCell(String(value))}\` |`);
  }
  if (capabilities.payloadShapes !== undefined && capabilities.payloadShapes.length > 0) {
    lines.push(
      '',
      'Inbound, `fromVendor` reads these payload shapes; anything else comes back with an `unrecognized_payload` warning:',
      '',
      ...capabilities.payloadShapes.map((shape) => `- ${shape}`),
    );
  }
  if (capabilities.notes !== undefined && capabilities.notes.length > 0) {
    lines.push('', ...capabilities.notes.map((note) => `- ${note}`));
  }
  return lines.join('\n');
}
