// The value parsers container commands and the run action share: ports, volumes, env, durations.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  formatPort,
  parseDuration,
  parseEnvEntries,
  parseEnvFileText,
  parsePort,
  parseVolume,
  readEnvFiles,
} from './options.js';

describe('parsePort', () => {
  it.each([
    ['8080', { hostIp: undefined, hostPort: 8080, containerPort: 8080, protocol: 'tcp' }],
    ['8080:80', { hostIp: undefined, hostPort: 8080, containerPort: 80, protocol: 'tcp' }],
    [
      '127.0.0.1:5432:5432/tcp',
      { hostIp: '127.0.0.1', hostPort: 5432, containerPort: 5432, protocol: 'tcp' },
    ],
    ['[::1]:53:53/udp', { hostIp: '::1', hostPort: 53, containerPort: 53, protocol: 'udp' }],
  ])('%s', (text, expected) => {
    expect(parsePort(text)).toEqual(expected);
    expect(parsePort(formatPort(parsePort(text)))).toEqual(expected);
  });

  it.each([
    ['80:http', /^expected \[IP:\]HOST:CONTAINER\[\/tcp\|\/udp\], got "80:http"$/],
    ['localhost:80:80', /^expected \[IP:\]HOST/],
    ['80/sctp', /^expected \[IP:\]HOST/],
    ['0', /^expected ports 1-65535, got "0"$/],
    ['70000:80', /^expected ports 1-65535, got "70000:80"$/],
  ])('refuses %s', (text, message) => {
    expect(() => parsePort(text)).toThrow(message);
  });
});

describe('parseVolume', () => {
  it('reads SRC:DST and the mode', () => {
    expect(parseVolume('.:/src')).toEqual({ source: '.', destination: '/src', readOnly: false });
    expect(parseVolume('/a:/b:ro')).toEqual({ source: '/a', destination: '/b', readOnly: true });
    expect(parseVolume('/a:/b:rw').readOnly).toBe(false);
  });

  it.each(['/src', '.:src', ':/x', '/a:/b:rx', '/a:/b:ro:z'])('refuses %s', (text) => {
    expect(() => parseVolume(text)).toThrow(/^expected SRC:DST\[:ro\|rw\] with DST absolute/);
  });
});

describe('env', () => {
  it('takes KEY=VALUE, passes KEY through when set, and lets the last one win', () => {
    const env = parseEnvEntries(['A=1', 'B', 'C', 'A=2', 'EMPTY=', 'EQ=a=b'], { B: 'from host' });
    expect(Object.fromEntries(env)).toEqual({ A: '2', B: 'from host', EMPTY: '', EQ: 'a=b' });
  });

  it.each(['=x', 'A B=1', ''])('refuses %j', (entry) => {
    expect(() => parseEnvEntries([entry])).toThrow(/^expected KEY=VALUE or KEY/);
  });

  it('reads env files as Docker does: comments and blank lines skipped, later files win', async () => {
    expect(
      Object.fromEntries(parseEnvFileText('# c\n\n  A=1\r\nB=x y\nPASS\n', { PASS: 'p' })),
    ).toEqual({
      A: '1',
      B: 'x y',
      PASS: 'p',
    });
    const dir = await mkdtemp(join(tmpdir(), 'lighter-env-'));
    await writeFile(join(dir, 'a'), 'A=1\nB=1\n');
    await writeFile(join(dir, 'b'), 'B=2\n');
    expect(Object.fromEntries(await readEnvFiles([join(dir, 'a'), join(dir, 'b')]))).toEqual({
      A: '1',
      B: '2',
    });
    await expect(readEnvFiles([join(dir, 'missing')])).rejects.toThrow(
      /^reading env file .*missing: ENOENT/,
    );
    await writeFile(join(dir, 'bad'), 'OK=1\nNOT A KEY=2\n');
    await expect(readEnvFiles([join(dir, 'bad')])).rejects.toThrow(
      /reading env file .*bad: expected KEY=VALUE or KEY/,
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['30', 30],
    ['1.5', 1.5],
    ['30s', 30],
    ['0.2s', 0.2],
    ['500ms', 0.5],
    ['5m', 300],
    ['1h30m', 5400],
    ['2m30s', 150],
    ['1h', 3600],
  ])('%s is %d s', (text, seconds) => {
    expect(parseDuration(text)).toBeCloseTo(seconds);
  });

  it.each([
    ['soon', /^expected a duration such as 30s, 5m or 1h30m, got "soon"$/],
    ['', /^expected a duration/],
    ['10 minutes', /^expected a duration/],
    ['5x', /^expected a duration/],
    ['0s', /^expected a duration above zero, got "0s"$/],
    ['0', /^expected a duration above zero/],
  ])('refuses %j', (text, message) => {
    expect(() => parseDuration(text)).toThrow(message);
  });
});
