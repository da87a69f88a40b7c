// Resolves `user`, `uid`, `uid:gid`, `user:group` against the image's /etc/passwd and /etc/group.

import { InvalidArgumentError } from '../errors.js';
import { readInRoot } from './root-path.js';

export interface ResolvedUser {
  uid: number;
  gid: number;
  /** Supplementary groups: those listing the user in /etc/group, plus any asked for. */
  additionalGids: number[];
  /** From /etc/passwd; `/root` for root and `/` for an unknown uid, as Docker does. */
  home: string;
  name?: string;
}

interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

const MAX_ID = 2 ** 32 - 2;

/**
 * Resolves a user spec (empty means root) inside the root filesystem `rootfs`. A name that
 * the image does not know is ERR_INVALID_ARGUMENT; a bare number needs no entry.
 */
export async function resolveUser(
  rootfs: string,
  spec: string | undefined,
  extraGroups: readonly (string | number)[] = [],
): Promise<ResolvedUser> {
  const text = (spec ?? '').trim();
  const [userPart = '', groupPart, ...rest] = text.split(':');
  if (rest.length > 0) throw new InvalidArgumentError(`user "${spec}" is not USER[:GROUP]`);
  const passwd = parsePasswd((await readInRoot(rootfs, '/etc/passwd')) ?? '');
  const groups = parseGroup((await readInRoot(rootfs, '/etc/group')) ?? '');

  let entry: PasswdEntry | undefined;
  let uid: number;
  if (userPart === '') {
    uid = 0;
    entry = passwd.find((p) => p.uid === 0);
  } else if (isNumber(userPart)) {
    uid = parseId(userPart, 'uid', spec);
    entry = passwd.find((p) => p.uid === uid);
  } else {
    entry = passwd.find((p) => p.name === userPart);
    if (!entry) {
      throw new InvalidArgumentError(`user "${userPart}" is not in the image's /etc/passwd`);
    }
    uid = entry.uid;
  }

  let gid: number;
  if (groupPart === undefined || groupPart === '') gid = entry?.gid ?? 0;
  else gid = lookupGroup(groups, groupPart, spec);

  const additional = new Set<number>();
  if (entry) {
    for (const group of groups) if (group.members.includes(entry.name)) additional.add(group.gid);
  }
  for (const extra of extraGroups) {
    additional.add(typeof extra === 'number' ? extra : lookupGroup(groups, extra, extra));
  }
  additional.delete(gid);

  return {
    uid,
    gid,
    additionalGids: [...additional].sort((a, b) => a - b),
    home: entry?.home || (uid === 0 ? '/root' : '/'),
    ...(entry ? { name: entry.name } : {}),
  };
}

function lookupGroup(groups: GroupEntry[], text: string, spec: string | undefined): number {
  if (isNumber(text)) return parseId(text, 'gid', spec);
  const group = groups.find((g) => g.name === text);
  if (!group) throw new InvalidArgumentError(`group "${text}" is not in the image's /etc/group`);
  return group.gid;
}

function parsePasswd(text: string): PasswdEntry[] {
  const entries: PasswdEntry[] = [];
  for (const fields of records(text)) {
    const [name, , uid, gid, , home] = fields;
    if (!name || !isNumber(uid) || !isNumber(gid)) continue;
    entries.push({ name, uid: Number(uid), gid: Number(gid), home: home ?? '' });
  }
  return entries;
}

function parseGroup(text: string): GroupEntry[] {
  const entries: GroupEntry[] = [];
  for (const fields of records(text)) {
    const [name, , gid, members] = fields;
    if (!name || !isNumber(gid)) continue;
    const list = (members ?? '').split(',').map((m) => m.trim());
    entries.push({ name, gid: Number(gid), members: list.filter((m) => m !== '') });
  }
  return entries;
}

function* records(text: string): Generator<string[]> {
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    yield trimmed.split(':');
  }
}

function isNumber(text: string | undefined): text is string {
  return text !== undefined && /^\d+$/.test(text);
}

function parseId(text: string, kind: string, spec: string | undefined): number {
  const id = Number(text);
  if (id > MAX_ID) throw new InvalidArgumentError(`${kind} ${text} in "${spec}" is out of range`);
  return id;
}
