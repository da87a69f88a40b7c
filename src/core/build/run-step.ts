// RUN: the command in an OCI runtime on an overlay of the parent layers; the overlay's upper dir becomes the new layer.
//
// The upper dir is made inside the store's layers/ directory, so once it has been written out as
// a tar it is renamed into place as the new layer's unpacked dir: nothing is extracted again.
// Mount points the runtime had to create (/etc/hosts for a scratch image, a cache mount's
// target) are removed afterwards when still empty, as BuildKit does, so they never reach the
// image.

import { randomBytes } from 'node:crypto';
import {
  chmod,
  link,
  lstat,
  mkdir,
  readdir,
  readlink,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join, posix } from 'node:path';
import { errorMessage, LighterError } from '../errors.js';
import type { Logger } from '../log.js';
import {
  type BindMount,
  buildSpec,
  containerPaths,
  createContainer,
  defaultStateDir,
  mountOverlay,
  mountRootfs,
  type Rootfs,
  type Runtime,
  type TmpfsMount,
  unmount,
  unmountRootfs,
} from '../runtime/index.js';
import { resolveInRoot } from '../runtime/root-path.js';
import { chownTo, layersAsRoot, removeStubsAsRoot, rootReader } from '../storage/as-root.js';
import { removeEmptyStubs } from '../storage/layer/stubs.js';
import { removeTree } from '../storage/remove-tree.js';
import type { Store } from '../storage/store.js';
import { makeTempLayerDir } from '../storage/unpack.js';
import type { CacheMounts } from './cache-mounts.js';
import type { Claims } from './claims.js';
import type { IgnoreMatcher } from './context/ignore.js';
import { walkContext } from './context/walk.js';
import type { PlannedInstruction, PlannedMount } from './dockerfile/plan.js';
import { type WrittenLayer, writeDirLayer } from './layer-writer.js';

type PlannedRun = Extract<PlannedInstruction, { kind: 'RUN' }>;

export interface RunContext {
  store: Store;
  lease: Claims;
  run: PlannedRun;
  /** `Dockerfile:7`, for messages; the position for errors. */
  where: string;
  position: { file: string; line: number };
  /** The stage's layer dirs, top first (empty for a scratch stage with no layer yet). */
  lowerDirs: readonly string[];
  runtime: Runtime;
  stateDir: string | undefined;
  /** RUN's network when the instruction does not say. */
  defaultNetwork: 'host' | 'none';
  secrets: ReadonlyMap<string, Buffer>;
  contextDir: string;
  ignore: IgnoreMatcher;
  /** Layer dirs (top first) of a stage or image a bind mount reads from. */
  sourceDirs(mount: PlannedMount): Promise<readonly string[] | 'context'>;
  cacheMounts: CacheMounts;
  /** Proxy build args: in the environment, never in the image. */
  proxy: Readonly<Record<string, string>>;
  sourceDateEpoch: number | undefined;
  logger: Logger;
  /** Where output lines go (default: the logger). */
  onOutput?: (line: string) => void;
}

export interface RunResult {
  /** The new layer, or undefined when the command changed nothing. */
  layer: WrittenLayer | undefined;
  /** The upper dir, ready to be placed as the layer's unpacked dir (removed by the caller otherwise). */
  upperDir: string;
  exitCode: number;
}

interface Prepared {
  volumes: BindMount[];
  tmpfs: TmpfsMount[];
  env: string[];
  /** Mount targets, for the stub cleaner. */
  targets: string[];
  cleanups: (() => Promise<void>)[];
}

