import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCommand, type RunOutput } from '../run-command.js';

/**
 * npm as a platform team runs it against a private registry: its own user config and cache in the proof's
 * scratch folder (nothing of the machine's npm setup read, nothing left in it), none of the `npm_config_*`
 * settings pnpm passes to scripts.
 */
export class RegistryNpm {
  constructor(
    /** The scratch folder holding npm's user config and cache. */
    private readonly scratch: string,
    /** Extra environment, e.g. the registry token the projects' `.npmrc` reads. */
    private readonly extraEnvironment: NodeJS.ProcessEnv = {},
  ) {}

  private environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
    return {
      ...env,
      ...this.extraEnvironment,
      npm_config_userconfig: path.join(this.scratch, 'user.npmrc'),
      npm_config_cache: path.join(this.scratch, 'npm-cache'),
      npm_config_loglevel: 'error',
      npm_config_update_notifier: 'false',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    };
  }

  /** Writes the user-level `.npmrc` (the publisher's: where to publish and the token). */
  async writeUserConfig(lines: readonly string[]): Promise<void> {
    await mkdir(this.scratch, { recursive: true });
    await writeFile(path.join(this.scratch, 'user.npmrc'), `${lines.join('\n')}\n`);
  }

  /**
   * Runs `npm <args>` in `cwd`. Once more, after a pause, when the registry answered that its uplink to the public
   * registry failed (Verdaccio's "no such package available" for a package it proxies): that is the network, not
   * the release under test.
   */
  async run(args: readonly string[], cwd: string): Promise<RunOutput> {
    try {
      return await runCommand('npm', args, { cwd, env: this.environment(), timeoutMs: 120_000 });
    } catch (error) {
      if (!/no such package available/.test(String(error)) || /@visitor-context(\/|%2f)/i.test(String(error).match(/GET \S+/)?.[0] ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      return runCommand('npm', args, { cwd, env: this.environment(), timeoutMs: 120_000 });
    }
  }
}

/** Creates an empty app project with its own `.npmrc`, as a team's repository would commit it. */
export async function createProject(folder: string, npmrc: readonly string[], dependencies: Record<string, string> = {}): Promise<void> {
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, '.npmrc'), `${npmrc.join('\n')}\n`);
  await writeFile(
    path.join(folder, 'package.json'),
    `${JSON.stringify({ name: `app-${path.basename(folder)}`, version: '1.0.0', private: true, dependencies }, null, 2)}\n`,
  );
}

/** The version of `name` installed at the top of `folder/node_modules`. */
export async function installedVersion(folder: string, name: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(folder, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** The app's own dependency ranges, as npm saved them. */
export async function savedDependencies(folder: string): Promise<Record<string, string>> {
  return (JSON.parse(await readFile(path.join(folder, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies;
}
