// Runs a bundled JavaScript action the way the GitHub runner does: env inputs, file commands, post step.

import { spawn } from 'node:child_process';
import { chown, lstat, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { makeTempDir, removeTempDir } from './temp-dir.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type ActionName = 'build' | 'copy' | 'run';
export type InputValue = string | number | boolean | readonly string[];

export interface RunActionOptions {
  /** By action.yml name; unknown names throw, as a typo should. Arrays are joined by newlines. */
  inputs?: Record<string, InputValue>;
  /** Added last, over the runner's variables (so a test can replace any of them). */
  env?: Record<string, string>;
  /** GITHUB_WORKSPACE and the working directory; default a fresh temp dir, removed afterwards. */
  cwd?: string;
  /** RUNNER_TEMP, shared by main and post; default a fresh temp dir, removed afterwards. */
  runnerTemp?: string;
  /** Per step; the step is killed (SIGKILL) when it runs longer. Default 5 minutes. */
  timeoutMs?: number;
  /**
   * The runner's user, when not this process's (GitHub's runners run actions as `runner`, which
   * has password-less sudo): the steps run as it, and the scratch dirs are made its own.
   */
  user?: { uid: number; gid: number };
}

/** A `::command key=value,...::message` line from stdout (`error`, `warning`, `add-mask`, ...). */
export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
  /** `main` or `post`. */
  step: 'main' | 'post';
}

export interface ActionResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** What main wrote to GITHUB_OUTPUT (a post step's outputs reach nothing on the runner). */
  outputs: Record<string, string>;
  /** What main wrote to GITHUB_STATE (given to post as STATE_*). */
  state: Record<string, string>;
  /** Variables exported through GITHUB_ENV by main and post. */
  env: Record<string, string>;
  /** Directories added through GITHUB_PATH by main and post. */
  path: string[];
  /** The job summary: main's GITHUB_STEP_SUMMARY, then post's, as the job page shows them. */
  summary: string;
  /** Workflow commands both steps printed, in order. */
  commands: WorkflowCommand[];
  /** Set when action.yml has `runs.post` and its `post-if` held. */
  postExitCode?: number | null;
  postStdout?: string;
  postStderr?: string;
}

interface ActionMetadata {
  inputs?: Record<string, { default?: unknown } | null>;
  runs?: { using?: string; main?: string; pre?: string; post?: string; 'post-if'?: string };
}

/**
 * Runs `node <action dir>/<runs.main>` as the runner does (HOST-NOTES "How the runner runs a
 * JavaScript action"), then `runs.post` when its condition holds, and collects what they wrote.
 * `action` is a name under actions/ (whose runs.main points at dist/<name>/index.js) or
 * `{ actionDir }` for any directory holding an action.yml.
 */
