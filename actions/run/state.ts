// The containers and pods the run action created, saved as they appear so post can remove them.
import type { InputEnv } from '../../src/gha/inputs.js';
import { readJsonState } from '../../src/gha/state.js';

export const CREATED_STATE = 'created';

export interface Created {
  containers: string[];
  pods: string[];
  /** Where their records are (post must look in the same place main used). */
  stateDir?: string;
}

/**
 * Records each container or pod the moment it exists. State is rewritten on every addition,
 * because a cancelled job kills main at any point and post must still find everything.
 */
export class CreatedTracker {
  readonly #created: { containers: string[]; pods: string[]; stateDir?: string } = {
    containers: [],
    pods: [],
  };
  readonly #save: (created: Created) => void;

  constructor(save: (created: Created) => void) {
    this.#save = save;
  }

  /** Said once, before anything is created. */
  stateDir(dir: string): void {
    this.#created.stateDir = dir;
  }

  container(id: string): void {
    this.#created.containers.push(id);
    this.#save(this.snapshot());
  }

  pod(id: string): void {
    this.#created.pods.push(id);
    this.#save(this.snapshot());
  }

  snapshot(): Created {
    const { containers, pods, stateDir } = this.#created;
    return { containers: [...containers], pods: [...pods], ...(stateDir ? { stateDir } : {}) };
  }
}

/** What main created; empty lists when it saved nothing. */
export function readCreated(env: InputEnv = process.env): Created {
  const value = readJsonState(CREATED_STATE, env) as Partial<Created> | undefined;
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  const stateDir = typeof value?.stateDir === 'string' ? { stateDir: value.stateDir } : {};
  return { containers: strings(value?.containers), pods: strings(value?.pods), ...stateDir };
}

export function isEmpty(created: Created): boolean {
  return created.containers.length === 0 && created.pods.length === 0;
}
