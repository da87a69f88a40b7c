// Totals over a copy's blob progress events, for whatever renders them (a TTY, an Actions log).

import type { BlobProgress } from './copy.js';

export interface ProgressTotals {
  blobs: number;
  finished: number;
  skipped: number;
  bytesDone: number;
  bytesTotal: number;
}

export class ProgressTotalizer {
  readonly #blobs = new Map<string, BlobProgress>();

  update(event: BlobProgress): void {
    this.#blobs.set(event.digest, event);
  }

  totals(): ProgressTotals {
    const t: ProgressTotals = { blobs: 0, finished: 0, skipped: 0, bytesDone: 0, bytesTotal: 0 };
    for (const b of this.#blobs.values()) {
      t.blobs++;
      if (b.state === 'skipped') t.skipped++;
      if (b.state === 'done') t.finished++;
      t.bytesDone += b.bytes;
      t.bytesTotal += Math.max(b.size, b.bytes);
    }
    return t;
  }

  active(): BlobProgress[] {
    return [...this.#blobs.values()].filter((b) => b.state === 'start' || b.state === 'progress');
  }
}

export function formatBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
