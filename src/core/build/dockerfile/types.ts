// The parsed form of a Dockerfile: one typed record per instruction, as written (nothing expanded yet).

import type { HealthConfig } from '../../manifest.js';

/** Lines an instruction spans, 1-based and inclusive (heredoc bodies included). */
export interface SourceRange {
  startLine: number;
  endLine: number;
}

export interface Heredoc {
  /** The delimiter word, quotes removed (`EOF`). */
  name: string;
  /** The body, each line with its line ending; leading tabs are not yet stripped for `<<-`. */
  content: string;
  /** False when any part of the delimiter was quoted (`<<"EOF"`): the body is taken literally. */
  expand: boolean;
  /** `<<-`: leading tabs are stripped from the body and the terminator. */
  chomp: boolean;
  /** The file descriptor before `<<` (`3<<EOF`), 0 when none. */
  fd: number;
}

export interface KeyValue {
  key: string;
  value: string;
}

interface Base<K extends string> {
  kind: K;
  location: SourceRange;
  /** The instruction as written, continuation lines joined (heredoc bodies not included). */
  original: string;
}

export interface FromInstruction extends Base<'FROM'> {
  image: string;
  /** Lower-cased, as Docker compares stage names case-insensitively. */
  stageName: string | undefined;
  platform: string | undefined;
}

export interface ArgInstruction extends Base<'ARG'> {
  args: { key: string; value: string | undefined }[];
}

export interface EnvInstruction extends Base<'ENV'> {
  pairs: KeyValue[];
  /** `ENV key value` rather than `ENV key=value`. */
  legacy: boolean;
}

export interface LabelInstruction extends Base<'LABEL'> {
  pairs: KeyValue[];
  legacy: boolean;
}

/** The command of RUN, CMD and ENTRYPOINT: exec form (JSON) or a shell command line. */
export interface CommandLine {
  /** Exec form: the argv. Shell form: one element, the command line (or none when empty). */
  command: string[];
  /** True for the shell form: the current SHELL goes in front. */
  prependShell: boolean;
}

export interface RunInstruction extends Base<'RUN'>, CommandLine {
  heredocs: Heredoc[];
  /** `--mount` values as written, parsed and expanded by the planner. */
  mounts: string[];
  network: string | undefined;
  security: string | undefined;
}

export interface CmdInstruction extends Base<'CMD'>, CommandLine {}

export interface EntrypointInstruction extends Base<'ENTRYPOINT'>, CommandLine {}

export interface ShellInstruction extends Base<'SHELL'> {
  shell: string[];
}

/** A heredoc used as a COPY/ADD source: a file made from the heredoc body. */
export interface InlineSource {
  /** The delimiter, which is also the file's name when the destination is a directory. */
  name: string;
  /** The body, `<<-` tabs already stripped. */
  content: string;
  expand: boolean;
}

interface CopyLike<K extends 'COPY' | 'ADD'> extends Base<K> {
  /** Source paths or URLs as written (heredoc sources are in `inlineSources`). */
  sources: string[];
  inlineSources: InlineSource[];
  dest: string;
  /** True when the sources came in JSON form (`COPY ["a", "b"]`). */
  json: boolean;
  chown: string | undefined;
  chmod: string | undefined;
  link: boolean;
  exclude: string[];
}

export interface CopyInstruction extends CopyLike<'COPY'> {
  from: string | undefined;
  parents: boolean;
}

export interface AddInstruction extends CopyLike<'ADD'> {
  checksum: string | undefined;
  keepGitDir: boolean;
  /** `--unpack`; undefined means the default (local archives unpacked, remote ones not). */
  unpack: boolean | undefined;
}

export interface WorkdirInstruction extends Base<'WORKDIR'> {
  path: string;
}

export interface UserInstruction extends Base<'USER'> {
  user: string;
}

export interface VolumeInstruction extends Base<'VOLUME'> {
  volumes: string[];
}

export interface ExposeInstruction extends Base<'EXPOSE'> {
  ports: string[];
}

export interface StopSignalInstruction extends Base<'STOPSIGNAL'> {
  signal: string;
}

export interface MaintainerInstruction extends Base<'MAINTAINER'> {
  maintainer: string;
}

export interface HealthcheckInstruction extends Base<'HEALTHCHECK'> {
  /** Docker's config: Test is `["NONE"]`, `["CMD", ...]` or `["CMD-SHELL", cmd]`; durations in ns. */
  healthcheck: HealthConfig;
}

export interface OnbuildInstruction extends Base<'ONBUILD'> {
  /** The trigger as stored in the image config (`RUN make`), heredoc bodies appended. */
  expression: string;
  /** The trigger, parsed (its location is the ONBUILD line). */
  trigger: Instruction;
}

export type Instruction =
  | FromInstruction
  | ArgInstruction
  | EnvInstruction
  | LabelInstruction
  | RunInstruction
  | CmdInstruction
  | EntrypointInstruction
  | ShellInstruction
  | CopyInstruction
  | AddInstruction
  | WorkdirInstruction
  | UserInstruction
  | VolumeInstruction
  | ExposeInstruction
  | StopSignalInstruction
  | MaintainerInstruction
  | HealthcheckInstruction
  | OnbuildInstruction;

export type InstructionKind = Instruction['kind'];

/** A finding that does not stop the build, named after BuildKit's build checks where one exists. */
export interface Warning {
  /** `NoEmptyContinuation`, `MaintainerDeprecated`, `UnusedBuildArg`, ... */
  rule: string;
  message: string;
  /** 1-based line, when the warning is about one. */
  line?: number;
}

/** The `# check=skip=…;error=…` parser directive. */
export interface CheckDirective {
  /** Rules to skip, or 'all'. */
  skip: string[] | 'all';
  /** Fail the build when a check reports something. */
  error: boolean;
}

export interface Directive {
  name: 'syntax' | 'escape' | 'check';
  value: string;
  line: number;
}

export interface ParsedDockerfile {
  /** The name used in messages (`Dockerfile`, `docker/app.Dockerfile`). */
  file: string;
  escapeToken: '\\' | '`';
  directives: Directive[];
  syntax: string | undefined;
  check: CheckDirective;
  instructions: Instruction[];
  warnings: Warning[];
}
