/**
 * Slack in HTTP mode: signed slash commands against rostrum and two bare Bolt apps (one acks a fixed
 * text, one acks and answers through respond()), each on the same fake Slack Web API, at 50 and 200
 * commands in flight. Prints ack p50/p99 and answered requests per second with their ratios, then
 * floods rostrum with acks that do not wait for answers, to show no ack passes Slack's 3 s.
 * Run: npm run bench -- slack [trials]
 */
import { createServer, request, Agent, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackSignature, slashCommandBody, startFakeSlack } from '../tests/support/fake-slack/index.js';
import { cpuMs, deadline, freePort, until } from './support/processes.js';
import { quantile, printTable, type Row } from './support/stats.js';
import { startFloor, startRostrum, type Subject } from './support/subjects.js';

deadline('slack', 8 * 60_000);
const trials = Number(process.argv[2] ?? 3);
const WINDOW_MS = 3000;
const SECRET = 'bench-signing-secret';
const TOKEN = 'xoxb-bench-token';
const LEVELS = [50, 200] as const;
const CHANNELS = 20;

const fake = await startFakeSlack();

/** response_url endpoints: each command's answer resolves its waiter. */
const waiting = new Map<string, () => void>();
const sink = createServer((req: IncomingMessage, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    const id = decodeURIComponent((req.url ?? '').slice('/r/'.length));
    waiting.get(id)?.();
    waiting.delete(id);
  });
});
await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
const sinkUrl = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/r/`;

let sequence = 0;
/** Kept-alive connections to the app under test, opened during the warm-up (see `started`). */
let agent = new Agent({ keepAlive: true, maxSockets: 400 });

function post(port: number, raw: string, via: Agent = agent): Promise<number> {
  const ts = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'content-length': String(Buffer.byteLength(raw)),
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': slackSignature(SECRET, ts, raw),
  };
  return new Promise((res, rej) => {
    const req = request({ host: '127.0.0.1', port, path: '/slack/events', method: 'POST', headers, agent: via }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', rej);
    req.end(raw);
  });
}

interface Load {
  acks: number[];
  answered: number;
  sent: number;
  seconds: number;
  cpuPerRequestMs: number;
  errors: number;
}

/**
 * `inFlight` clients, each sending a command, waiting for its ack and (when `answers`) its answer on
 * the response_url, then sending the next, for `ms`.
 */
async function load(subject: Subject, port: number, inFlight: number, ms: number, answers: boolean, wait = true, via: Agent = agent): Promise<Load> {
  const acks: number[] = [];
  let answered = 0;
  let sent = 0;
  let errors = 0;
  const cpu0 = cpuMs(subject.pid);
  const t0 = performance.now();
  const end = t0 + ms;
  const answersSeen: Promise<void>[] = [];
  const client = async (n: number) => {
    while (performance.now() < end) {
      const id = `c${++sequence}`;
      const raw = slashCommandBody({
        command: '/keypoints', text: '', channelId: `C${n % CHANNELS}`, userId: `U${n}`, userName: `user${n}`,
        responseUrl: sinkUrl + id, triggerId: `trig-${id}`,
      }).toString();
      const answer = answers ? new Promise<void>((r) => waiting.set(id, r)) : null;
      const s = performance.now();
      sent += 1;
      const status = await post(port, raw, via).catch(() => 0);
      acks.push(performance.now() - s);
      if (status !== 200) errors += 1;
      if (!answer) continue;
      const counted = answer.then(() => {
        if (performance.now() <= end) answered += 1;
      });
      if (wait) await Promise.race([counted, new Promise((r) => setTimeout(r, 10_000))]);
      else answersSeen.push(counted);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, (_, n) => client(n)));
  const seconds = (performance.now() - t0) / 1000;
  const cpu = cpuMs(subject.pid) - cpu0;
  return { acks, answered, sent, seconds, cpuPerRequestMs: cpu / Math.max(1, sent), errors };
}

async function started(kind: 'ack' | 'respond' | 'rostrum'): Promise<{ subject: Subject; port: number }> {
  const port = await freePort();
  const env = { SLACK_BOT_TOKEN: TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port) };
  const subject = kind === 'rostrum' ? startRostrum(env) : startFloor('bare-bolt.mjs', { ...env, FLOOR_MODE: kind });
  // Up when the receiver answers at all (an unsigned request gets 401).
  await until(async () => (await post(port, 'x').catch(() => 0)) > 0, 30_000, `${kind} listening`);
  // Warm-up at the most in flight measured: the JIT, the store's first writes and opening 200
  // connections are not what the windows measure (bursts on new connections are measured apart).
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: 400 });
  await load(subject, port, 200, 1500, kind !== 'ack');
  await until(() => waiting.size === 0, 30_000, 'warm-up answered').catch(() => waiting.clear());
  return { subject, port };
}

/** 200 commands at once, each on a new connection: the slowest ack. */
async function burst(subject: Subject, port: number): Promise<number> {
  const fresh = new Agent({ keepAlive: false, maxSockets: 400 });
  const r = await load(subject, port, 200, 5, false, false, fresh);
  fresh.destroy();
  return Math.max(...r.acks);
}

const figures = {
  ackP50: { ours: new Map<number, number[]>(), floor: new Map<number, number[]>() },
  ackP99: { ours: new Map<number, number[]>(), floor: new Map<number, number[]>() },
  ackMax: new Map<number, number[]>(),
  answered: { ours: new Map<number, number[]>(), respondFloor: new Map<number, number[]>(), ackFloor: new Map<number, number[]>() },
  cpu: { ours: [] as number[], respondFloor: [] as number[] },
  errors: 0,
  burst: { ours: [] as number[], floor: [] as number[] },
};
const push = (m: Map<number, number[]>, k: number, v: number) => m.set(k, [...(m.get(k) ?? []), v]);

for (let t = 0; t < trials; t++) {
  for (const kind of ['ack', 'respond', 'rostrum'] as const) {
    const { subject, port } = await started(kind);
    if (kind !== 'respond') (kind === 'ack' ? figures.burst.floor : figures.burst.ours).push(await burst(subject, port));
    await until(() => waiting.size === 0, 30_000, 'burst answered').catch(() => waiting.clear());
    for (const level of LEVELS) {
      const r = await load(subject, port, level, WINDOW_MS, kind !== 'ack');
      figures.errors += r.errors;
      const rate = (kind === 'ack' ? r.sent : r.answered) / r.seconds;
      if (kind === 'ack') {
        push(figures.ackP50.floor, level, quantile(r.acks, 0.5));
        push(figures.ackP99.floor, level, quantile(r.acks, 0.99));
        push(figures.answered.ackFloor, level, rate);
      } else if (kind === 'respond') {
        push(figures.answered.respondFloor, level, rate);
        if (level === 50) figures.cpu.respondFloor.push(r.cpuPerRequestMs);
      } else {
        push(figures.ackP50.ours, level, quantile(r.acks, 0.5));
        push(figures.ackP99.ours, level, quantile(r.acks, 0.99));
        push(figures.ackMax, level, Math.max(...r.acks));
        push(figures.answered.ours, level, rate);
        if (level === 50) figures.cpu.ours.push(r.cpuPerRequestMs);
      }
    }
    await subject.cleanup();
  }
}

// A flood: 200 clients that send their next command as soon as the last was acked, so the work
// after the acks piles up. The acks must stay inside Slack's 3 s; then every command is answered.
const flood = { p99: [] as number[], max: [] as number[], drainS: [] as number[], sent: [] as number[] };
for (let t = 0; t < Math.min(trials, 2); t++) {
  const { subject, port } = await started('rostrum');
  const before = sequence;
  const r = await load(subject, port, 200, WINDOW_MS, true, false);
  const t0 = performance.now();
  await until(() => waiting.size === 0, 120_000, 'every flooded command answered').catch((err) => console.error(String(err)));
  flood.drainS.push((performance.now() - t0) / 1000);
  flood.p99.push(quantile(r.acks, 0.99));
  flood.max.push(Math.max(...r.acks));
  flood.sent.push(sequence - before);
  waiting.clear();
  await subject.cleanup();
}

const rows: Row[] = [];
for (const level of LEVELS) {
  rows.push({ figure: `ack p50 at ${level} in flight`, ours: figures.ackP50.ours.get(level)!, floor: figures.ackP50.floor.get(level)!, unit: 'ms' });
  rows.push({ figure: `ack p99 at ${level} in flight`, ours: figures.ackP99.ours.get(level)!, floor: figures.ackP99.floor.get(level)!, unit: 'ms', target: level === 200 ? 'p99 < 200 ms' : '' });
  rows.push({ figure: `slowest ack at ${level} in flight`, ours: figures.ackMax.get(level)!, unit: 'ms', target: '< 3000 ms' });
  rows.push({ figure: `answered/s at ${level} vs Bolt ack+respond`, ours: figures.answered.ours.get(level)!, floor: figures.answered.respondFloor.get(level)!, unit: '/s', target: '≥ 0.8×' });
  rows.push({ figure: `answered/s at ${level} vs Bolt ack only`, ours: figures.answered.ours.get(level)!, floor: figures.answered.ackFloor.get(level)!, unit: '/s' });
}
rows.push({ figure: '200 at once on new connections: slowest ack', ours: figures.burst.ours, floor: figures.burst.floor, unit: 'ms', target: '< 3000 ms' });
rows.push({ figure: 'CPU per command at 50 vs Bolt ack+respond', ours: figures.cpu.ours, floor: figures.cpu.respondFloor, unit: 'ms' });
rows.push({ figure: 'flood (200, acks only): ack p99', ours: flood.p99, unit: 'ms', target: '< 3000 ms' });
rows.push({ figure: 'flood (200, acks only): slowest ack', ours: flood.max, unit: 'ms', target: '< 3000 ms' });
rows.push({ figure: 'flood: commands sent in 3 s', ours: flood.sent, unit: '' });
rows.push({ figure: 'flood: seconds until all answered', ours: flood.drainS, unit: 's' });
printTable(`Slack, HTTP mode, signed /keypoints over ${CHANNELS} channels (${trials} interleaved trials of ${WINDOW_MS / 1000} s)`, rows);
if (figures.errors) console.log(`non-200 acks: ${figures.errors}`);

agent.destroy();
sink.closeAllConnections();
sink.close();
await fake.close();
process.exit(0);
