// A user without root who has password-less sudo, as on GitHub's hosted runners (their `runner`
// user): lighter then runs the runtime, mounts and a pod's infra process through `sudo -n`.
// The user and its sudoers entry exist only while the suite that asked for them runs.

import { rm, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { type ExecOptions, type ExecResult, exec, tryExec } from './exec.js';

const NAME = 'lighter-sudo';
const SUDOERS = `/etc/sudoers.d/${NAME}`;

export interface SudoUser {
  name: string;
  uid: number;
  gid: number;
  /** Runs a command as the user (setpriv: its uid, gid and groups), whatever its exit code. */
  run(command: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

/** For a suite run as root: makes the user in beforeAll and removes it in afterAll. */
export function useSudoUser(): () => SudoUser {
  let user: SudoUser | undefined;
  beforeAll(async () => {
    // A suite killed before its afterAll leaves the user behind: reuse it (and remove it after).
    if ((await tryExec('id', ['-u', NAME])).code !== 0) {
      await exec('useradd', ['--system', '--no-create-home', '--shell', '/bin/sh', NAME]);
    }
    const sudoers = `${NAME} ALL=(ALL:ALL) NOPASSWD: ALL\n`;
    await writeFile(SUDOERS, sudoers, { mode: 0o440 });
    await exec('visudo', ['-c', '-q', '-f', SUDOERS]);
    const uid = Number((await exec('id', ['-u', NAME])).stdout.trim());
    const gid = Number((await exec('id', ['-g', NAME])).stdout.trim());
    user = {
      name: NAME,
      uid,
      gid,
      run: (command, args, options) =>
        tryExec(
          'setpriv',
          [`--reuid=${uid}`, `--regid=${gid}`, '--init-groups', '--', command, ...args],
          options,
        ),
    };
  });
  afterAll(async () => {
    await rm(SUDOERS, { force: true });
    await tryExec('userdel', [NAME]);
  });
  return () => {
    if (!user) throw new Error('useSudoUser: the user exists only inside the suite');
    return user;
  };
}
