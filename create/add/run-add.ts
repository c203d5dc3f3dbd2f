import fs from 'node:fs';
import path from 'node:path';
import type { Language } from '../../dev-server/language';
import type * as Questions from '../ask';
import type { GivenOptions } from '../defaults';
import { withDefaults } from '../defaults';
import { installExplained } from '../install';
import type { LocalPackages } from '../local-packages';
import type { Messages } from '../messages';
import { madeDetails } from '../messages';
import type { PackageManager, ProjectOptions } from '../options';
import { TEST_APPID } from '../options';
import { readManifest } from '../project-files';
import type { Release } from '../release';
import { addSteps } from './add-steps';
import { unifiedDiff } from './dry-run';
import type { HostProject } from './host-project';
import { inMiniprogram, readHost } from './host-project';
import { planAdd, simulatorScript } from './plan-add';
import { writeAll } from './staged-write';
import { callPageUrl, subpackageFiles, subpackageTests } from './subpackage-files';
import { DEFAULT_ROOT, checkRoot, subpackageDir } from './subpackage-root';

export interface AddRun {
  /** The options the flags gave, checked. */
  given: GivenOptions;
  root: string | undefined;
  dryRun: boolean;
  skipInstall: boolean;
  interactive: boolean;
  manager: PackageManager;
  local: LocalPackages | null;
  templatesDir: string;
  release: Release;
  language: Language;
  m: Messages;
  questions(): typeof Questions;
  out(text: string): void;
}

/** The answers: the flags, what the project says (its AppID, TypeScript or not), then questions or defaults. */
async function answers(run: AddRun, host: HostProject, directory: string): Promise<ProjectOptions> {
  const given = { ...run.given, directory, appId: host.appId || TEST_APPID, typescript: run.given.typescript ?? host.typescript };
  return run.interactive ? run.questions().askForMissing(given, run.m) : withDefaults(given);
}

/**
 * `create-tccc-miniprogram add [dir]`: the call page as a subpackage of the mini program at `dir`, with its
 * own npm. Every change is planned first, shown (--dry-run) or written all or nothing, then installed;
 * a failed install takes every change back. Resolves the exit code.
 */
export async function runAdd(directory: string, run: AddRun): Promise<number> {
  const { m } = run;
  const host = readHost(path.resolve(directory), m);
  const root = run.root ?? DEFAULT_ROOT;
  const earlier = checkRoot(host, root, m);
  const options = await answers(run, host, directory);
  const folder = inMiniprogram(host, root);
  const firstPage = typeof host.appJson.json.pages?.[0] === 'string' ? host.appJson.json.pages[0] : '';
  const release = run.local?.release ?? run.release;
  const placement = { root, miniprogramRoot: host.miniprogramRoot, firstPage };
  const tests = subpackageTests(options, placement, run.templatesDir, release, run.language);
  const files = subpackageFiles(options, placement, run.templatesDir, release, run.manager, run.language, tests);
  const copies = (run.local?.copies ?? []).map(({ source, target }) => ({ source, target }));
  const { changes } = planAdd({ host, root, options, files, tests, copies, release, earlier }, m);
  const media = readManifest(run.templatesDir, options.template).media;
  const steps = (installed: boolean) =>
    addSteps(
      { projectDir: host.dir, folder, root, core: options.core, media, manager: run.manager, installed, simulatorScript: simulatorScript(host), appJson: host.appJson.json, pageUrl: callPageUrl(root), fromClone: run.local !== null, tests: tests !== null },
      m,
    );

  if (run.dryRun) {
    run.out(`${m.add.dryRun}\n\n${unifiedDiff(changes, m.add.dryRunBinary)}\n${m.add.dryRunEnd}\n`);
    return 0;
  }
  if (changes.length === 0) {
    // Unchanged files say nothing of the install: an earlier add may have skipped it.
    run.out(`\n${m.add.unchanged(folder)}\n${steps(fs.existsSync(path.join(subpackageDir(host, root), 'node_modules')))}`);
    return 0;
  }
  const written = writeAll(host.dir, changes, m);
  const installed = run.skipInstall ? false : await installExplained(subpackageDir(host, root), run.manager, options.core, m, run.out, 'add');
  if (!run.skipInstall && !installed) {
    written.rollback();
    process.stderr.write(`${m.add.rolledBack}\n`);
    return 1;
  }
  const hostFiles = changes.filter((change) => !change.file.startsWith(`${folder}/`)).map((change) => change.file);
  run.out(`\n${m.add.added(folder, madeDetails(m, options), changes.length - hostFiles.length, hostFiles)}\n${steps(installed)}`);
  return 0;
}
