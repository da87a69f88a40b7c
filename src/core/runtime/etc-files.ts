// /etc/hosts, /etc/hostname and /etc/resolv.conf written per container and bind-mounted over the image's.
//
// Writing them beside the bundle, not into the rootfs, leaves the image (or an overlay upper
// dir that becomes a build layer) untouched, as podman and Docker do.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { OciMount } from './spec-types.js';

export interface HostEntry {
  name: string;
  address: string;
}

export interface EtcFilesOptions {
  /** Where the files go (the bundle dir). */
  dir: string;
  hostname: string;
  /** With the host's network, the host's /etc/hosts is the base, as with `--network host`. */
  hostNetwork: boolean;
  /** More `/etc/hosts` lines: the names of a pod's other containers, `--add-host`. */
  extraHosts?: readonly HostEntry[];
  /** Read instead of the host's files (tests). */
  hostFiles?: { hosts?: string; resolvConf?: string };
}

const STUB_RESOLVER = /^\s*nameserver\s+127\.0\.0\.53\s*$/m;

/** Writes the three files and returns the bind mounts that put them in place. */
export async function writeEtcFiles(options: EtcFilesOptions): Promise<OciMount[]> {
  const hosts = await hostsFile(options);
  const resolv = await resolvConf(options);
  const files: Array<[string, string]> = [
    ['hosts', hosts],
    ['hostname', `${options.hostname}\n`],
    ['resolv.conf', resolv],
  ];
  const mounts: OciMount[] = [];
  for (const [name, content] of files) {
    const source = join(options.dir, name);
    await writeFile(source, content, { mode: 0o644 });
    mounts.push({
      destination: `/etc/${name}`,
      type: 'bind',
      source,
      options: ['bind', 'rprivate'],
    });
  }
  return mounts;
}

async function hostsFile(options: EtcFilesOptions): Promise<string> {
  const lines: string[] = [];
  if (options.hostNetwork) {
    const host = options.hostFiles?.hosts ?? (await readOptional('/etc/hosts'));
    if (host) lines.push(host.trimEnd());
  } else {
    lines.push('127.0.0.1\tlocalhost', '::1\tlocalhost ip6-localhost ip6-loopback');
  }
  // Only loopback exists in a private network namespace, so the container's own name is there.
  lines.push(`127.0.0.1\t${options.hostname}`);
  for (const entry of options.extraHosts ?? []) lines.push(`${entry.address}\t${entry.name}`);
  return `${lines.join('\n')}\n`;
}

async function resolvConf(options: EtcFilesOptions): Promise<string> {
  let text = options.hostFiles?.resolvConf ?? (await readOptional('/etc/resolv.conf')) ?? '';
  // systemd-resolved's stub listens on the host's loopback, which a container's own network
  // namespace cannot reach; its list of upstream servers works from anywhere.
  if (!options.hostNetwork && !options.hostFiles?.resolvConf && STUB_RESOLVER.test(text)) {
    text = (await readOptional('/run/systemd/resolve/resolv.conf')) ?? text;
  }
  return text.endsWith('\n') || text === '' ? text : `${text}\n`;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch {
    return undefined;
  }
}
