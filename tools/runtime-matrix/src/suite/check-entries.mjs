// Imports every public entry the host discovered in the packages' `exports`, and records what each exports.
import { recordOutcome } from './record-outcome.mjs';

/** Returns the loaded modules by specifier; an entry that fails to import is a failed check, not a crash. */
export async function checkEntries(suite, entryLoaders) {
  const modules = {};
  for (const [specifier, load] of Object.entries(entryLoaders)) {
    const outcome = await recordOutcome(async () => {
      const module = await load();
      modules[specifier] = module;
      return Object.keys(module)
        .sort()
        .map((name) => `${name}: ${typeof module[name]}`);
    });
    suite.add({ id: `import ${specifier}`, entry: specifier, subject: 'import', outcome, problems: outcome.threw ? [`import failed: ${outcome.threw}`] : [] });
  }
  return modules;
}

/** Every `[specifier, exportName, value]` of the loaded modules, in a stable order. */
export function listExports(modules) {
  return Object.entries(modules).flatMap(([specifier, module]) =>
    Object.keys(module)
      .sort()
      .map((name) => [specifier, name, module[name]]),
  );
}

/** The package name of an entry specifier (`@scope/name/server` → `@scope/name`). */
export function packageOf(specifier) {
  return specifier.split('/').slice(0, 2).join('/');
}
