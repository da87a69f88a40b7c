// A throwaway CA with a server certificate for 127.0.0.1/localhost and a token-signing certificate.

import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exec } from './exec.js';

export interface TestCertificates {
  /** The CA certificate (PEM) that signed the others: what clients must trust. */
  caFile: string;
  /** A directory holding only `ca.crt`, the layout skopeo's, podman's and buildah's --cert-dir expect. */
  certDir: string;
  /** Server certificate for DNS:localhost and IP:127.0.0.1, and its key. */
  certFile: string;
  keyFile: string;
  /** An RSA certificate and key for signing registry tokens (RS256), chained to the CA. */
  signerCertFile: string;
  signerKeyFile: string;
}

let cached: Promise<TestCertificates> | undefined;

/** Generates the certificates once per process (in a temp dir removed at exit). */
export function testCertificates(): Promise<TestCertificates> {
  cached ??= generate();
  return cached;
}

async function generate(): Promise<TestCertificates> {
  const dir = await mkdtemp(join(tmpdir(), 'lighter-tls-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  const at = (name: string) => join(dir, name);
  const days = ['-days', '3650'];
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];

  await exec('openssl', [
    'req',
    '-x509',
    ...ec,
    ...days,
    '-keyout',
    at('ca.key'),
    '-out',
    at('ca.crt'),
    '-subj',
    '/CN=lighter test CA',
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  await issue(at, 'server', ec, '/CN=localhost', [
    'subjectAltName=DNS:localhost,IP:127.0.0.1',
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature,keyEncipherment',
    'extendedKeyUsage=serverAuth',
  ]);
  // Token signing uses RS256, the algorithm every registry client and server supports.
  await issue(at, 'signer', ['-newkey', 'rsa:2048', '-nodes'], '/CN=lighter test token signer', [
    'basicConstraints=CA:FALSE',
    'keyUsage=critical,digitalSignature',
  ]);

  const certDir = at('certs.d');
  await mkdir(certDir);
  await copyFile(at('ca.crt'), join(certDir, 'ca.crt'));
  return {
    caFile: at('ca.crt'),
    certDir,
    certFile: at('server.crt'),
    keyFile: at('server.key'),
    signerCertFile: at('signer.crt'),
    signerKeyFile: at('signer.key'),
  };
}

async function issue(
  at: (name: string) => string,
  name: string,
  keyArgs: string[],
  subject: string,
  extensions: string[],
): Promise<void> {
  await exec('openssl', [
    'req',
    ...keyArgs,
    '-keyout',
    at(`${name}.key`),
    '-out',
    at(`${name}.csr`),
    '-subj',
    subject,
  ]);
  await writeFile(at(`${name}.ext`), `${extensions.join('\n')}\n`);
  await exec('openssl', [
    'x509',
    '-req',
    '-in',
    at(`${name}.csr`),
    '-CA',
    at('ca.crt'),
    '-CAkey',
    at('ca.key'),
    '-set_serial',
    `0x${randomBytes(8).toString('hex')}`,
    '-days',
    '3650',
    '-sha256',
    '-extfile',
    at(`${name}.ext`),
    '-out',
    at(`${name}.crt`),
  ]);
}
