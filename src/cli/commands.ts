// The CLI's command table: every command's name, summary, usage, flags and the function that runs it.
import type { Command } from './context.js';
import {
  type Flags,
  PLATFORM_FLAGS,
  REGISTRY_FLAGS,
  SOURCE_DEST_FLAGS,
  WRITE_FLAGS,
} from './flags.js';

type Run = NonNullable<Command['run']>;

/** Loads a command's module only when it runs: starting the CLI compiles one command, not all. */
function lazy(load: () => Promise<Run>): Run {
  return async (args, ctx) => (await load())(args, ctx);
}

const build = lazy(() => import('./commands/build.js').then((m) => m.build));
const copy = lazy(() => import('./commands/copy.js').then((m) => m.copy));
const deleteImage = lazy(() => import('./commands/delete.js').then((m) => m.deleteImage));
const exec = lazy(() => import('./commands/exec.js').then((m) => m.exec));
const help = lazy(() => import('./commands/help.js').then((m) => m.help));
const images = lazy(() => import('./commands/images.js').then((m) => m.images));
const inspect = lazy(() => import('./commands/inspect.js').then((m) => m.inspect));
const kubeGenerate = lazy(() => import('./commands/kube.js').then((m) => m.kubeGenerate));
const kubePlay = lazy(() => import('./commands/kube.js').then((m) => m.kubePlay));
const login = lazy(() => import('./commands/login.js').then((m) => m.login));
const logout = lazy(() => import('./commands/logout.js').then((m) => m.logout));
const logs = lazy(() => import('./commands/logs.js').then((m) => m.logs));
const podCreate = lazy(() => import('./commands/pod.js').then((m) => m.podCreate));
const podLogs = lazy(() => import('./commands/pod.js').then((m) => m.podLogs));
const podPs = lazy(() => import('./commands/pod.js').then((m) => m.podPs));
const podRm = lazy(() => import('./commands/pod.js').then((m) => m.podRm));
const prune = lazy(() => import('./commands/prune.js').then((m) => m.prune));
const ps = lazy(() => import('./commands/ps.js').then((m) => m.ps));
const pull = lazy(() => import('./commands/pull.js').then((m) => m.pull));
const push = lazy(() => import('./commands/push.js').then((m) => m.push));
const rm = lazy(() => import('./commands/rm.js').then((m) => m.rm));
const rmi = lazy(() => import('./commands/rmi.js').then((m) => m.rmi));
const run = lazy(() => import('./commands/run.js').then((m) => m.run));
const stop = lazy(() => import('./commands/stop.js').then((m) => m.stop));
const sync = lazy(() => import('./commands/sync.js').then((m) => m.sync));
const tag = lazy(() => import('./commands/tag.js').then((m) => m.tag));
const tags = lazy(() => import('./commands/tags.js').then((m) => m.tags));
const version = lazy(() => import('./commands/version.js').then((m) => m.version));
const wait = lazy(() => import('./commands/wait.js').then((m) => m.wait));

const all = (what: string) =>
  ({ all: { type: 'boolean', short: 'a', description: `Act on every ${what}` } }) as const;
const quiet = {
  quiet: { type: 'boolean', short: 'q', description: 'Print only IDs or names' },
} as const satisfies Flags;
const listFormat = {
  format: { type: 'string', value: 'table|json', description: 'Output format (default table)' },
} as const satisfies Flags;
const force = (what: string) =>
  ({ force: { type: 'boolean', short: 'f', description: what } }) as const;
const processFlags = {
  env: {
    type: 'string',
    short: 'e',
    multiple: true,
    value: 'KEY[=VALUE]',
    description: 'Set an environment variable (KEY alone passes this one through)',
  },
  workdir: { type: 'string', short: 'w', value: 'DIR', description: 'Working directory' },
  user: { type: 'string', short: 'u', value: 'USER[:GROUP]', description: 'User to run as' },
} as const satisfies Flags;
const publish = {
  publish: {
    type: 'string',
    short: 'p',
    multiple: true,
    value: '[IP:]HOST:CONTAINER',
    description: 'Publish a port to the host',
  },
} as const satisfies Flags;

