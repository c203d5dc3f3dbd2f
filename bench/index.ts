/**
 * npm run bench: what we ship, what we send, how fast we start, each beside its reference in the same run.
 * Prints a table and writes the JSON report to .tmp/bench/report.json. Figures, not assertions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packInto } from '../scripts/lib/pack';
import { repoRoot } from '../scripts/lib/repo-root';
import { run } from './measure';
import { BENCH_DIR, readPart } from './report-file';
import { measureScaffoldTime } from './scaffold-time';
import { measureShipSize } from './ship-size';
import { measureAddSize } from './add-size';
import { measureTestTools } from './test-tools-size';
import type { PackageSplit } from './ship-size';
import type { Core } from './ship-budgets';
import { GOALS, fileTable, measuredOf, summaryTable } from './ship-budgets';
import BEFORE from './ship-size-2026-12-06.json';

const ROOT = repoRoot();

interface SetDataPart {
  script: { queueSeconds: number; talkSeconds: number };
  whole: { calls: number; bytes: number };
  firstRender: { calls: number; bytes: number };
  talking: { calls: number; timerTicks: number; timerTickBytesMax: number; otherComponents: number };
  byComponent: Record<string, { calls: number; bytes: number }>;
  bySteps: Record<string, { calls: number; bytes: number }>;
}

interface CallSetupPart {
  runs: number;
  sdkStartCallMs: { median: number; min: number };
  bareHttpPlusSocketMs: { median: number; min: number };
  ratio: number;
}

interface OutagePart {
  callerWindowMs: number;
  outageSurvivedMs: number;
  hangUpToldOnce: boolean;
  resumeWithNetworkEventMs: { median: number; max: number; runs: number };
  resumeWithoutNetworkEventMs: { median: number; max: number; runs: number };
  bareResumeMs: { median: number; runs: number };
  ratio: number;
  /** A TRTC call through an outage in which TRTC gave up on the pusher (-1307) `pusherGaveUp` times. */
  mediaDrop: { outageMs: number; pusherGaveUp: number; survived: boolean; pusherRestarts: number };
}

interface LoadPart {
  calls: number;
  callsHeldConcurrently: number;
  eventLatencyMs: { p50: number; p99: number };
  serverRssMb: { idle: number; holding: number };
}

function step(text: string): void {
  process.stderr.write(`› ${text}\n`);
}

async function main(): Promise<void> {
  fs.mkdirSync(BENCH_DIR, { recursive: true });
  step('packing the SDK, the scaffolder and their dependencies');
  const packed = packInto(path.join(BENCH_DIR, 'packs'));
  const cli = path.join(ROOT, 'packages', 'create-tccc-miniprogram', 'index.js');

  step('ship size: scaffold, install, packNpm and compile each template on each core, and the references');
  const shipSize = await measureShipSize(packed, cli, path.join(BENCH_DIR, 'ship'));

  step('add to an existing app: the shop fixture before and after add on each core, built and compiled');
  const addSize = await measureAddSize(packed, cli, path.join(BENCH_DIR, 'add'), ROOT);

  step("an app's own test: what its tools add to node_modules (two installs of the audio app)");
  const testTools = await measureTestTools(packed, cli, path.join(ROOT, 'package-lock.json'), path.join(BENCH_DIR, 'test-tools'));

  step('setData over a scripted call (about 75 s), call setup, and a 25 s outage with resume times, in miniprogram-simulate');
  await run(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '-c', 'bench/jest.config.js', '--silent'], { cwd: ROOT, timeoutMs: 600000 });
  const setData = readPart<SetDataPart>('setdata');
  const callSetup = readPart<CallSetupPart>('call-setup');
  const outage = readPart<OutagePart>('outage');

  step('scaffold time against create-vite');
  const scaffold = await measureScaffoldTime(ROOT, packed.create, path.join(BENCH_DIR, 'scaffold'));

  step('simulator capacity (1000 callers)');
  const loadOutput = await run(process.execPath, [path.join(ROOT, 'scripts', 'run-ts.mjs'), 'scripts/load.ts', '--calls', '1000', '--json'], { cwd: ROOT, timeoutMs: 300000 });
  const load = JSON.parse(loadOutput.slice(loadOutput.indexOf('{'))) as LoadPart;

  const audio = shipSize.byCore.open.audio;
  const openApps = Object.values(shipSize.byCore.open);
  const audioNow = { open: measuredOf(shipSize.byCore.open.audio, 'open'), tccc: measuredOf(shipSize.byCore.tccc.audio, 'tccc') };
  const goals = {
    issue27: Object.fromEntries(
      (['open', 'tccc'] as Core[]).flatMap((core) => Object.entries(GOALS[core]).map(([name, goal]) => [`${core}.${name} ≤ ${goal} KB`, (audioNow[core][name as keyof typeof audioNow.open] ?? Infinity) <= goal])),
    ),
    coreUnder48KB: openApps.every((split) => split.core < 48),
    audioAppUnder160KB: audio.total < 160,
    audioMainUnder200KB: audio.total < 200,
    noTimBytesWithoutIm: [...openApps, ...Object.values(shipSize.byCore.tccc)].every((split) => split.tim === 0),
    timerTickUnder64Bytes: setData.talking.timerTickBytesMax < 64,
    timerConfined: setData.talking.otherComponents === 0,
    wholeCallUnder10KB: setData.whole.bytes < 10240,
    callSetupRatioAtMost1_3: callSetup.ratio <= 1.3,
    outage25sSurvived: outage.outageSurvivedMs >= 25000 && outage.hangUpToldOnce,
    mediaDrop20sSurvived: outage.mediaDrop.survived,
    resumeAtMost1_5xBareAnd1s: outage.ratio <= 1.5 && outage.resumeWithNetworkEventMs.max <= 1000,
    scaffoldNoSlowerThanCreateVite: scaffold.ratio <= 1,
    capacity1000AtP99Under50ms: load.callsHeldConcurrently >= 1000 && load.eventLatencyMs.p99 < 50,
    addGrowsMainAtMost4KB: Object.values(addSize.byCore).every((core) => core.mainGrowthBytes <= 4096),
  };
  const report = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model ?? 'unknown', cores: os.cpus().length, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    shipSize,
    addSize,
    testTools,
    setData,
    callSetup,
    outage,
    scaffold,
    capacity: { calls: load.calls, held: load.callsHeldConcurrently, p50Ms: load.eventLatencyMs.p50, p99Ms: load.eventLatencyMs.p99, rssMb: load.serverRssMb },
    goals,
  };
  fs.writeFileSync(path.join(BENCH_DIR, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify(report, null, 2));
  console.log(table(report));
  console.log(shipTables(shipSize));
}

