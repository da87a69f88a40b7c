// `lighter login REGISTRY`: checks credentials against a registry and stores them in auth.json.
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';
import { notInThisBuild } from '../unsupported.js';

export interface LoginRequest {
  registry: string;
  username: string;
  password: string;
  authfile: string | undefined;
  tlsVerify: boolean;
}

export async function loginRequest(args: Args, ctx: CommandContext): Promise<LoginRequest> {
  const username = args.string('username');
  let password = args.string('password');
  if (password !== undefined && args.boolean('password-stdin')) {
    throw args.usage('flag --password cannot be combined with --password-stdin');
  }
  if (args.boolean('password-stdin')) password = (await ctx.stdin()).replace(/\r?\n$/, '');
  if (password !== undefined) ctx.logger.secret(password);
  // Prompting would hang a CI job, so both parts must come from flags or stdin.
  if (username === undefined || username === '') {
    throw args.usage('flag --username is required');
  }
  if (password === undefined || password === '') {
    throw args.usage('a password is required: --password or --password-stdin');
  }
  return {
    registry: args.positionals[0]!,
    username,
    password,
    authfile: args.string('authfile'),
    tlsVerify: args.boolean('tls-verify', true),
  };
}

export async function login(args: Args, ctx: CommandContext): Promise<number> {
  return execute(await loginRequest(args, ctx), ctx);
}

// The registry client and auth file (issue #3) plug in here.
async function execute(_request: LoginRequest, _ctx: CommandContext): Promise<number> {
  throw notInThisBuild('the registry client', 3);
}
