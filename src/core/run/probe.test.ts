// Readiness checks: how they are written (flags, HEALTHCHECK) and how waiting for them behaves.

import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, createServer, type Server } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeCheck, imageProbe, parseHealthCommand, probe, runCheck } from './probe.js';
import { waitReady } from './readiness.js';

describe('parseHealthCommand', () => {
  it.each([
    ['none', 'none'],
    ['NONE', 'none'],
    ['tcp://:5432', { kind: 'tcp', port: 5432 }],
    ['tcp:6379', { kind: 'tcp', port: 6379 }],
    ['tcp://db:5432', { kind: 'tcp', port: 5432, host: 'db' }],
    ['tcp://[::1]:80', { kind: 'tcp', port: 80, host: '::1' }],
    [
      'http://localhost:8080/health?x=1',
      { kind: 'http', scheme: 'http', port: 8080, path: '/health?x=1', host: 'localhost' },
    ],
    [
      'https://localhost/',
      { kind: 'http', scheme: 'https', port: 443, path: '/', host: 'localhost' },
    ],
    ['http://127.0.0.1', { kind: 'http', scheme: 'http', port: 80, path: '/', host: '127.0.0.1' }],
    [
      'pg_isready -U postgres',
      { kind: 'exec', command: ['/bin/sh', '-c', 'pg_isready -U postgres'] },
    ],
    ['["CMD", "pg_isready"]', { kind: 'exec', command: ['pg_isready'] }],
    ['["CMD-SHELL", "test -f /x"]', { kind: 'exec', command: ['/bin/sh', '-c', 'test -f /x'] }],
    ['["redis-cli", "ping"]', { kind: 'exec', command: ['redis-cli', 'ping'] }],
  ])('%s', (text, expected) => {
    expect(parseHealthCommand(text)).toEqual(expected);
  });

  it.each([
    ['', /^expected a health command/],
    ['tcp://:0', /^expected a port 1-65535/],
    ['tcp:99999', /^expected a port 1-65535/],
    ['[1, 2]', /^expected a JSON array of strings/],
    ['[oops', /^expected a JSON array of strings/],
  ])('refuses %j', (text, message) => {
    expect(() => parseHealthCommand(text)).toThrow(message);
  });

  it('describes checks in one line', () => {
    expect(describeCheck({ kind: 'exec', command: ['/bin/sh', '-c', 'test -f /x'] })).toBe(
      'exec test -f /x',
    );
    expect(describeCheck({ kind: 'tcp', port: 5432 })).toBe('tcp :5432');
    expect(describeCheck({ kind: 'http', scheme: 'http', port: 80, path: '/h' })).toBe(
      'http :80/h',
    );
  });
});

describe('imageProbe', () => {
  it('reads a HEALTHCHECK, durations in nanoseconds, with Docker defaults', () => {
    expect(
      imageProbe({
        Test: ['CMD-SHELL', 'test', '-f', '/ready'],
        Interval: 2e9,
        Retries: 5,
        StartPeriod: 1e9,
      }),
    ).toEqual({
      check: { kind: 'exec', command: ['/bin/sh', '-c', 'test -f /ready'] },
      intervalMs: 2000,
      timeoutMs: 30_000,
      retries: 5,
      startPeriodMs: 1000,
      delayMs: 0,
    });
    expect(imageProbe({ Test: ['NONE'] })).toBeUndefined();
    expect(imageProbe({ Test: [] })).toBeUndefined();
    expect(imageProbe(undefined)).toBeUndefined();
  });
});

describe('runCheck and waitReady', () => {
  let server: Server;
  let port: number;
  let httpPort: number;
  const http = createHttpServer((req, res) => {
    res.statusCode = req.url === '/ok' ? 204 : 503;
    res.end();
  });
  beforeAll(async () => {
    server = createServer((s) => s.end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    httpPort = (http.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await new Promise((r) => http.close(r));
  });

  const io = {
    connect: (p: number, host?: string) =>
      new Promise<Duplex>((resolve, reject) => {
        const s = connect(p, host ?? '127.0.0.1');
        s.once('connect', () => resolve(s));
        s.once('error', reject);
      }),
    exec: async (argv: readonly string[]) => ({
      exitCode: argv[0] === 'ok' ? 0 : 3,
      stdout: '',
      stderr: 'nope\n',
    }),
  };

  it('runs each kind of check once', async () => {
    expect(await runCheck({ kind: 'tcp', port }, 1000, io)).toEqual({
      ok: true,
      detail: 'connected',
    });
    expect((await runCheck({ kind: 'tcp', port: 1 }, 1000, io)).ok).toBe(false);
    expect(
      await runCheck({ kind: 'http', scheme: 'http', port: httpPort, path: '/ok' }, 1000, io),
    ).toEqual({
      ok: true,
      detail: 'HTTP 204',
    });
    expect(
      await runCheck({ kind: 'http', scheme: 'http', port: httpPort, path: '/' }, 1000, io),
    ).toEqual({
      ok: false,
      detail: 'HTTP 503',
    });
    expect(await runCheck({ kind: 'exec', command: ['bad'] }, 1000, io)).toEqual({
      ok: false,
      detail: 'exit code 3: nope',
    });
  });

  it('is ready at the first passing check, retrying quickly at first', async () => {
    let calls = 0;
    const started = Date.now();
    const result = await waitReady({
      probe: probe({ kind: 'exec', command: ['x'] }, { intervalMs: 1000, retries: 3 }),
      connect: io.connect,
      exec: async () => ({ exitCode: ++calls >= 4 ? 0 : 1, stdout: '', stderr: '' }),
      exited: async () => undefined,
    });
    expect(result).toMatchObject({ ready: true, attempts: 4 });
    // 10 + 20 + 40 ms between the four checks, not three intervals of a second.
    // (Bounded well above the 70 ms, so a loaded machine's stall does not fail it.)
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('gives up after delay + start period + retries × interval, saying why', async () => {
    const started = Date.now();
    const result = await waitReady({
      probe: probe({ kind: 'tcp', port: 1 }, { intervalMs: 100, retries: 3, startPeriodMs: 100 }),
      connect: io.connect,
      exec: io.exec,
      exited: async () => undefined,
    });
    const took = Date.now() - started;
    expect(result.ready).toBe(false);
    expect(result.reason).toMatch(
      /^tcp :1: .*ECONNREFUSED.* \(not ready after \d+ check\(s\) in \d+\.\d s, its budget\)$/,
    );
    expect(took).toBeGreaterThanOrEqual(390);
    expect(took).toBeLessThan(5000);
  });

  it('stops at a deadline sooner than the budget, and at once when the container exits', async () => {
    const early = await waitReady({
      probe: probe({ kind: 'tcp', port: 1 }, { intervalMs: 10_000, retries: 3 }),
      connect: io.connect,
      exec: io.exec,
      exited: async () => undefined,
      deadline: Date.now() + 200,
    });
    expect(early.reason).toContain('the time limit');
    expect(early.ms).toBeLessThan(1000);
    const exited = await waitReady({
      probe: probe({ kind: 'tcp', port: 1 }),
      connect: io.connect,
      exec: io.exec,
      exited: async () => 2,
    });
    expect(exited).toMatchObject({
      ready: false,
      attempts: 0,
      reason: 'exited with code 2 before tcp :1 passed',
    });
  });
});