const podCommands: readonly Command[] = [
  {
    name: 'create',
    group: 'Containers',
    summary: 'Create a pod whose containers share network, IPC and UTS namespaces',
    usage: 'pod create [flags] [NAME]',
    flags: { name: { type: 'string', value: 'NAME', description: 'Name of the pod' }, ...publish },
    args: { min: 0, max: 1 },
    run: podCreate,
  },
  {
    name: 'ps',
    group: 'Containers',
    summary: 'List pods',
    usage: 'pod ps [flags]',
    flags: { ...quiet, ...listFormat },
    args: { min: 0, max: 0 },
    run: podPs,
  },
  {
    name: 'rm',
    group: 'Containers',
    summary: 'Remove pods and their containers',
    usage: 'pod rm [flags] POD...',
    flags: { ...all('pod'), ...force('Stop running containers first') },
    args: { min: 0 },
    run: podRm,
  },
  {
    name: 'logs',
    group: 'Containers',
    summary: "Show the logs of a pod's containers",
    usage: 'pod logs [flags] POD',
    flags: { follow: { type: 'boolean', short: 'f', description: 'Keep following new output' } },
    args: { min: 1, max: 1 },
    run: podLogs,
  },
];

const kubeCommands: readonly Command[] = [
  {
    name: 'play',
    group: 'Containers',
    summary: 'Run the pod a Kubernetes Pod YAML file describes',
    usage: 'kube play [flags] FILE',
    flags: { down: { type: 'boolean', description: 'Stop and remove the pod the file describes' } },
    args: { min: 1, max: 1 },
    run: kubePlay,
  },
  {
    name: 'generate',
    group: 'Containers',
    summary: 'Write Kubernetes Pod YAML for a running pod',
    usage: 'kube generate [flags] POD',
    flags: {
      filename: {
        type: 'string',
        short: 'f',
        value: 'FILE',
        description: 'Write to FILE instead of stdout',
      },
    },
    args: { min: 1, max: 1 },
    run: kubeGenerate,
  },
];

