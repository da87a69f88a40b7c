// Tests for image reference parsing and formatting, checked against docker/distribution's rules.

import { describe, expect, it } from 'vitest';
import type { Digest } from './digest.js';
import { LighterError } from './errors.js';
import {
  familiarReference,
  formatReference,
  isDockerHub,
  isValidTag,
  parseReference,
  parseRepository,
  type Reference,
  repositoryName,
  withDigest,
  withTag,
} from './reference.js';

const D = 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' as Digest;
const D512 = `sha512:${'ab'.repeat(64)}` as Digest;

function thrown(fn: () => unknown): LighterError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(LighterError);
    return err as LighterError;
  }
  throw new Error('expected an error');
}

describe('parseReference', () => {
  it.each<[string, Reference]>([
    // Docker Hub: default registry, library/ for single components, latest by default.
    ['busybox', { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' }],
    ['busybox:1.36', { registry: 'docker.io', repository: 'library/busybox', tag: '1.36' }],
    ['library/busybox', { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' }],
    ['docker.io/busybox', { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' }],
    [
      'index.docker.io/busybox',
      { registry: 'docker.io', repository: 'library/busybox', tag: 'latest' },
    ],
    ['index.docker.io/o/r:t', { registry: 'docker.io', repository: 'o/r', tag: 't' }],
    ['o/r', { registry: 'docker.io', repository: 'o/r', tag: 'latest' }],
    ['o/r/deep/er', { registry: 'docker.io', repository: 'o/r/deep/er', tag: 'latest' }],
    ['docker.io/o/r:v1', { registry: 'docker.io', repository: 'o/r', tag: 'v1' }],
    // A first component is a registry only with "." or ":" or as "localhost".
    ['ghcr.io/o/r', { registry: 'ghcr.io', repository: 'o/r', tag: 'latest' }],
    ['ghcr.io/r', { registry: 'ghcr.io', repository: 'r', tag: 'latest' }],
    ['localhost/app', { registry: 'localhost', repository: 'app', tag: 'latest' }],
    ['localhost:5000/app:1', { registry: 'localhost:5000', repository: 'app', tag: '1' }],
    ['myhost:5000/app', { registry: 'myhost:5000', repository: 'app', tag: 'latest' }],
    ['127.0.0.1:5000/a/b', { registry: '127.0.0.1:5000', repository: 'a/b', tag: 'latest' }],
    ['[::1]:5000/app:t', { registry: '[::1]:5000', repository: 'app', tag: 't' }],
    ['[::1]/app', { registry: '[::1]', repository: 'app', tag: 'latest' }],
    ['[2001:db8::1]:443/o/r', { registry: '[2001:db8::1]:443', repository: 'o/r', tag: 'latest' }],
    ['myhost/app', { registry: 'docker.io', repository: 'myhost/app', tag: 'latest' }],
    // Without a slash there is no registry: these are Docker Hub names with tags.
    ['localhost', { registry: 'docker.io', repository: 'library/localhost', tag: 'latest' }],
    ['localhost:5000', { registry: 'docker.io', repository: 'library/localhost', tag: '5000' }],
    ['ghcr.io', { registry: 'docker.io', repository: 'library/ghcr.io', tag: 'latest' }],
    // Uppercase is fine in a registry host and in a tag.
    ['GHCR.io/o/r', { registry: 'GHCR.io', repository: 'o/r', tag: 'latest' }],
    [
      'Reg-1.Example.COM:8443/o/r',
      { registry: 'Reg-1.Example.COM:8443', repository: 'o/r', tag: 'latest' },
    ],
    [
      'busybox:Latest_1.0-rc',
      { registry: 'docker.io', repository: 'library/busybox', tag: 'Latest_1.0-rc' },
    ],
    ['busybox:_x', { registry: 'docker.io', repository: 'library/busybox', tag: '_x' }],
    [
      `busybox:${'t'.repeat(128)}`,
      { registry: 'docker.io', repository: 'library/busybox', tag: 't'.repeat(128) },
    ],
    // Separators inside path components.
    ['o/a.b_c__d-e--f', { registry: 'docker.io', repository: 'o/a.b_c__d-e--f', tag: 'latest' }],
    // A dotted first component is a registry, so this one must be a valid host.
    ['a.b/c', { registry: 'a.b', repository: 'c', tag: 'latest' }],
    ['0/1', { registry: 'docker.io', repository: '0/1', tag: 'latest' }],
    // Digests: alone, or with a tag (both kept).
    [`busybox@${D}`, { registry: 'docker.io', repository: 'library/busybox', digest: D }],
    [`ghcr.io/o/r:1.2@${D}`, { registry: 'ghcr.io', repository: 'o/r', tag: '1.2', digest: D }],
    [`localhost:5000/r@${D512}`, { registry: 'localhost:5000', repository: 'r', digest: D512 }],
  ])('%s', (input, want) => {
    expect(parseReference(input)).toStrictEqual(want);
  });

  it('adds no tag with defaultTag: false', () => {
    expect(parseReference('busybox', { defaultTag: false })).toStrictEqual({
      registry: 'docker.io',
      repository: 'library/busybox',
    });
    expect(parseReference('r:t', { defaultTag: false }).tag).toBe('t');
  });

  it('accepts a name of exactly 255 characters', () => {
    const name = `ghcr.io/${'a'.repeat(255 - 'ghcr.io/'.length)}`;
    expect(repositoryName(parseReference(name))).toHaveLength(255);
  });

  it.each<[string, string]>([
    ['', 'the name is empty'],
    ['Foo/bar', 'repository name must be lowercase'],
    ['BusyBox', 'repository name must be lowercase'],
    ['ghcr.io/O/r', 'repository name must be lowercase'],
    ['LOCALHOST/app', 'repository name must be lowercase'],
    ['/busybox', 'must not start with "/"'],
    ['busybox/', 'must not end with "/"'],
    ['ghcr.io/o/r/', 'must not end with "/"'],
    ['o//r', 'must not contain "//"'],
    ['ghcr.io//r', 'must not contain "//"'],
    ['ghcr.io/', 'the repository name is empty'],
    [':tag', 'the repository name is empty'],
    [`@${D}`, 'the repository name is empty'],
    ['busybox:', 'the tag is empty'],
    ['busybox:-x', 'tag "-x" is invalid'],
    ['busybox:.x', 'tag ".x" is invalid'],
    ['busybox:a:b', 'tag "a:b" is invalid'],
    ['busybox:a+b', 'tag "a+b" is invalid'],
    [`busybox:${'t'.repeat(129)}`, 'is 129 characters long; the limit is 128'],
    ['busybox@', 'the digest after "@" is empty'],
    ['busybox@sha256:abc', 'invalid digest "sha256:abc": sha256 needs 64 lowercase hex'],
    [`busybox@${D.toUpperCase().replace('SHA', 'sha')}`, 'needs 64 lowercase hex'],
    [`busybox@md5:${'a'.repeat(32)}`, 'unsupported algorithm "md5"'],
    [`busybox@${D}@${D}`, 'invalid digest'],
    ['busybox@latest', 'invalid digest "latest"'],
    ['a-/b', 'repository path component "a-" is invalid'],
    ['-a/b', 'repository path component "-a" is invalid'],
    ['a/.b', 'repository path component ".b" is invalid'],
    ['a/b..c', 'repository path component "b..c" is invalid'],
    ['a/b___c', 'repository path component "b___c" is invalid'],
    ['a/b_-c', 'repository path component "b_-c" is invalid'],
    ['a b', 'repository path component "a b" is invalid'],
    [' busybox', 'repository path component " busybox" is invalid'],
    ['ghcr.io/o/r$', 'repository path component "r$" is invalid'],
    ['host:port/r', 'registry "host:port" is not a valid host[:port]'],
    ['ghcr.io:/r', 'registry "ghcr.io:" is not a valid host[:port]'],
    ['-bad.io/r', 'registry "-bad.io" is not a valid host[:port]'],
    ['bad-.io/r', 'registry "bad-.io" is not a valid host[:port]'],
    ['bad..io/r', 'registry "bad..io" is not a valid host[:port]'],
    ['::1/r', 'registry "::1" is not a valid host[:port]'],
    ['[::1/r', 'registry "[::1" is not a valid host[:port]'],
    ['[zz::1]:5000/r', 'registry "[zz::1]:5000" is not a valid host[:port]'],
    ['a.b_c/g', 'registry "a.b_c" is not a valid host[:port]'],
    ['foo:1.0/bar', 'registry "foo:1.0" is not a valid host[:port]'],
    [`ghcr.io/${'a'.repeat(256 - 'ghcr.io/'.length)}`, 'is 256 characters long; the limit is 255'],
    // Normalization adds docker.io/library/, and the limit counts it.
    ['a'.repeat(240), 'characters long; the limit is 255'],
    [D.slice('sha256:'.length), 'is an image ID, not a repository name'],
  ])('rejects %j', (input, fragment) => {
    const err = thrown(() => parseReference(input));
    expect(err.code).toBe('ERR_BAD_REFERENCE');
    expect(err.message).toContain(`invalid reference ${JSON.stringify(input)}: `);
    expect(err.message).toContain(fragment);
  });

  it('gives the message the brief promises for uppercase names', () => {
    expect(thrown(() => parseReference('Foo/bar')).message).toBe(
      'invalid reference "Foo/bar": repository name must be lowercase',
    );
  });

  it('keeps the digest error as the cause', () => {
    const err = thrown(() => parseReference('busybox@sha256:abc'));
    expect((err.cause as LighterError).code).toBe('ERR_BAD_DIGEST');
  });

  it('shortens a huge input in the message', () => {
    const err = thrown(() => parseReference(`A${'a'.repeat(5000)}`));
    expect(err.message.length).toBeLessThan(500);
  });
});

describe('parseRepository', () => {
  it.each<[string, Reference]>([
    ['busybox', { registry: 'docker.io', repository: 'library/busybox' }],
    ['ghcr.io/o/r', { registry: 'ghcr.io', repository: 'o/r' }],
    ['localhost:5000/app', { registry: 'localhost:5000', repository: 'app' }],
  ])('%s', (input, want) => {
    expect(parseRepository(input)).toStrictEqual(want);
  });

  it.each<[string, string]>([
    ['busybox:1', 'a repository name must not have a tag (":1")'],
    ['localhost:5000', 'a repository name must not have a tag (":5000")'],
    [`ghcr.io/o/r@${D}`, `a repository name must not have a digest ("@${D}")`],
    ['Foo/bar', 'repository name must be lowercase'],
    ['', 'the name is empty'],
  ])('rejects %j', (input, fragment) => {
    const err = thrown(() => parseRepository(input));
    expect(err.code).toBe('ERR_BAD_REFERENCE');
    expect(err.message).toContain(`invalid repository ${JSON.stringify(input)}: ${fragment}`);
  });
});

describe('formatting', () => {
  it.each<[string, string, string, string]>([
    // input, formatReference, familiarReference, repositoryName
    ['busybox', 'docker.io/library/busybox:latest', 'busybox:latest', 'docker.io/library/busybox'],
    ['o/r:1', 'docker.io/o/r:1', 'o/r:1', 'docker.io/o/r'],
    ['library/a/b', 'docker.io/library/a/b:latest', 'library/a/b:latest', 'docker.io/library/a/b'],
    ['ghcr.io/o/r:t', 'ghcr.io/o/r:t', 'ghcr.io/o/r:t', 'ghcr.io/o/r'],
    ['localhost/app', 'localhost/app:latest', 'localhost/app:latest', 'localhost/app'],
    ['[::1]:5000/app', '[::1]:5000/app:latest', '[::1]:5000/app:latest', '[::1]:5000/app'],
    [`r/p:t@${D}`, `docker.io/r/p:t@${D}`, `r/p:t@${D}`, 'docker.io/r/p'],
    [`busybox@${D}`, `docker.io/library/busybox@${D}`, `busybox@${D}`, 'docker.io/library/busybox'],
    // Kept long where the short form would parse as another registry.
    [
      'docker.io/foo.bar/x',
      'docker.io/foo.bar/x:latest',
      'docker.io/foo.bar/x:latest',
      'docker.io/foo.bar/x',
    ],
    [
      'docker.io/localhost/x',
      'docker.io/localhost/x:latest',
      'docker.io/localhost/x:latest',
      'docker.io/localhost/x',
    ],
    [
      'docker.io/foo.bar',
      'docker.io/library/foo.bar:latest',
      'foo.bar:latest',
      'docker.io/library/foo.bar',
    ],
  ])('%s', (input, full, familiar, name) => {
    const ref = parseReference(input);
    expect(formatReference(ref)).toBe(full);
    expect(familiarReference(ref)).toBe(familiar);
    expect(repositoryName(ref)).toBe(name);
  });

  it.each([
    'busybox',
    'busybox:1',
    `busybox@${D}`,
    `ghcr.io/o/r:t@${D}`,
    'localhost:5000/a/b/c:v1.2.3',
    '[::1]:5000/app',
    'GHCR.io/o/r',
    'docker.io/foo.bar/x',
    'docker.io/localhost/x',
    'index.docker.io/library/nginx:alpine',
  ])('round-trips %s through formatReference and familiarReference', (input) => {
    for (const defaultTag of [true, false]) {
      const ref = parseReference(input, { defaultTag });
      expect(parseReference(formatReference(ref), { defaultTag })).toStrictEqual(ref);
      expect(parseReference(familiarReference(ref), { defaultTag })).toStrictEqual(ref);
    }
  });

  it('formats a reference without tag or digest as the bare name', () => {
    expect(formatReference(parseReference('busybox', { defaultTag: false }))).toBe(
      'docker.io/library/busybox',
    );
  });
});

describe('withTag, withDigest', () => {
  const base = parseReference('ghcr.io/o/r:old');

  it('replaces the tag and keeps the digest', () => {
    expect(withTag(base, 'new')).toStrictEqual({
      registry: 'ghcr.io',
      repository: 'o/r',
      tag: 'new',
    });
    const pinned = withDigest(base, D);
    expect(withTag(pinned, 'v2')).toStrictEqual({ ...pinned, tag: 'v2' });
    expect(base.tag).toBe('old');
  });

  it.each<[string, string]>([
    ['', 'the tag is empty'],
    ['-x', 'use letters, digits, "_", "." and "-", not starting with "." or "-"'],
    ['a/b', 'use letters, digits'],
    ['t'.repeat(129), 'is 129 characters long; the limit is 128'],
  ])('rejects the tag %j', (tag, fragment) => {
    const err = thrown(() => withTag(base, tag));
    expect(err.code).toBe('ERR_BAD_REFERENCE');
    expect(err.message.startsWith(`invalid tag ${JSON.stringify(tag)}: `)).toBe(true);
    expect(err.message).toContain(fragment);
  });

  it('adds a digest and keeps the tag', () => {
    expect(withDigest(base, D)).toStrictEqual({
      registry: 'ghcr.io',
      repository: 'o/r',
      tag: 'old',
      digest: D,
    });
  });

  it('rejects a bad digest with ERR_BAD_REFERENCE naming it', () => {
    const err = thrown(() => withDigest(base, 'sha256:nope' as Digest));
    expect(err.code).toBe('ERR_BAD_REFERENCE');
    expect(err.message).toBe(
      'invalid reference "ghcr.io/o/r:old": invalid digest "sha256:nope": sha256 needs 64 lowercase hex characters',
    );
  });
});

describe('isValidTag', () => {
  it.each([
    ['latest', true],
    ['1.2.3', true],
    ['_', true],
    ['A-b_c.D', true],
    ['t'.repeat(128), true],
    ['t'.repeat(129), false],
    ['', false],
    ['.x', false],
    ['-x', false],
    ['a:b', false],
    ['a@b', false],
    ['ü', false],
  ])('%j is %s', (tag, want) => {
    expect(isValidTag(tag)).toBe(want);
  });
});

describe('isDockerHub', () => {
  it('is true only for docker.io', () => {
    expect(isDockerHub(parseReference('busybox'))).toBe(true);
    expect(isDockerHub(parseReference('index.docker.io/o/r'))).toBe(true);
    expect(isDockerHub(parseReference('ghcr.io/o/r'))).toBe(false);
  });
});