export async function runAction(
  action: ActionName | { actionDir: string },
  options: RunActionOptions = {},
): Promise<ActionResult> {
  const actionDir =
    typeof action === 'string' ? join(REPO_ROOT, 'actions', action) : resolve(action.actionDir);
  const metadata = parse(await readFile(join(actionDir, 'action.yml'), 'utf8')) as ActionMetadata;
  const runs = metadata.runs;
  if (!runs?.main || !/^node\d+$/.test(runs.using ?? '')) {
    throw new Error(
      `runAction: ${actionDir}/action.yml is not a JavaScript action (runs.using: node24)`,
    );
  }
  if (runs.pre) throw new Error('runAction: runs.pre is not supported yet');

  // Resolved against the action's directory, as the runner does: ../../dist/<name>/index.js.
  const mainScript = join(actionDir, runs.main);
  const postScript = runs.post ? join(actionDir, runs.post) : undefined;
  for (const script of [mainScript, postScript]) {
    if (script && !(await isFile(script))) {
      throw new Error(
        `runAction: ${script} does not exist; build the bundles with \`npm run bundle\``,
      );
    }
  }

  const scratch = await makeTempDir('action');
  try {
    const workspace = options.cwd ?? join(scratch, 'workspace');
    const runnerTemp = options.runnerTemp ?? join(scratch, 'runner-temp');
    await mkdir(workspace, { recursive: true });
    await mkdir(runnerTemp, { recursive: true });
    const eventPath = join(scratch, 'event.json');
    await writeFile(eventPath, '{}\n');
    const user = options.user;
    if (user) {
      for (const dir of new Set([scratch, workspace, runnerTemp])) {
        await chownTree(dir, user.uid, user.gid);
      }
    }

    const runnerEnv: Record<string, string> = {
      ...inheritedEnv(),
      CI: 'true',
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_ACTION: 'run-action',
      GITHUB_ACTION_REPOSITORY: '',
      GITHUB_REPOSITORY: 'lighter-test/repo',
      GITHUB_REPOSITORY_OWNER: 'lighter-test',
      GITHUB_RUN_ID: '1',
      GITHUB_RUN_NUMBER: '1',
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_JOB: 'test',
      GITHUB_WORKFLOW: 'test',
      GITHUB_EVENT_NAME: 'push',
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_SHA: '0'.repeat(40),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_API_URL: 'https://api.github.com',
      RUNNER_TEMP: runnerTemp,
      RUNNER_OS: runnerOs(),
      RUNNER_ARCH: runnerArch(),
      RUNNER_NAME: 'lighter-test-runner',
    };
    const inputEnv = inputVariables(metadata, options.inputs ?? {}, {
      ...runnerEnv,
      ...options.env,
    });
    const timeoutMs = options.timeoutMs ?? 300_000;

    const main = await runStep(
      'main',
      mainScript,
      scratch,
      workspace,
      timeoutMs,
      {
        ...runnerEnv,
        ...inputEnv,
        ...options.env,
      },
      user,
    );
    const result: ActionResult = {
      exitCode: main.exitCode,
      signal: main.signal,
      stdout: main.stdout,
      stderr: main.stderr,
      outputs: main.outputs,
      state: main.state,
      env: { ...main.env },
      path: [...main.path],
      summary: main.summary,
      commands: main.commands,
    };

    if (postScript && postShouldRun(runs['post-if'] ?? 'always()', main.exitCode === 0)) {
      const stateEnv = Object.fromEntries(
        Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]),
      );
      const postEnv: Record<string, string> = {
        ...runnerEnv,
        // Later steps, post included, see what main exported and prepended to PATH.
        ...main.env,
        ...inputEnv,
        ...options.env,
        ...stateEnv,
      };
      if (main.path.length > 0) {
        postEnv.PATH = [...[...main.path].reverse(), postEnv.PATH ?? ''].join(delimiter);
      }
      const post = await runStep('post', postScript, scratch, workspace, timeoutMs, postEnv, user);
      result.postExitCode = post.exitCode;
      result.postStdout = post.stdout;
      result.postStderr = post.stderr;
      Object.assign(result.env, post.env);
      result.path.push(...post.path);
      result.summary += post.summary;
      result.commands.push(...post.commands);
    }
    return result;
  } finally {
    await removeTempDir(scratch);
  }
}

interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  env: Record<string, string>;
  path: string[];
  summary: string;
  commands: WorkflowCommand[];
}

async function runStep(
  step: 'main' | 'post',
  script: string,
  scratch: string,
  cwd: string,
  timeoutMs: number,
  env: Record<string, string>,
  user?: { uid: number; gid: number },
): Promise<StepResult> {
  const files = {
    GITHUB_OUTPUT: join(scratch, `${step}-output`),
    GITHUB_STATE: join(scratch, `${step}-state`),
    GITHUB_ENV: join(scratch, `${step}-env`),
    GITHUB_PATH: join(scratch, `${step}-path`),
    GITHUB_STEP_SUMMARY: join(scratch, `${step}-summary`),
  };
  for (const file of Object.values(files)) {
    await writeFile(file, '');
    if (user) await chown(file, user.uid, user.gid);
  }

  const { exitCode, signal, stdout, stderr } = await new Promise<{
    exitCode: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolveRun, reject) => {
    // The runner starts actions with its own bundled node; the one running vitest is Node 24 too.
    const child = spawn(process.execPath, [script], {
      cwd,
      env: { ...env, ...files },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(user ? { uid: user.uid, gid: user.gid } : {}),
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, sig) => {
      clearTimeout(timer);
      resolveRun({
        exitCode: code,
        signal: sig,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });

  const read = (file: string) => readFile(file, 'utf8');
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseFileCommands(await read(files.GITHUB_OUTPUT), 'GITHUB_OUTPUT'),
    state: parseFileCommands(await read(files.GITHUB_STATE), 'GITHUB_STATE'),
    env: parseFileCommands(await read(files.GITHUB_ENV), 'GITHUB_ENV'),
    path: (await read(files.GITHUB_PATH))
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
    summary: await read(files.GITHUB_STEP_SUMMARY),
    commands: parseWorkflowCommands(stdout, step),
  };
}

/**
 * Parses GITHUB_OUTPUT / GITHUB_STATE / GITHUB_ENV content: `name=value` lines and
 * `name<<DELIM` … `DELIM` blocks, with the runner's rules (whichever of `=` and `<<` comes
 * first decides). Malformed content throws, as it fails the step on the runner.
 */
export function parseFileCommands(text: string, file = 'file'): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const equals = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      const name = line.slice(0, equals);
      if (!name) throw new Error(`${file}: line ${i + 1} has no name: ${JSON.stringify(line)}`);
      values[name] = line.slice(equals + 1);
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc);
      const delim = line.slice(heredoc + 2);
      if (!name || !delim)
        throw new Error(`${file}: line ${i + 1} is malformed: ${JSON.stringify(line)}`);
      const body: string[] = [];
      for (i++; ; i++) {
        if (i >= lines.length) throw new Error(`${file}: no closing ${delim} for ${name}`);
        if (lines[i] === delim) break;
        body.push(lines[i]!);
      }
      values[name] = body.join('\n');
    } else {
      throw new Error(
        `${file}: line ${i + 1} is neither name=value nor name<<DELIM: ${JSON.stringify(line)}`,
      );
    }
  }
  return values;
}