export const COMMANDS: readonly Command[] = [
  {
    name: 'build',
    group: 'Images',
    summary: 'Build an image from a Dockerfile or a step list',
    usage: 'build [flags] [CONTEXT]',
    flags: {
      file: { type: 'string', short: 'f', value: 'FILE', description: 'Dockerfile to build' },
      steps: { type: 'string', value: 'FILE', description: 'Step-list YAML to build instead' },
      tag: {
        type: 'string',
        short: 't',
        multiple: true,
        value: 'NAME',
        description: 'Name the image',
      },
      'build-arg': {
        type: 'string',
        multiple: true,
        value: 'KEY[=VALUE]',
        description: 'Set a build argument',
      },
      target: {
        type: 'string',
        value: 'STAGE',
        description: 'Build this stage of a multi-stage Dockerfile',
      },
      platform: {
        type: 'string',
        multiple: true,
        value: 'OS/ARCH[,...]',
        description: 'Build for these platforms',
      },
      label: {
        type: 'string',
        multiple: true,
        value: 'KEY=VALUE',
        description: 'Set an image label',
      },
      annotation: {
        type: 'string',
        multiple: true,
        value: '[LEVEL:]KEY=VALUE',
        description: 'Set a manifest annotation',
      },
      secret: {
        type: 'string',
        multiple: true,
        value: 'id=ID[,src=PATH|env=VAR]',
        description: 'Expose a secret to RUN --mount=type=secret',
      },
      'no-cache': { type: 'boolean', description: 'Build every step again' },
      layers: { type: 'boolean', description: 'Cache intermediate layers (default true)' },
      push: { type: 'boolean', description: 'Push to every tag after building' },
      output: {
        type: 'string',
        short: 'o',
        multiple: true,
        value: 'TRANSPORT:REF',
        description: 'Also write to oci:, oci-archive:, docker-archive: or dir:',
      },
      format: { type: 'string', value: 'oci|docker', description: 'Image format (default oci)' },
      'source-date-epoch': {
        type: 'string',
        value: 'SECONDS',
        description: 'Clamp timestamps for reproducible digests',
      },
      network: {
        type: 'string',
        value: 'host|none',
        description: 'Network for RUN steps (default host)',
      },
      quiet: {
        type: 'boolean',
        short: 'q',
        description: 'Print only the image ID: no step output',
      },
      ...REGISTRY_FLAGS,
    },
    args: { min: 0, max: 1 },
    run: build,
  },
  {
    name: 'copy',
    group: 'Images',
    summary: 'Copy an image between registries, layouts, archives and the store',
    usage: 'copy [flags] SOURCE DESTINATION',
    flags: {
      quiet: { type: 'boolean', short: 'q', description: 'Print no progress, only errors' },
      ...all('image of an index (same as --multi-arch=all)'),
      'multi-arch': {
        type: 'string',
        value: 'system|all|index-only',
        description: 'Which images of an index to copy (default system)',
      },
      ...PLATFORM_FLAGS,
      ...WRITE_FLAGS,
      'image-parallel-copies': {
        type: 'string',
        value: 'N',
        description: 'Copy N blobs at once (default 6)',
      },
      ...SOURCE_DEST_FLAGS,
    },
    args: { min: 2, max: 2 },
    run: copy,
  },
  {
    name: 'inspect',
    group: 'Images',
    summary: "Show an image's manifest, config and digest",
    usage: 'inspect [flags] IMAGE',
    flags: {
      raw: {
        type: 'boolean',
        description: 'Print the manifest (or with --config, the config) as stored',
      },
      config: { type: 'boolean', description: 'Print the image config' },
      ...PLATFORM_FLAGS,
      ...REGISTRY_FLAGS,
    },
    args: { min: 1, max: 1 },
    run: inspect,
  },
  {
    name: 'tags',
    group: 'Images',
    summary: 'List the tags of a repository',
    usage: 'tags [flags] REPOSITORY',
    flags: { ...REGISTRY_FLAGS },
    args: { min: 1, max: 1 },
    run: tags,
  },
  {
    name: 'delete',
    group: 'Images',
    summary: 'Delete an image from a registry',
    usage: 'delete [flags] IMAGE',
    flags: { ...REGISTRY_FLAGS },
    args: { min: 1, max: 1 },
    run: deleteImage,
  },
  {
    name: 'sync',
    group: 'Images',
    summary: 'Copy many tags or repositories at once',
    usage: 'sync [flags] --src docker|yaml --dest docker|dir SOURCE DESTINATION...',
    flags: {
      src: { type: 'string', short: 's', value: 'docker|yaml', description: 'What SOURCE is' },
      dest: {
        type: 'string',
        short: 'd',
        value: 'docker|dir',
        description: 'What each DESTINATION is',
      },
      ...all('image of each index'),
      'keep-going': {
        type: 'boolean',
        description: 'Copy what can be copied and report every failure at the end',
      },
      scoped: {
        type: 'boolean',
        description: 'Keep the source registry and path under DESTINATION',
      },
      ...WRITE_FLAGS,
      ...SOURCE_DEST_FLAGS,
    },
    args: { min: 2 },
    run: sync,
  },
  {
    name: 'login',
    group: 'Images',
    summary: 'Store credentials for a registry',
    usage: 'login [flags] REGISTRY',
    flags: {
      username: { type: 'string', short: 'u', value: 'USER', description: 'User name' },
      password: {
        type: 'string',
        short: 'p',
        value: 'PASSWORD',
        description: 'Password (prefer --password-stdin)',
      },
      'password-stdin': { type: 'boolean', description: 'Read the password from stdin' },
      authfile: REGISTRY_FLAGS.authfile,
      'tls-verify': REGISTRY_FLAGS['tls-verify'],
    },
    args: { min: 1, max: 1 },
    run: login,
  },
  {
    name: 'logout',
    group: 'Images',
    summary: 'Remove stored credentials for a registry',
    usage: 'logout [flags] REGISTRY | --all',
    flags: { ...all('registry'), authfile: REGISTRY_FLAGS.authfile },
    args: { min: 0, max: 1 },
    run: logout,
  },
  {
    name: 'images',
    group: 'Store',
    summary: 'List the images in the store',
    usage: 'images [flags] [NAME]',
    flags: { ...quiet, ...listFormat },
    args: { min: 0, max: 1 },
    run: images,
  },
  {
    name: 'pull',
    group: 'Store',
    summary: 'Pull an image into the store',
    usage: 'pull [flags] IMAGE',
    flags: {
      ...all('image of an index'),
      ...PLATFORM_FLAGS,
      ...quiet,
      ...REGISTRY_FLAGS,
    },
    args: { min: 1, max: 1 },
    run: pull,
  },
  {
    name: 'push',
    group: 'Store',
    summary: 'Push an image from the store',
    usage: 'push [flags] IMAGE [DESTINATION]',
    flags: { ...WRITE_FLAGS, ...quiet, ...REGISTRY_FLAGS },
    args: { min: 1, max: 2 },
    run: push,
  },
  {
    name: 'rmi',
    group: 'Store',
    summary: 'Remove images from the store',
    usage: 'rmi [flags] IMAGE... | --all',
    flags: { ...all('image'), ...force('Remove images that containers still use') },
    args: { min: 0 },
    run: rmi,
  },
  {
    name: 'tag',
    group: 'Store',
    summary: 'Give a stored image more names',
    usage: 'tag IMAGE NAME...',
    flags: {},
    args: { min: 2 },
    run: tag,
  },
  {
    name: 'prune',
    group: 'Store',
    summary: 'Remove blobs and layers no image refers to',
    usage: 'prune [flags]',
    flags: { ...all('unnamed image and the build cache, too') },
    args: { min: 0, max: 0 },
    run: prune,
  },
  {
    name: 'run',
    group: 'Containers',
    summary: 'Run a command in a new container',
    usage: 'run [flags] IMAGE [COMMAND [ARG...]]',
    flags: {
      rm: { type: 'boolean', description: 'Remove the container when it exits' },
      detach: {
        type: 'boolean',
        short: 'd',
        description: 'Run in the background and print the container ID',
      },
      name: { type: 'string', value: 'NAME', description: 'Name of the container' },
      pod: { type: 'string', value: 'POD', description: 'Join this pod' },
      ...processFlags,
      'env-file': {
        type: 'string',
        multiple: true,
        value: 'FILE',
        description: 'Read KEY=VALUE lines from FILE',
      },
      volume: {
        type: 'string',
        short: 'v',
        multiple: true,
        value: 'SRC:DST[:ro]',
        description: 'Bind-mount a host path',
      },
      entrypoint: {
        type: 'string',
        value: 'COMMAND',
        description: "Replace the image's entrypoint",
      },
      network: { type: 'string', value: 'pod|host|none', description: 'Network namespace to use' },
      ...publish,
      'health-cmd': {
        type: 'string',
        value: 'COMMAND',
        description: 'Command that exits 0 when the container is ready',
      },
      'health-interval': {
        type: 'string',
        value: 'DURATION',
        description: 'Time between health checks',
      },
      'health-retries': {
        type: 'string',
        value: 'N',
        description: 'Failed checks before the container counts as unhealthy',
      },
      timeout: {
        type: 'string',
        value: 'DURATION',
        description: 'Stop the container after this long',
      },
      ...REGISTRY_FLAGS,
    },
    args: { min: 1 },
    stopAfter: 1,
    run,
  },
  {
    name: 'ps',
    group: 'Containers',
    summary: 'List containers',
    usage: 'ps [flags]',
    flags: {
      ...all('container, stopped ones too'),
      pod: { type: 'string', value: 'POD', description: "Only this pod's containers" },
      ...quiet,
      ...listFormat,
    },
    args: { min: 0, max: 0 },
    run: ps,
  },
  {
    name: 'logs',
    group: 'Containers',
    summary: "Show a container's output",
    usage: 'logs [flags] CONTAINER',
    flags: {
      follow: { type: 'boolean', short: 'f', description: 'Keep following new output' },
      timestamps: { type: 'boolean', short: 't', description: 'Prefix each line with its time' },
      tail: { type: 'string', value: 'N', description: 'Show only the last N lines' },
    },
    args: { min: 1, max: 1 },
    run: logs,
  },
  {
    name: 'stop',
    group: 'Containers',
    summary: 'Stop running containers',
    usage: 'stop [flags] CONTAINER... | --all',
    flags: {
      ...all('running container'),
      time: {
        type: 'string',
        short: 't',
        value: 'SECONDS',
        description: 'Wait this long before SIGKILL (default 10)',
      },
    },
    args: { min: 0 },
    run: stop,
  },
  {
    name: 'rm',
    group: 'Containers',
    summary: 'Remove containers',
    usage: 'rm [flags] CONTAINER... | --all',
    flags: { ...all('container'), ...force('Stop running containers first') },
    args: { min: 0 },
    run: rm,
  },
  {
    name: 'wait',
    group: 'Containers',
    summary: 'Wait for containers to exit and print their exit codes',
    usage: 'wait [flags] CONTAINER...',
    flags: {
      timeout: { type: 'string', value: 'DURATION', description: 'Give up after this long' },
    },
    args: { min: 1 },
    run: wait,
  },
  {
    name: 'exec',
    group: 'Containers',
    summary: 'Run a command in a running container',
    usage: 'exec [flags] CONTAINER COMMAND [ARG...]',
    flags: { ...processFlags },
    args: { min: 2 },
    stopAfter: 1,
    run: exec,
  },
  {
    name: 'pod',
    group: 'Containers',
    summary: 'Create, list and remove pods',
    usage: 'pod COMMAND [flags] [ARGS...]',
    flags: {},
    args: { min: 1 },
    stopAfter: 1,
    subcommands: podCommands,
  },
  {
    name: 'kube',
    group: 'Containers',
    summary: 'Run pods from Kubernetes YAML, or write YAML for a pod',
    usage: 'kube COMMAND [flags] [ARGS...]',
    flags: {},
    args: { min: 1 },
    stopAfter: 1,
    subcommands: kubeCommands,
  },
  {
    name: 'version',
    group: 'Other',
    summary: "Print lighter's version",
    usage: 'version',
    flags: {},
    args: { min: 0, max: 0 },
    run: version,
  },
  {
    name: 'help',
    group: 'Other',
    summary: 'Show help for lighter or a command',
    usage: 'help [COMMAND [SUBCOMMAND]]',
    flags: {},
    args: { min: 0, max: 2 },
    run: help,
  },
];