/** The audio app per package beside its past figures, budgets and goals; then per file, beside 2026-12-06. */
function shipTables(shipSize: Awaited<ReturnType<typeof measureShipSize>>): string {
  const files = shipSize.audioFiles.open;
  const before: Record<string, number> = BEFORE;
  // vant by component folder (button/, icon/, …), everything else outside our packages by file.
  const others = (of: Record<string, number>) => {
    const rows: Record<string, number> = {};
    for (const [file, bytes] of Object.entries(of)) {
      const key = file.replace(/^(miniprogram_npm\/@vant\/weapp\/[^/]+\/).*$/, '$1');
      rows[key] = (rows[key] ?? 0) + bytes;
    }
    return rows;
  };
  return [
    'Audio app, compiled main package per package (KB; on the tccc core, total leaves out the double of Tencent\'s core):',
    summaryTable({ open: measuredOf(shipSize.byCore.open.audio, 'open'), tccc: measuredOf(shipSize.byCore.tccc.audio, 'tccc') }),
    '',
    'Core (tccc-wx-sdk) per file, bytes, beside 2026-12-06 before issue 27:',
    fileTable(files, ['core'], before, 40),
    '',
    'Kit (tccc-call-kit) per file:',
    fileTable(files, ['kit'], before, 40),
    '',
    'vant per folder, trtc-wx-sdk, the ES5 helpers WeChat adds, and the app:',
    fileTable(others(files), ['vant', 'trtc', 'es5', 'app'], others(before), 40),
    '',
  ].join('\n');
}

function audioTotal(shipSize: { byCore: { open: { audio: PackageSplit } } }): number {
  return shipSize.byCore.open.audio.total;
}

function mark(met: boolean): string {
  return met ? 'met' : 'MISSED';
}

