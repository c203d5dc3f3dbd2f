/**
 * Load script (not a test): holds N concurrent simulated callers against a tccc-dev-server child process
 * over loopback and reports calls held, event latency (agent action → caller's event) p50/p99, and the
 * server's memory and CPU. Usage: npm run load -- [--calls 1000] [--hold 5]
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';

const { values } = parseArgs({ options: { calls: { type: 'string', default: '1000' }, hold: { type: 'string', default: '5' }, json: { type: 'boolean', default: false } } });
const CALLS = Math.max(1, Math.min(5000, Number(values.calls)));
const HOLD_SECONDS = Math.max(0, Math.min(60, Number(values.hold)));
const BATCH = 50;
const DEADLINE = Date.now() + 180000;

interface Caller {
  token: string;
  sessionId: string;
  socket: WebSocket;
  waiters: Map<string, (at: number) => void>;
  seen: Set<string>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** The simulator child process; `died` says so plainly once it has exited. */
interface ServerProcess {
  url: string;
  pid: number;
  /** How it ended, or null while it runs. */
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Settles when it exits. */
  exited: Promise<void>;
  stop(): void;
}

class ServerDied extends Error {}

function diedMessage(server: ServerProcess): string {
  const how = server.exit?.signal ? `was killed by ${server.exit.signal}` : `exited with code ${server.exit?.code}`;
  return `tccc-dev-server (pid ${server.pid}) died during the load run: it ${how}. Its own output is above.`;
}

function assertAlive(server: ServerProcess): void {
  if (server.exit) throw new ServerDied(diedMessage(server));
}

function procStat(server: ServerProcess): { rssMb: number; cpuMs: number } {
  assertAlive(server);
  const pid = server.pid;
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { rssMb: rssKb / 1024, cpuMs: (ticks * 1000) / 100 };
}

