// Registry credentials from action inputs: `USER:PASSWORD` pairs and username/password inputs.
import { type InputReader, inputError } from './inputs.js';

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Reads a `USER:PASSWORD` input (the form skopeo's --creds takes). The whole value and the
 * password are registered as secrets before any check, and no error repeats any part of it.
 */
export function getCredentials(reader: InputReader, name: string): Credentials | undefined {
  const value = reader.getSecret(name);
  if (value === '') return undefined;
  const colon = value.indexOf(':');
  const username = colon < 0 ? '' : value.slice(0, colon);
  const password = colon < 0 ? '' : value.slice(colon + 1);
  // The password alone can show up too (a helper's echo, a URL), so it gets a mask of its own.
  reader.markSecret(password);
  if (username === '' || password === '') {
    throw inputError(name, 'expected USER:PASSWORD with both parts non-empty');
  }
  return { username, password };
}

/** Reads a username input and its password input; one without the other is an error. */
export function getUserPassword(
  reader: InputReader,
  usernameInput: string,
  passwordInput: string,
): Credentials | undefined {
  const username = reader.getString(usernameInput);
  const password = reader.getSecret(passwordInput);
  if (username === '' && password === '') return undefined;
  if (password === '') throw inputError(passwordInput, `required when ${usernameInput} is set`);
  if (username === '') throw inputError(usernameInput, `required when ${passwordInput} is set`);
  return { username, password };
}
