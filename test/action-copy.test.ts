// The copy action as shipped: `node dist/copy/index.js`, run the way the GitHub runner runs it.
import { describe, expect, it } from 'vitest';
import { runAction } from './helpers/action.js';
import { busyboxImage } from './helpers/busybox.js';
import { exec, tryExec } from './helpers/exec.js';
import { useRegistry } from './helpers/registry.js';

/** The log without the ::add-mask:: commands, which are how secrets reach the runner. */
const unmasked = (log: string) =>
  log
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');

describe('copy action', () => {
  const one = useRegistry();
  const two = useRegistry();
  const secure = useRegistry({ auth: 'htpasswd' });

  it('copies to several destinations, sets digest and destinations, writes a summary', async () => {
    const image = await busyboxImage();
    const result = await runAction('copy', {
      inputs: {
        source: image.reference,
        // metadata-action style: plain references, one per line
        destinations: `${one().host}/app/bb:1\n${two().host}/app/bb:1\ndocker://${two().host}/app/bb:latest`,
      },
    });
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.outputs.digest).toBe(image.manifestDigest);
    const destinations = JSON.parse(result.outputs.destinations ?? '[]');
    expect(destinations).toHaveLength(3);
    expect(destinations[0]).toEqual({
      reference: `docker://${one().host}/app/bb:1`,
      digest: image.manifestDigest,
    });
    for (const ref of [`${one().host}/app/bb:1`, `${two().host}/app/bb:latest`]) {
      const raw = await exec('skopeo', [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${ref}`,
      ]);
      expect(raw.stdout.length).toBeGreaterThan(0);
    }
    expect(result.summary).toContain('lighter copy');
    expect(result.summary).toContain(image.manifestDigest);
  });

  it('uses username/password over TLS and never prints the password', async () => {
    const image = await busyboxImage();
    const reg = secure();
    const result = await runAction('copy', {
      inputs: {
        source: image.reference,
        destinations: `${reg.host}/private/bb:1`,
        username: reg.username!,
        password: reg.password!,
        'tls-verify': false,
      },
    });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`::add-mask::${reg.password}`);
    expect(unmasked(result.stdout)).not.toContain(reg.password!);
    await exec('skopeo', [
      'inspect',
      '--tls-verify=false',
      '--creds',
      `${reg.username}:${reg.password}`,
      `docker://${reg.host}/private/bb:1`,
    ]);

    const denied = await runAction('copy', {
      inputs: {
        source: image.reference,
        destinations: `${reg.host}/private/bb:2`,
        username: reg.username!,
        password: 'not-the-password',
        'tls-verify': false,
      },
    });
    expect(denied.exitCode).toBe(1);
    expect(denied.stdout).toMatch(/::error::.*401 Unauthorized/i);
    expect(unmasked(denied.stdout)).not.toContain('not-the-password');
  });

  it('fails on bad input naming the input, before anything is written', async () => {
    const image = await busyboxImage();
    const bad = await runAction('copy', {
      inputs: {
        source: image.reference,
        destinations: `${one().host}/ok/bb:1\n${one().host}/Bad/Name:1`,
      },
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toMatch(/::error::input "destinations": .*lowercase/);
    const tags = await tryExec('skopeo', [
      'list-tags',
      '--tls-verify=false',
      `docker://${one().host}/ok/bb`,
    ]);
    expect(tags.code).not.toBe(0);

    const unknown = await runAction('copy', {
      inputs: { source: 'ftp://host/x', destinations: `${one().host}/ok/bb:1` },
    });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toMatch(/::error::input "source": /);
  });
});