async function json(method: string, url: string, body?: unknown, token?: string): Promise<any> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(15000),
  });
  const data = await res.json();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(data)}`);
  return data;
}

async function startServer(): Promise<ServerProcess> {
  const bin = path.resolve(__dirname, '../../dist/bin/tccc-dev-server.js');
  const child = spawn(process.execPath, [bin, '--port', '0', '--seats', String(CALLS), '--calls-per-address', String(CALLS), '--sockets-per-address', String(CALLS), '--lang', 'en-US'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const server: ServerProcess = {
    url: '',
    pid: child.pid as number,
    exit: null,
    exited: new Promise((resolve) => child.on('exit', (code, signal) => resolve(void (server.exit = { code, signal })))),
    stop: () => child.kill('SIGKILL'),
  };
  server.url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('simulator did not start')), 10000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Agent console\s+(http:\/\/\S+?)\//.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  child.stdout.resume();
  console.error(`tccc-dev-server: pid ${server.pid} at ${server.url}`);
  return server;
}

async function connect(url: string, index: number): Promise<Caller> {
  const { token } = await json('POST', `${url}/v1/login`, { sdkAppId: '1400000000', jsCode: `load-${index}` });
  const created = await json('POST', `${url}/v1/sessions`, { channelId: 'video-support', media: 'video' }, token);
  const socket = new WebSocket(created.signaling.url);
  const caller: Caller = { token, sessionId: created.sessionId, socket, waiters: new Map(), seen: new Set() };
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('welcome timed out')), 15000);
    socket.on('open', () => socket.send(JSON.stringify({ type: 'hello', token, since: created.signaling.since })));
    socket.on('message', (data) => {
      const at = performance.now();
      const frame = JSON.parse(String(data));
      if (frame.type === 'welcome') {
        clearTimeout(timer);
        resolve();
      }
      caller.seen.add(frame.type);
      caller.waiters.get(frame.type)?.(at);
    });
    socket.on('error', reject);
  });
  return caller;
}

/** Runs `action` for every caller in batches and returns the latency until each caller sees `event`. */
async function measure(callers: Caller[], event: string, action: (c: Caller) => Promise<unknown>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < callers.length; i += BATCH) {
    await Promise.all(
      callers.slice(i, i + BATCH).map(async (caller) => {
        const seen = new Promise<number>((resolve, reject) => {
          caller.waiters.set(event, resolve);
          setTimeout(() => reject(new Error(`${event} not seen in 15 s`)), 15000).unref();
        });
        const sent = performance.now();
        await action(caller);
        latencies.push((await seen) - sent);
      }),
    );
    if (Date.now() > DEADLINE) throw new Error('load run exceeded its time limit');
  }
  return latencies.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const server = await startServer();
  const callers: Caller[] = [];
  try {
    const before = procStat(server);
    const setupStarted = performance.now();
    for (let i = 0; i < CALLS; i += BATCH) {
      callers.push(...(await Promise.all(Array.from({ length: Math.min(BATCH, CALLS - i) }, (_, j) => connect(server.url, i + j)))));
    }
    const setupMs = performance.now() - setupStarted;
    const accept = await measure(callers, 'accepted', (c) => json('POST', `${server.url}/agent/sessions/${c.sessionId}/accept`));
    const live = (await json('GET', `${server.url}/agent/sessions`)).sessions.filter((s: { phase: string }) => s.phase === 'active').length;
    const heartbeat = setInterval(() => callers.forEach((c) => c.socket.send('{"type":"ping"}')), 1000);
    await Promise.race([new Promise((resolve) => setTimeout(resolve, HOLD_SECONDS * 1000).unref()), server.exited]);
    clearInterval(heartbeat);
    const held = procStat(server);
    const hangUp = await measure(callers, 'ended', (c) => json('POST', `${server.url}/agent/sessions/${c.sessionId}/hangup`));
    const after = procStat(server);
    const all = [...accept, ...hangUp].sort((a, b) => a - b);
    const report = {
      date: new Date().toISOString(),
      calls: CALLS,
      callsHeldConcurrently: live,
      setupSeconds: +(setupMs / 1000).toFixed(2),
      eventLatencyMs: { p50: +percentile(all, 50).toFixed(2), p99: +percentile(all, 99).toFixed(2), max: +all[all.length - 1].toFixed(2) },
      acceptLatencyMs: { p50: +percentile(accept, 50).toFixed(2), p99: +percentile(accept, 99).toFixed(2) },
      hangUpLatencyMs: { p50: +percentile(hangUp, 50).toFixed(2), p99: +percentile(hangUp, 99).toFixed(2) },
      serverRssMb: { idle: +before.rssMb.toFixed(1), holding: +held.rssMb.toFixed(1) },
      serverCpuSeconds: +((after.cpuMs - before.cpuMs) / 1000).toFixed(2),
      goals: { calls: 1000, p99Ms: 50 },
    };
    if (values.json) {
      console.log(JSON.stringify(report, null, 2));
    } else {
      console.log(`tccc-dev-server load: ${report.calls} callers over loopback (server: one Node process, one core)`);
      console.log(`  calls held at once    ${report.callsHeldConcurrently}`);
      console.log(`  event latency         p50 ${report.eventLatencyMs.p50} ms · p99 ${report.eventLatencyMs.p99} ms · max ${report.eventLatencyMs.max} ms`);
      console.log(`  server memory         ${report.serverRssMb.idle} MB idle → ${report.serverRssMb.holding} MB holding the calls`);
      console.log(`  server CPU            ${report.serverCpuSeconds} s for accept + hold ${HOLD_SECONDS} s + hang up`);
      const met = report.callsHeldConcurrently >= 1000 && report.eventLatencyMs.p99 < 50;
      console.log(`  goal (1000 calls, p99 < 50 ms): ${met ? 'met' : 'NOT met'}`);
    }
  } catch (error) {
    // A dead server shows up as refused connections or missing /proc files: say what really happened.
    // A refused connection can come a moment before the exit is reported.
    await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
    if (server.exit) throw new ServerDied(diedMessage(server));
    throw error;
  } finally {
    callers.forEach((c) => c.socket.terminate());
    server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ServerDied ? `load: ${error.message}` : error);
  process.exit(1);
});
