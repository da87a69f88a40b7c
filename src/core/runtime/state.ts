// The records lighter keeps per container, so any later process (`lighter ps`, a post step) can find and undo it.

import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Runtime } from './detect.js';
import { containerPaths, containersDir } from './paths.js';
import type { Rootfs } from './rootfs.js';

export interface ContainerRecord {
  version: 1;
  id: string;
  name: string;
  stateDir: string;
  bundleDir: string;
  /** Delete removes the bundle dir too (it does when lighter made it). */
  removeBundle: boolean;
  runtime: Runtime;
  logPath: string;
  /** Sent by `stop` first: the image's StopSignal, else SIGTERM. */
  stopSignal: string;
  rootfs?: Rootfs;
  stdio: 'pipe' | 'inherit';
  createdAt: string;
  labels: Record<string, string>;
}

/** What the monitor writes when the runtime process ends. */
export interface ExitRecord {
  /** The runtime got as far as creating the container (its pid file appeared). */
  started: boolean;
  /** The container's exit code (128 + n for signal n); null when it never started. */
  exitCode: number | null;
  pid?: number;
  startedAt?: string;
  finishedAt: string;
  /** Why the monitor could not run the runtime at all. */
  error?: string;
}

/** Writes JSON by temp file and rename, so readers never see half a record. */
export async function writeJson(path: string, value: unknown): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`);
  await rename(temp, path);
}

export async function readJson<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function readRecord(stateDir: string, id: string): Promise<ContainerRecord | undefined> {
  return readJson<ContainerRecord>(containerPaths(stateDir, id).record);
}

export function readExit(stateDir: string, id: string): Promise<ExitRecord | undefined> {
  return readJson<ExitRecord>(containerPaths(stateDir, id).exitFile);
}

/** IDs of every container dir, with or without a record (a crash can leave either). */
export async function containerIds(stateDir: string): Promise<string[]> {
  try {
    const entries = await readdir(containersDir(stateDir), { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Every container record in the state dir, oldest first. */
export async function listRecords(stateDir: string): Promise<ContainerRecord[]> {
  const records: ContainerRecord[] = [];
  for (const id of await containerIds(stateDir)) {
    const record = await readJson<ContainerRecord>(
      join(containersDir(stateDir), id, 'container.json'),
    ).catch(() => undefined);
    if (record) records.push(record);
  }
  // ISO times sort as plain strings (localeCompare's first call loads a collator: ~4 ms).
  return records.sort((a, b) =>
    a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0,
  );
}
