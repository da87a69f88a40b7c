// What the host shows of a test's work: free ports to publish, and processes still running.

import { readdir, readFile } from 'node:fs/promises';
import { type AddressInfo, createServer } from 'node:net';

/** A TCP port on 127.0.0.1 that was free a moment ago (another process may take it meanwhile). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Live processes (not zombies, not this one) whose command line names `dir`: what cleanup missed. */
export async function processesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) continue;
    try {
      const cmdline = (await readFile(`/proc/${pid}/cmdline`, 'utf8')).replace(/\0/g, ' ');
      const status = await readFile(`/proc/${pid}/status`, 'utf8');
      if (cmdline.includes(dir) && !/^State:\s+Z/m.test(status)) {
        found.push(`${pid}: ${cmdline.slice(0, 120)}`);
      }
    } catch {}
  }
  return found;
}
