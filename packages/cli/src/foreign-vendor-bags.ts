import { formatPath, type VisitorContext } from '@visitor-context/core';
import type { ReportedDiagnostic } from './diagnostic-report.js';

/**
 * Warnings for the vendor bags (`vendor.<id>`) that a translation to `targetVendor` leaves behind.
 *
 * @remarks
 * A bag holds what one vendor sent that has no canonical field; another vendor's adapter has no place for
 * it, and adapters only report their own fields. When a conversion runs vendor → vendor, the source's bag is
 * exactly such data, so the command reports it as `field_dropped` unless the target adapter already did.
 */
export function reportForeignVendorBags(
  context: VisitorContext,
  targetVendor: string,
  reported: readonly ReportedDiagnostic[],
  stage: ReportedDiagnostic['stage'],
): ReportedDiagnostic[] {
  const bags = context.vendor ?? {};
  return Object.keys(bags)
    .filter((bag) => bag !== targetVendor)
    .filter((bag) => !reported.some((item) => item.path[0] === 'vendor' && item.path[1] === bag))
    .map((bag) => {
      const path = ['vendor', bag];
      const keys = Object.keys(bags[bag] ?? {});
      return {
        severity: 'warning',
        code: 'field_dropped',
        path,
        pathText: formatPath(path),
        stage,
        message:
          `${formatPath(path)} (${keys.length === 1 ? '1 key' : `${keys.length} keys`}: ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}) ` +
          `is ${bag}-specific data that the ${targetVendor} payload has no place for, so it is not sent.`,
      };
    });
}
