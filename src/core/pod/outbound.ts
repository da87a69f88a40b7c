// Outbound networking for a pod: slirp4netns, when installed, gives its namespace a route to the world.
//
// A pod's own network namespace has loopback only (no CNI, no bridge, no IP addressing of
// ours), which is all its services need to reach each other, but a test container that runs
// `npm ci` needs the internet. slirp4netns, as rootless podman uses it, adds a tap device
// with 10.0.2.100 and a default route, and relays connections from a user-space TCP/IP stack
// in the host's namespace: no privileges on the host's network, nothing to clean up but the
// process. `--disable-host-loopback` keeps the host's 127.0.0.1 services out of reach.
// Without slirp4netns, pods stay loopback-only and say so once.

import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import { privileged } from '../runtime/command.js';
import { findExecutable } from '../runtime/index.js';
import { endProcess, type ProcessId, processId } from '../runtime/process-id.js';

const READY_TIMEOUT_MS = 5000;

/**
 * Starts slirp4netns for the pod whose infra process is `infraPid`; resolves once the pod has
 * a default route, or undefined (with a warning) when it cannot: the pod then has loopback only.
 */
export async function startOutbound(
  dir: string,
  infraPid: number,
  sudo: boolean,
  logFd: number,
  logger: Logger,
): Promise<ProcessId | undefined> {
  const slirp = findExecutable('slirp4netns');
  if (!slirp) {
    logger.debug('slirp4netns is not installed: the pod has loopback only, no outbound network');
    return undefined;
  }
  // The API socket is unused; its path puts the pod's dir in the command line, which is how
  // cleanup tells this process from a stranger that reused its PID.
  const argv = privileged(
    [
      slirp,
      '--configure',
      '--mtu=65520',
      '--disable-host-loopback',
      `--api-socket=${join(dir, 'slirp.sock')}`,
      String(infraPid),
      'tap0',
    ],
    sudo,
  );
  const child = spawn(argv[0] as string, argv.slice(1), {
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  child.unref();
  // Written before anything can fail: a lighter killed from here on leaves a file that
  // cleanup finds the process by (it outlives the pod's infra process otherwise).
  if (child.pid !== undefined) await writeFile(join(dir, 'slirp.pid'), `${child.pid}\n`);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const id = child.pid === undefined ? undefined : await processId(child.pid);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  while (!gone && Date.now() < deadline) {
    if (await hasDefaultRoute(infraPid)) return id;
    await new Promise((r) => setTimeout(r, 5));
  }
  await endProcess(id, sudo);
  logger.warn(
    `slirp4netns did not give the pod a route out (${gone ? 'it exited' : 'no route after 5 s'}; see ${join(dir, 'infra.log')}): the pod has loopback only`,
  );
  return undefined;
}

/** The namespace of `pid` has a default IPv4 route (what `--configure` adds last). */
async function hasDefaultRoute(pid: number): Promise<boolean> {
  try {
    const routes = await readFile(`/proc/${pid}/net/route`, 'utf8');
    return routes.split('\n').some((line) => line.split('\t')[1] === '00000000');
  } catch {
    return false;
  }
}
