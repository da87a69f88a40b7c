// `--chown` and the WORKDIR owner: user and group names resolved in the image being built, as BuildKit does.

import { LighterError } from '../errors.js';
import type { LayerView } from './layer-view.js';

export interface Owner {
  uid: number;
  gid: number;
}

interface Entry {
  name: string;
  id: number;
  gid: number;
}

async function readTable(view: LayerView, path: string, gidField: boolean): Promise<Entry[]> {
  const bytes = await view.readFile(path);
  if (!bytes) return [];
  const entries: Entry[] = [];
  for (const line of bytes.toString('utf8').split('\n')) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const fields = line.split(':');
    const id = Number(fields[2]);
    if (!fields[0] || !Number.isInteger(id)) continue;
    entries.push({ name: fields[0], id, gid: gidField ? Number(fields[3]) : id });
  }
  return entries;
}

const NUMERIC = /^\d+$/;

/**
 * `user[:group]` as COPY --chown takes it: a name is looked up in the image's /etc/passwd
 * (its primary group comes along), a number is used as is and, without a group, is also the
 * group (Docker's documented rule). Throws ERR_BUILD naming what could not be found.
 */
export async function resolveOwner(spec: string, view: LayerView): Promise<Owner> {
  const colon = spec.indexOf(':');
  const user = colon === -1 ? spec : spec.slice(0, colon);
  const group = colon === -1 ? undefined : spec.slice(colon + 1);
  if (user === '') throw new LighterError('ERR_BUILD', `invalid owner "${spec}": no user`);
  let uid: number;
  let gid: number;
  if (NUMERIC.test(user)) {
    uid = Number(user);
    gid = uid;
  } else {
    const found = (await readTable(view, '/etc/passwd', true)).find((e) => e.name === user);
    if (!found) {
      throw new LighterError(
        'ERR_BUILD',
        `unable to find user ${user}: no matching entries in the image's /etc/passwd`,
      );
    }
    uid = found.id;
    gid = found.gid;
  }
  if (group !== undefined && group !== '') {
    if (NUMERIC.test(group)) gid = Number(group);
    else {
      const found = (await readTable(view, '/etc/group', false)).find((e) => e.name === group);
      if (!found) {
        throw new LighterError(
          'ERR_BUILD',
          `unable to find group ${group}: no matching entries in the image's /etc/group`,
        );
      }
      gid = found.id;
    }
  }
  return { uid, gid };
}

/**
 * The owner of a directory WORKDIR creates: the stage's USER, resolved in the image; a USER
 * the image does not know (common before `useradd` runs) leaves it to root, as buildah does.
 */
export async function userOwner(user: string, view: LayerView): Promise<Owner> {
  if (user === '') return { uid: 0, gid: 0 };
  try {
    return await resolveOwner(user, view);
  } catch {
    return { uid: 0, gid: 0 };
  }
}