function buildError(ctx: RunContext, message: string, cause?: unknown): LighterError {
  return new LighterError('ERR_BUILD', `${ctx.where}: ${message}`, {
    ...(cause === undefined ? {} : { cause }),
    details: { file: ctx.position.file, line: ctx.position.line },
  });
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

/** Runs one RUN instruction; the caller places or removes `upperDir`. */
export async function executeRun(ctx: RunContext): Promise<RunResult> {
  const { store, run } = ctx;
  if (run.security === 'insecure') {
    throw buildError(
      ctx,
      'RUN --security=insecure is not supported (lighter runs no privileged steps)',
    );
  }
  const id = `build-${process.pid}-${randomBytes(5).toString('hex')}`;
  const stateDir = ctx.stateDir;
  const paths = containerPaths(stateDir ?? defaultStateDir(), id);
  const upperDir = await makeTempLayerDir(store.layersDir);
  const workDir = await makeTempLayerDir(store.layersDir);
  const scratch = join(paths.dir, 'scratch');
  let rootfs: Rootfs | undefined;
  const prepared: Prepared = { volumes: [], tmpfs: [], env: [], targets: [], cleanups: [] };
  let containerMade = false;
  try {
    await mkdir(paths.bundle, { recursive: true });
    await mkdir(scratch, { recursive: true, mode: 0o700 });
    rootfs = await mountRootfs({
      lowerDirs: ctx.lowerDirs,
      upperDir,
      workDir,
      target: paths.rootfs,
      sudo: ctx.runtime.sudo,
      logger: ctx.logger,
    });
    await prepareMounts(ctx, scratch, prepared);
    if (run.script) {
      const file = join(scratch, 'heredoc-script');
      await writeFile(file, run.script.content, { mode: run.script.mode });
      prepared.volumes.push({ source: file, destination: run.script.path, readOnly: true });
    }
    const stubs = await stubPaths(rootfs.path, [
      '/etc/resolv.conf',
      '/etc/hosts',
      '/etc/hostname',
      ...prepared.targets,
    ]);

    const network = run.network === 'default' ? ctx.defaultNetwork : run.network;
    const env = [...run.env];
    for (const [k, v] of Object.entries(ctx.proxy)) {
      if (!env.some((e) => e.startsWith(`${k}=`))) env.push(`${k}=${v}`);
    }
    env.push(...prepared.env);
    let spec: Awaited<ReturnType<typeof buildSpec>>;
    try {
      spec = await buildSpec({
        rootfs: rootfs.path,
        bundleDir: paths.bundle,
        entrypoint: run.argv,
        env,
        ...(run.user ? { user: run.user } : {}),
        cwd: run.workdir,
        network: network === 'host' ? 'host' : 'none',
        hostname: 'buildkitsandbox',
        volumes: prepared.volumes,
        tmpfs: prepared.tmpfs,
        runtime: ctx.runtime,
      });
    } catch (err) {
      throw buildError(ctx, `RUN: ${errorMessage(err)}`, err);
    }
    const output = ctx.onOutput ?? ((line: string) => ctx.logger.info(line));
    const container = await createContainer({
      id,
      name: id,
      spec,
      runtime: ctx.runtime,
      ...(stateDir ? { stateDir } : {}),
      rootfs,
      stdio: 'pipe',
      onOutput: (entry) => output(entry.text),
      logger: ctx.logger,
    });
    containerMade = true;
    let exitCode: number;
    // Ctrl-C or a cancelled job: stop the command and clean up, rather than leave the container
    // and its mounts behind.
    let interrupted: NodeJS.Signals | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      interrupted = signal;
      void container.kill('SIGKILL').catch(() => {});
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    try {
      await container.start();
      exitCode = await container.wait();
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // Deleting unmounts the rootfs; the upper dir is ours and stays.
      await container.delete({ force: true }).catch((err: unknown) => {
        ctx.logger.warn(`removing build container ${id}: ${errorMessage(err)}`);
      });
      rootfs = undefined;
    }
    if (interrupted) {
      throw new LighterError('ERR_CANCELLED', `${ctx.where}: RUN stopped by ${interrupted}`, {
        details: { file: ctx.position.file, line: ctx.position.line },
      });
    }
    if (exitCode !== 0) {
      const shown = run.argv.join(' ');
      throw buildError(
        ctx,
        `RUN ${shown.length > 200 ? `${shown.slice(0, 200)}…` : shown} exited with code ${exitCode}`,
      );
    }
    // Through sudo the runtime made the stubs, and the step's `/`, as root: both are handled as
    // root too (a `chmod 700 /` leaves this user out of the upper dir).
    const asRoot = await layersAsRoot();
    if (asRoot) await removeStubsAsRoot(upperDir, stubs);
    else await removeEmptyStubs(upperDir, stubs);
    const names = asRoot ? await rootReader().readdir(upperDir) : await readdir(upperDir);
    const empty = names.length === 0;
    if (empty) return { layer: undefined, upperDir, exitCode };
    const layer = await writeDirLayer(store, ctx.lease, upperDir, {
      mode: 'overlay-upper',
      ...(ctx.sourceDateEpoch !== undefined ? { sourceDateEpoch: ctx.sourceDateEpoch } : {}),
    });
    return { layer: layer.entries === 0 ? undefined : layer, upperDir, exitCode };
  } catch (err) {
    await removeTree(upperDir).catch(() => {});
    throw err;
  } finally {
    if (rootfs) await unmountRootfs(rootfs, { sudo: ctx.runtime.sudo }).catch(() => {});
    for (const cleanup of prepared.cleanups.reverse()) await cleanup().catch(() => {});
    await removeTree(workDir).catch(() => {});
    if (!containerMade) await removeTree(paths.dir).catch(() => {});
    else await removeTree(scratch).catch(() => {});
  }
}

/** Turns the instruction's --mount options into binds, tmpfs mounts and environment. */
async function prepareMounts(ctx: RunContext, scratch: string, out: Prepared): Promise<void> {
  let n = 0;
  for (const mount of ctx.run.mounts) {
    const target = mount.targetPath;
    switch (mount.type) {
      case 'cache': {
        if (mount.from !== undefined) {
          throw buildError(
            ctx,
            'RUN --mount=type=cache,from=… is not supported; seed the cache in a RUN instead',
          );
        }
        const acquired = await ctx.cacheMounts.acquire({
          id: mount.id ?? target!,
          sharing: mount.sharing ?? 'shared',
          mode: mount.mode,
          uid: mount.uid,
          gid: mount.gid,
        });
        out.cleanups.push(acquired.release);
        out.volumes.push({ source: acquired.dir, destination: target!, readOnly: mount.readOnly });
        out.targets.push(target!);
        break;
      }
      case 'tmpfs': {
        const options = ['mode=1777', 'exec'];
        if (mount.size !== undefined) options.push(`size=${mount.size}`);
        out.tmpfs.push({ destination: target!, options });
        out.targets.push(target!);
        break;
      }
      case 'secret': {
        const id = mount.id ?? '';
        const value = ctx.secrets.get(id);
        if (value === undefined) {
          if (mount.required) {
            throw buildError(
              ctx,
              `secret ${id} is required but was not given (--secret id=${id},…)`,
            );
          }
          ctx.logger.debug(`secret ${id} not given; skipping its mount`);
          break;
        }
        if (mount.env !== undefined) out.env.push(`${mount.env}=${value.toString('utf8')}`);
        if (mount.target !== undefined || mount.env === undefined) {
          const file = join(scratch, `secret-${n++}`);
          await writeFile(file, value, { mode: mount.mode ?? 0o400 });
          if ((mount.uid ?? 0) !== 0 || (mount.gid ?? 0) !== 0) {
            await chownTo(file, mount.uid ?? 0, mount.gid ?? 0);
          }
          const dest = mount.targetPath ?? `/run/secrets/${id}`;
          out.volumes.push({ source: file, destination: dest, readOnly: true });
          out.targets.push(dest);
        }
        break;
      }
      case 'bind': {
        const source = await bindSource(ctx, mount, scratch, n++, out);
        out.volumes.push({ source, destination: target!, readOnly: mount.readOnly });
        out.targets.push(target!);
        break;
      }
      case 'ssh':
        throw buildError(ctx, 'RUN --mount=type=ssh is not supported');
    }
  }
}

/**
 * What a bind mount shows: a directory or file of the context (without what .dockerignore
 * leaves out), or of a stage or image through a read-only overlay of its layers. Writes to a
 * read-write bind land in a scratch upper dir and are thrown away, as in BuildKit.
 */
async function bindSource(
  ctx: RunContext,
  mount: PlannedMount,
  scratch: string,
  n: number,
  out: Prepared,
): Promise<string> {
  const from = await ctx.sourceDirs(mount);
  const sourcePath = posix.normalize(`/${mount.source ?? ''}`);
  let root: string;
  if (from === 'context') {
    if (!ctx.ignore.empty) {
      root = join(scratch, `bind-${n}-context`);
      await mirrorContext(ctx.contextDir, root, ctx.ignore);
    } else {
      root = ctx.contextDir;
    }
  } else if (from.length === 0) {
    root = join(scratch, `bind-${n}-empty`);
    await mkdir(root, { recursive: true });
  } else {
    root = join(scratch, `bind-${n}-stage`);
    const upper = join(scratch, `bind-${n}-upper`);
    const work = join(scratch, `bind-${n}-work`);
    const mounted = await mountOverlay(from, upper, work, root, { sudo: ctx.runtime.sudo });
    out.cleanups.push(() => unmount(mounted.path, { sudo: ctx.runtime.sudo }));
  }
  const host = await resolveInRoot(root, sourcePath);
  if (!(await exists(host))) {
    throw buildError(ctx, `RUN --mount=type=bind: source ${mount.source ?? '/'} not found`);
  }
  if (from === 'context' && !mount.readOnly && (await stat(host)).isDirectory()) {
    // A writable view of the context: an overlay, so the context itself never changes.
    const view = join(scratch, `bind-${n}-rw`);
    const upper = join(scratch, `bind-${n}-rw-upper`);
    const work = join(scratch, `bind-${n}-rw-work`);
    const mounted = await mountOverlay([host], upper, work, view, { sudo: ctx.runtime.sudo });
    out.cleanups.push(() => unmount(mounted.path, { sudo: ctx.runtime.sudo }));
    return view;
  }
  return host;
}

/** The context as COPY sees it (.dockerignore applied), as hard links: no data is copied. */
async function mirrorContext(
  contextDir: string,
  target: string,
  ignore: IgnoreMatcher,
): Promise<void> {
  await mkdir(target, { recursive: true });
  for await (const entry of walkContext(contextDir, ignore)) {
    const to = join(target, entry.path);
    if (entry.stat.isDirectory()) {
      await mkdir(to, { recursive: true });
      await chmod(to, entry.stat.mode & 0o7777);
    } else if (entry.stat.isSymbolicLink()) {
      await symlink(await readlink(entry.absolutePath), to);
    } else if (entry.stat.isFile()) {
      await link(entry.absolutePath, to);
    }
  }
}

/**
 * The paths the runtime will have to create for `targets` (each target and its missing
 * parents, deepest first), as BuildKit's stub cleaner records them before the run.
 */
async function stubPaths(root: string, targets: readonly string[]): Promise<string[]> {
  const stubs: string[] = [];
  for (const target of targets) {
    let path = posix.normalize(`/${target}`);
    while (path !== '/') {
      const host = await resolveInRoot(root, path);
      if (await exists(host)) break;
      if (!stubs.includes(path)) stubs.push(path);
      path = posix.dirname(path);
    }
  }
  return stubs;
}
