// The CLI end to end, in-process: help, version, usage errors (exit 2) and failures (exit 1).
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands.js';
import { type Flags, GLOBAL_FLAGS } from './flags.js';
import { main } from './main.js';

async function cli(argv: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    env: { HOME: '/nonexistent', FROM_ENV: 'env-value' },
    stdin: async () => stdin,
  });
  return { code, stdout, stderr };
}

const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

const NAMES =
  'build copy inspect tags delete sync login logout images pull push rmi tag prune run ps logs stop rm wait exec pod kube version help'.split(
    ' ',
  );

describe('the command table', () => {
  it('has exactly the commands lighter documents, in that order', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(NAMES);
  });

  it('gives no two flags of a command the same short letter, nor a global one', () => {
    const check = (flags: Flags, where: string) => {
      const shorts = [...Object.values(flags), ...Object.values(GLOBAL_FLAGS as Flags)]
        .map((f) => f.short)
        .filter((s) => s !== undefined);
      expect(new Set(shorts).size, where).toBe(shorts.length);
      for (const name of Object.keys(flags)) expect(GLOBAL_FLAGS, where).not.toHaveProperty(name);
    };
    for (const c of COMMANDS) {
      check(c.flags, c.name);
      for (const sub of c.subcommands ?? []) check(sub.flags, `${c.name} ${sub.name}`);
    }
  });

  it('gives every command a run function or subcommands', () => {
    for (const c of COMMANDS) expect(Boolean(c.run) !== Boolean(c.subcommands), c.name).toBe(true);
  });
});

