import path from 'node:path';
import { Worker } from 'node:worker_threads';

import { buildSignup } from '../factories/accounts';
import type { LoadRequest, LoadResult } from './load.worker';
import { printNote, printRow, runBounded, summarise, type Figures } from './stats';

const CONNECTIONS = 10;
const DURATION_MS = 5_000;
const WARMUP_MS = 500;

export interface SignedIn {
  email: string;
  password: string;
  /** `name=value` of the session cookie, as a browser would send it back. */
  cookie: string;
}

/** A new organisation and owner through the real sign-up and log-in routes; the session cookie comes back. */
export async function signUp(baseUrl: string): Promise<SignedIn> {
  const body = buildSignup();
  const signup = await post(`${baseUrl}/api/v1/auth/signup`, body);
  if (signup.status !== 202) throw new Error(`signup answered ${signup.status}: ${await signup.text()}`);
  // Sign-up signs nobody in (it answers the same for a taken address): log in as the new owner.
  const res = await post(`${baseUrl}/api/v1/auth/login`, { email: body.email, password: body.password });
  if (res.status !== 200) throw new Error(`log-in answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('signup set no session cookie');
  return { email: body.email, password: body.password, cookie };
}

/** 1. Requests per second and latency at a fixed concurrency, for a fixed time. */
export async function benchHttp(baseUrl: string, session: SignedIn): Promise<void> {
  for (const [name, route, cookie] of [
    ['GET /healthz', '/healthz', undefined],
    ['GET /api/v1/auth/session (signed in)', '/api/v1/auth/session', session.cookie],
  ] as const) {
    const result = await load({
      url: `${baseUrl}${route}`,
      cookie,
      connections: CONNECTIONS,
      warmupMs: WARMUP_MS,
      durationMs: DURATION_MS,
      maxRequests: 500_000,
    });
    const other = Object.entries(result.statuses).filter(([status]) => status !== '200');
    if (result.errors || other.length) {
      throw new Error(
        `${route}: ${result.errors} errors, non-200 answers ${JSON.stringify(Object.fromEntries(other))}`,
      );
    }
    printRow(summarise(`${name}, c=${CONNECTIONS}, ${DURATION_MS / 1000} s`, result.samplesMs, result.elapsedMs));
  }
}

/**
 * 2. argon2id dominates a login. An unknown email is verified against a dummy hash so it costs
 * about the same as a known one. Two ratios: against a successful login (which goes on to load
 * memberships, write an audit entry and save a session), and against a wrong password for a
 * known email, the pair someone probing for accounts would actually compare.
 */
export async function benchLogin(baseUrl: string, session: SignedIn): Promise<void> {
  const attempt = (email: string, password: string, expected: number) => async () => {
    const res = await post(`${baseUrl}/api/v1/auth/login`, { email, password });
    await res.arrayBuffer();
    if (res.status !== expected) throw new Error(`login for ${email} answered ${res.status}, expected ${expected}`);
  };
  const cases = [
    { name: 'known email', count: 20, run: attempt(session.email, session.password, 200) },
    { name: 'unknown email', count: 10, run: attempt(`nobody-${Date.now()}@example.test`, session.password, 401) },
    { name: 'known email, wrong password', count: 10, run: attempt(session.email, 'not the password', 401) },
  ];
  // The first unknown email of a process also computes the dummy hash; warm every path first.
  for (const c of cases) await c.run();

  const figures: Figures[] = [];
  for (const c of cases) {
    const run = await runBounded(c.count, 1, c.run);
    figures.push(summarise(`POST /auth/login, ${c.name}`, run.samplesMs, run.elapsedMs));
    printRow(figures.at(-1)!);
  }
  const [known, unknown, wrong] = figures;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  printNote(
    `mean known ${known.meanMs.toFixed(1)} ms, unknown ${unknown.meanMs.toFixed(1)} ms, ` +
      `wrong password ${wrong.meanMs.toFixed(1)} ms; unknown/known = ${ratio(unknown.meanMs, known.meanMs)}, ` +
      `unknown/wrong password = ${ratio(unknown.meanMs, wrong.meanMs)} (p50s: ${ratio(unknown.p50Ms, wrong.p50Ms)})`,
  );
}

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

function load(request: LoadRequest): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'load.worker.ts'), { workerData: request });
    worker.once('message', (result: LoadResult) => resolve(result));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load generator exited with code ${code} before answering`)));
  });
}