function table(report: any): string {
  const split = (name: string, s: PackageSplit) => `| ${name} | ${s.core} | ${s.kit} | ${s.vant} | ${s.trtc} | ${s.tim} | ${s.es5} | ${s.app} | ${s.total} |`;
  const { shipSize, addSize, testTools, setData, callSetup, outage, scaffold, capacity, goals } = report;
  return [
    '',
    `tccc-wx-sdk benchmarks — ${report.date.slice(0, 10)}, ${report.machine.cores}× ${report.machine.cpu}, Node ${report.machine.node}`,
    '',
    'Compiled main package (KB) by package: core (tccc-wx-sdk) | kit (tccc-call-kit) | vant | trtc-wx-sdk | tim-wx-sdk | ES5 helpers (@babel/runtime) | app | total',
    '(on the tccc core, "core" is the test double standing in for Tencent\'s tccc-wx-sdk: its size says nothing of Tencent\'s)',
    '| app | core | kit | vant | trtc | tim | es5 | app | total |',
    '|---|---|---|---|---|---|---|---|---|',
    ...(['open', 'tccc'] as const).flatMap((core) => Object.entries(shipSize.byCore[core]).map(([name, s]) => split(`${name} on ${core}`, s as PackageSplit))),
    split('reference: audio on open + IM (tim-wx-sdk)', shipSize.reference),
    split('audio on open, no ES6→ES5 step', shipSize.audioWithoutEs5),
    split('audio on open, no lazyCodeLoading', shipSize.audioWithoutLazyCodeLoading),
    `  core alone < 48 KB: ${mark(goals.coreUnder48KB)} · audio app (core + kit) < 160 KB: ${mark(goals.audioAppUnder160KB)} · audio main package < 200 KB: ${mark(goals.audioMainUnder200KB)} · no tim-wx-sdk bytes without IM: ${mark(goals.noTimBytesWithoutIm)}`,
    `  audio app / its IM reference: ${audioTotal(shipSize)} KB / ${shipSize.reference.total} KB = ${(audioTotal(shipSize) / shipSize.reference.total).toFixed(2)}`,
    '',
    `add to an existing app (${addSize.fixture}, main package ${addSize.mainBefore} bytes compiled): the call as an independent subpackage (audio template)`,
    ...(['open', 'tccc'] as const).map((core) => `  ${core} core: main package +${addSize.byCore[core].mainGrowthBytes} bytes, subpackage ${addSize.byCore[core].subpackageKB} KB compiled`),
    `  main package grows at most 4 KB: ${mark(goals.addGrowsMainAtMost4KB)} (on the tccc core the subpackage holds the test double, not Tencent's tccc-wx-sdk)`,
    `An app's own test (audio app): its tools add ${testTools.added.packages} packages, ${testTools.added.files} files, ${testTools.added.mb} MB (${testTools.added.diskMb} MB on disk) to node_modules; miniprogram_npm unchanged: ${testTools.miniprogramNpmUnchanged ? 'yes' : 'NO'}`,
    '',
    `setData over a call (${setData.script.queueSeconds} s queued, ${setData.script.talkSeconds} s talking): ${setData.whole.calls} calls, ${setData.whole.bytes} bytes (first render ${setData.firstRender.bytes} bytes)`,
    `  while talking: ${setData.talking.timerTicks} timer ticks of at most ${setData.talking.timerTickBytesMax} bytes; ${setData.talking.otherComponents} setData elsewhere`,
    ...Object.entries(setData.bySteps).map(([name, s]: [string, any]) => `  ${name.padEnd(22)} ${String(s.calls).padStart(4)} calls ${String(s.bytes).padStart(6)} bytes`),
    `  tick < 64 bytes: ${mark(goals.timerTickUnder64Bytes)} · confined to the timer: ${mark(goals.timerConfined)} · whole call < 10 KB: ${mark(goals.wholeCallUnder10KB)}`,
    '',
    `Call setup (median of ${callSetup.runs}): startSession() ${callSetup.sdkStartCallMs.median} ms vs bare POST + event socket ${callSetup.bareHttpPlusSocketMs.median} ms = ${callSetup.ratio}× (goal ≤ 1.3: ${mark(goals.callSetupRatioAtMost1_3)})`,
    `Outage survived: ${outage.outageSurvivedMs / 1000} s of a ${outage.callerWindowMs / 1000} s caller window, the agent's hang-up told once afterwards (goal 25 s: ${mark(goals.outage25sSurvived)})`,
    `Media drop: a TRTC call through a ${outage.mediaDrop.outageMs / 1000} s outage, TRTC giving up on the pusher (-1307) ${outage.mediaDrop.pusherGaveUp}×: ${outage.mediaDrop.survived ? 'survived' : 'ended'}, pusher restarted ${outage.mediaDrop.pusherRestarts}× (goal survived: ${mark(goals.mediaDrop20sSurvived)})`,
    `Resume (median of ${outage.resumeWithNetworkEventMs.runs}): network back → reconnecting false ${outage.resumeWithNetworkEventMs.median} ms (max ${outage.resumeWithNetworkEventMs.max}) vs bare socket + hello + welcome ${outage.bareResumeMs.median} ms = ${outage.ratio}× (goal ≤ 1.5 and ≤ 1 s: ${mark(goals.resumeAtMost1_5xBareAnd1s)}); without the network event ${outage.resumeWithoutNetworkEventMs.median} ms (backoff)`,
    `Scaffold (median of ${scaffold.runs}): create-tccc-miniprogram ${scaffold.oursMs.median} ms vs create-vite ${scaffold.createViteMs.median} ms = ${scaffold.ratio}× (goal ≤ 1: ${mark(goals.scaffoldNoSlowerThanCreateVite)})`,
    `Simulator: ${capacity.held} calls held, event latency p50 ${capacity.p50Ms} ms / p99 ${capacity.p99Ms} ms, ${capacity.rssMb.idle} → ${capacity.rssMb.holding} MB (goal 1000 at p99 < 50 ms: ${mark(goals.capacity1000AtP99Under50ms)})`,
    '',
  ].join('\n');
}

// miniprogram-ci's getCompiledResult forks a compiler process and keeps its channel open, which would keep
// this script alive after the report; the run is over once the report is out.
main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