describe('help', () => {
  it.each([[['--help']], [['-h']], [['help']]])(
    '%j lists every command on stdout',
    async (argv) => {
      const { code, stdout, stderr } = await cli(argv);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      for (const c of COMMANDS)
        expect(stdout).toMatch(new RegExp(`^  ${c.name} +${c.summary}`, 'm'));
    },
  );

  it('without a command prints the list to stderr and exits 2', async () => {
    const { code, stdout, stderr } = await cli([]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Usage: lighter [--debug] [--store DIR] COMMAND');
  });

  it.each([[['help', 'copy']], [['copy', '--help']], [['copy', '-h']], [['--help', 'copy']]])(
    '%j shows the copy flags',
    async (argv) => {
      const { code, stdout } = await cli(argv);
      expect(code).toBe(0);
      expect(stdout).toContain('Usage: lighter copy [flags] SOURCE DESTINATION');
      for (const flag of [
        '--src-creds USER:PASS',
        '--dest-tls-verify',
        '--retry-times N',
        '-a, --all',
        '--multi-arch',
        '--platform',
        '--override-os',
        '--override-arch',
        '--preserve-digests',
        '-f, --format oci|v2s2',
        '--dest-compress-format',
        '--digestfile',
        '--authfile',
        '--debug',
        '--store DIR',
      ]) {
        expect(stdout).toContain(flag);
      }
    },
  );

  it('has a help page for every command and subcommand', async () => {
    for (const c of COMMANDS) {
      const { code, stdout } = await cli(['help', c.name]);
      expect(code, c.name).toBe(0);
      expect(stdout).toContain(`Usage: lighter ${c.usage}`);
      for (const sub of c.subcommands ?? []) {
        const nested = await cli([c.name, sub.name, '--help']);
        expect(nested.code).toBe(0);
        expect(nested.stdout).toContain(`Usage: lighter ${sub.usage}`);
        expect((await cli(['help', c.name, sub.name])).stdout).toBe(nested.stdout);
      }
    }
  });

  it('does not treat --help after the image of run as its own', async () => {
    // The image cannot be had (nothing listens on port 1), so run fails trying to pull it:
    // proof that it took `ls --help` as the container's command, not as a request for help.
    const store = mkdtempSync(join(tmpdir(), 'lighter-cli-'));
    try {
      const { code, stdout, stderr } = await cli([
        '--store',
        store,
        'run',
        '127.0.0.1:1/none:1',
        'ls',
        '--help',
      ]);
      expect(code).toBe(1);
      expect(stdout).not.toContain('Usage:');
      expect(stderr).toContain('127.0.0.1:1');
    } finally {
      rmSync(store, { recursive: true, force: true });
    }
  });
});

describe('version', () => {
  it.each([[['version']], [['--version']]])('%j prints package.json version', async (argv) => {
    const { code, stdout } = await cli(argv);
    expect(code).toBe(0);
    expect(stdout).toBe(`lighter ${pkg.version}\n`);
  });
});

describe('usage errors exit 2', () => {
  it.each([
    [['cpy', 'a', 'b'], 'lighter: unknown command "cpy" (did you mean "copy"?)'],
    [['deploy'], 'lighter: unknown command "deploy"\n'],
    [['--bogus', 'copy'], 'lighter: unknown flag "--bogus"'],
    [
      ['copy', '--forrmat', 'oci', 'a', 'b'],
      'lighter copy: unknown flag "--forrmat" (did you mean "--format"?)',
    ],
    [
      ['copy', '--creds', 'u:p', 'a', 'b'],
      'lighter copy: unknown flag "--creds" (did you mean "--src-creds"?)',
    ],
    [
      ['copy', 'a'],
      'lighter copy: expected 2 arguments, got 1 (usage: lighter copy [flags] SOURCE DESTINATION)',
    ],
    [
      ['copy', '--src-tls-verify=maybe', 'a', 'b'],
      'lighter copy: flag --src-tls-verify takes true or false, got "maybe"',
    ],
    [
      ['copy', '--retry-times', 'lots', 'a', 'b'],
      'lighter copy: flag --retry-times: expected an integer from 0 to 100, got "lots"',
    ],
    [
      ['copy', '--format', 'v2s1', 'a', 'b'],
      'lighter copy: flag --format: expected one of oci, v2s2, got "v2s1"',
    ],
    [
      ['copy', '--all', '--multi-arch', 'system', 'a', 'b'],
      'lighter copy: flag --all cannot be combined with --multi-arch=system',
    ],
    [
      ['copy', '--platform', 'linux/arm64', '--override-os', 'linux', 'a', 'b'],
      'lighter copy: flag --platform cannot be combined with --override-os',
    ],
    [
      ['copy', '--platform', 'arm64', 'a', 'b'],
      'lighter copy: flag --platform: expected OS/ARCH[/VARIANT], got "arm64"',
    ],
    [
      ['copy', '--preserve-digests', '--format', 'oci', 'a', 'b'],
      'lighter copy: flag --preserve-digests cannot be combined with --format',
    ],
    [
      ['copy', '--src-creds', 'nocolon', 'a', 'b'],
      'lighter copy: flag --src-creds: expected USER:PASS with both parts non-empty',
    ],
    [['inspect'], 'lighter inspect: expected 1 argument, got 0'],
    [['ps', 'x'], 'lighter ps: expected no arguments, got 1'],
    [['push'], 'lighter push: expected 1 or 2 arguments, got 0'],
    [['tag', 'a'], 'lighter tag: expected at least 2 arguments, got 1'],
    [['sync', 'a', 'b'], 'lighter sync: flag --src is required'],
    [['login', 'r.io'], 'lighter login: flag --username is required'],
    [
      ['login', '-u', 'me', 'r.io'],
      'lighter login: a password is required: --password or --password-stdin',
    ],
    [['logout'], 'lighter logout: give a REGISTRY, or --all for every one'],
    [['rmi'], 'lighter rmi: give at least one IMAGE, or --all'],
    [['stop', '--all', 'c1'], 'lighter stop: give names or --all, not both'],
    [['build', '--push', '.'], 'lighter build: flag --push needs at least one --tag to push to'],
    [['build', '--output', 'type=local,dest=x'], 'lighter build: flag --output: expected oci:…'],
    [
      ['build', '--secret', 'src=/x'],
      'lighter build: flag --secret: expected id=ID[,src=PATH|env=VAR], got "src=/x"',
    ],
    [
      ['build', '--label', 'novalue'],
      'lighter build: flag --label: expected KEY=VALUE, got "novalue"',
    ],
    [
      ['run', '-p', '80:http', 'busybox'],
      'lighter run: flag --publish: expected [IP:]HOST:CONTAINER[/tcp|/udp], got "80:http"',
    ],
    [
      ['run', '-v', 'relative', 'busybox'],
      'lighter run: flag --volume: expected SRC:DST[:ro|rw] with DST absolute, got "relative"',
    ],
    [
      ['run', '--health-retries', '3', 'busybox'],
      'lighter run: flag --health-retries needs --health-cmd',
    ],
    [
      ['run', '--timeout', 'soon', 'busybox'],
      'lighter run: flag --timeout: expected a duration such as 30s, 5m or 1h30m, got "soon"',
    ],
    [['run', '--network', 'pod', 'busybox'], 'lighter run: flag --network=pod needs --pod'],
    [['run'], 'lighter run: expected at least 1 argument, got 0'],
    [['exec', 'c1'], 'lighter exec: expected at least 2 arguments, got 1'],
    [['pod'], 'lighter pod: missing command (one of create, ps, rm, logs)'],
    [['pod', 'crate'], 'lighter pod: unknown pod command "crate" (did you mean "create"?)'],
    [['pod', 'create', '--bogus'], 'lighter pod create: unknown flag "--bogus"'],
    [['kube', 'play'], 'lighter kube play: expected 1 argument, got 0'],
    [['help', 'cpy'], 'lighter: unknown command "cpy" (did you mean "copy"?)'],
    [['version', 'x'], 'lighter version: expected no arguments, got 1'],
  ])('%j', async (argv, message) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(message);
    expect(stderr).toMatch(/Run "lighter (help|[a-z ]+ --help)" for/);
  });
});

describe('secrets', () => {
  it('reads --password-stdin and never prints a credential', async () => {
    const { code, stderr } = await cli(
      ['--debug', 'login', '-u', 'me', '--password-stdin', 'r.io'],
      'hunter22\n',
    );
    expect(code).toBe(1);
    expect(stderr).not.toContain('hunter22');
  });

  it('masks credentials in --debug output', async () => {
    const { stderr } = await cli(['copy', '--debug', '--src-creds', 'me:hunter22', 'a', 'b']);
    expect(stderr).toContain('invalid image name "a"');
    expect(stderr).not.toContain('hunter22');
  });
});
