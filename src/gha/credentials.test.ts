// Credential inputs: both halves masked, and no error repeats a secret.
import { describe, expect, it } from 'vitest';
import { getCredentials, getUserPassword } from './credentials.js';
import { InputReader, inputVariable } from './inputs.js';

function setup(values: Record<string, string>) {
  const secrets: string[] = [];
  const env = Object.fromEntries(Object.entries(values).map(([k, v]) => [inputVariable(k), v]));
  return { reader: new InputReader(env, { secret: (v) => secrets.push(v) }), secrets };
}

describe('getCredentials', () => {
  it('splits at the first colon and masks the whole and the password', () => {
    const { reader, secrets } = setup({ creds: 'bot:pa:ss' });
    expect(getCredentials(reader, 'creds')).toEqual({ username: 'bot', password: 'pa:ss' });
    expect(secrets).toEqual(['bot:pa:ss', 'pa:ss']);
  });

  it('is undefined when empty', () => {
    expect(getCredentials(setup({}).reader, 'creds')).toBeUndefined();
  });

  it.each(['nocolon-s3cret', ':s3cret', 'user:'])('rejects %j without echoing it', (value) => {
    const { reader, secrets } = setup({ creds: value });
    expect(() => getCredentials(reader, 'creds')).toThrow(
      /^input "creds": expected USER:PASSWORD with both parts non-empty$/,
    );
    expect(secrets).toContain(value);
  });
});

describe('getUserPassword', () => {
  it.each([
    [{}, undefined],
    [
      { username: 'u', password: 'p' },
      { username: 'u', password: 'p' },
    ],
  ])('%j', (values, expected) => {
    expect(getUserPassword(setup(values).reader, 'username', 'password')).toEqual(expected);
  });

  it.each([
    [{ username: 'u' }, 'input "password": required when username is set'],
    [{ password: 'p' }, 'input "username": required when password is set'],
  ])('%j is an error', (values, message) => {
    expect(() => getUserPassword(setup(values).reader, 'username', 'password')).toThrow(message);
  });
});
