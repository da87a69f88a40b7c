// Tests for docker:// names: parsing as skopeo does and formatting back.

import { describe, expect, it } from 'vitest';
import { dockerTransport } from './transport.js';

describe('docker transport names', () => {
  it('parses //registry/repo:tag and formats it back', () => {
    const ref = dockerTransport.parse('//127.0.0.1:5000/app/web:1.2');
    expect(ref).toEqual({
      transport: 'docker',
      registry: '127.0.0.1:5000',
      repository: 'app/web',
      tag: '1.2',
    });
    expect(dockerTransport.format(ref)).toBe('//127.0.0.1:5000/app/web:1.2');
    expect(dockerTransport.parse(dockerTransport.format(ref))).toEqual(ref);
  });

  it('normalizes Docker Hub names and adds latest when untagged', () => {
    const ref = dockerTransport.parse('//busybox');
    expect(ref).toMatchObject({
      registry: 'docker.io',
      repository: 'library/busybox',
      tag: 'latest',
    });
    expect(dockerTransport.format(ref)).toBe('//docker.io/library/busybox:latest');
  });

  it('keeps a digest, with or without a tag', () => {
    const digest = `sha256:${'a'.repeat(64)}`;
    const byDigest = dockerTransport.parse(`//ghcr.io/o/r@${digest}`);
    expect(byDigest).toEqual({
      transport: 'docker',
      registry: 'ghcr.io',
      repository: 'o/r',
      digest,
    });
    const both = dockerTransport.parse(`//ghcr.io/o/r:v1@${digest}`);
    expect(dockerTransport.parse(dockerTransport.format(both))).toEqual(both);
  });

  it('rejects names without // or with bad parts, naming them', () => {
    expect(() => dockerTransport.parse('ghcr.io/o/r')).toThrow(/expected docker:\/\/registry/);
    expect(() => dockerTransport.parse('//ghcr.io/O/r')).toThrow(
      expect.objectContaining({
        code: 'ERR_BAD_REFERENCE',
        message: expect.stringContaining('lowercase'),
      }),
    );
    expect(() => dockerTransport.parse('//r.io/a:bad tag')).toThrow(/docker:\/\/r\.io\/a:bad tag/);
  });
});