/** Finds `::command k=v,k=v::message` lines, undoing the toolkit's %-escapes. */
export function parseWorkflowCommands(
  stdout: string,
  step: 'main' | 'post' = 'main',
): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^::([A-Za-z][\w-]*)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',')) {
      const eq = pair.indexOf('=');
      if (eq > 0) properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1]!, properties, message: unescapeData(match[3]!), step });
  }
  return commands;
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

function inputVariables(
  metadata: ActionMetadata,
  given: Record<string, InputValue>,
  runnerEnv: Record<string, string>,
): Record<string, string> {
  const declared = new Map(
    Object.entries(metadata.inputs ?? {}).map(([name, spec]) => [
      name.toLowerCase(),
      { name, spec },
    ]),
  );
  const env: Record<string, string> = {};
  const variable = (name: string) => `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
  for (const { name, spec } of declared.values()) {
    if (spec?.default !== undefined && spec.default !== null) {
      env[variable(name)] = expandDefault(String(spec.default), runnerEnv);
    }
  }
  for (const [name, value] of Object.entries(given)) {
    if (!declared.has(name.toLowerCase())) {
      const known = [...declared.values()].map((d) => d.name).join(', ');
      throw new Error(`runAction: action.yml declares no input "${name}" (it has: ${known})`);
    }
    env[variable(name)] = Array.isArray(value) ? value.join('\n') : String(value);
  }
  return env;
}

/** The few expressions that appear in input defaults; anything else fails loudly. */
function expandDefault(value: string, env: Record<string, string>): string {
  const known: Record<string, string> = {
    'github.token': env.GITHUB_TOKEN ?? '',
    'github.workspace': env.GITHUB_WORKSPACE ?? '',
    'runner.temp': env.RUNNER_TEMP ?? '',
    'runner.os': env.RUNNER_OS ?? '',
    'runner.arch': env.RUNNER_ARCH ?? '',
  };
  return value.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_all, expression: string) => {
    const expanded = known[expression];
    if (expanded === undefined)
      throw new Error(`runAction: cannot evaluate \${{ ${expression} }} in a default`);
    return expanded;
  });
}

function postShouldRun(condition: string, mainSucceeded: boolean): boolean {
  const c = condition.replace(/\s+/g, '');
  if (c === 'always()' || c === '!cancelled()') return true;
  if (c === 'success()') return mainSucceeded;
  if (c === 'failure()') return !mainSucceeded;
  throw new Error(`runAction: post-if "${condition}" is not supported`);
}

/** The host's environment without what vitest or an enclosing workflow step set. */
function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value === undefined) continue;
    if (/^(INPUT_|STATE_|GITHUB_|RUNNER_|ACTIONS_|VITEST)/.test(name)) continue;
    if (name === 'NODE_OPTIONS' || name === 'NODE_ENV' || name === 'TEST') continue;
    env[name] = value;
  }
  return env;
}

function runnerOs(): string {
  return process.platform === 'darwin'
    ? 'macOS'
    : process.platform === 'win32'
      ? 'Windows'
      : 'Linux';
}

function runnerArch(): string {
  return (
    ({ x64: 'X64', arm64: 'ARM64', arm: 'ARM', ia32: 'X86' } as Record<string, string>)[
      process.arch
    ] ?? process.arch.toUpperCase()
  );
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  );
}

/** `chown -R`, without following symlinks. */
async function chownTree(path: string, uid: number, gid: number): Promise<void> {
  const info = await lstat(path);
  if (info.isDirectory()) {
    for (const name of await readdir(path)) await chownTree(join(path, name), uid, gid);
  }
  if (!info.isSymbolicLink()) await chown(path, uid, gid);
}
