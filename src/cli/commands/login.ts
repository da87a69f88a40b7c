// `lighter login REGISTRY`: checks credentials against a registry and stores them in auth.json.
import { defaultAuthFile, saveLogin } from '../../core/registry/auth-file.js';
import { RegistryClient } from '../../core/registry/client.js';
import type { Args } from '../args.js';
import type { CommandContext } from '../context.js';

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

async function execute(request: LoginRequest, ctx: CommandContext): Promise<number> {
  const registry = request.registry.replace(/^(docker:\/\/|https?:\/\/)/, '').replace(/\/+$/, '');
  const client = new RegistryClient(registry, {
    access: {
      creds: `${request.username}:${request.password}`,
      tlsVerify: request.tlsVerify,
    },
    logger: ctx.logger,
  });
  try {
    await client.checkLogin();
  } finally {
    await client.close();
  }
  const file = defaultAuthFile(ctx.env as NodeJS.ProcessEnv, request.authfile);
  await saveLogin(file, registry, request.username, request.password);
  ctx.logger.info(`Login Succeeded! (credentials for ${registry} saved in ${file})`);
  return 0;
}
