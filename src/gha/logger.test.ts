// The actions logger: levels map onto core, and nested groups do not break the runner's log.
import { describe, expect, it } from 'vitest';
import { type ActionsLogSink, actionsLogger } from './logger.js';

function recorder(): { sink: ActionsLogSink; calls: string[] } {
  const calls: string[] = [];
  const sink: ActionsLogSink = {
    debug: (m) => calls.push(`debug ${m}`),
    info: (m) => calls.push(`info ${m}`),
    warning: (m) => calls.push(`warning ${m}`),
    error: (m) => calls.push(`error ${m}`),
    startGroup: (n) => calls.push(`group ${n}`),
    endGroup: () => calls.push('endgroup'),
  };
  return { sink, calls };
}

describe('actionsLogger', () => {
  it('maps each level and registers secrets', () => {
    const { sink, calls } = recorder();
    const secrets: string[] = [];
    const log = actionsLogger(sink, (v) => secrets.push(v));
    log.debug('d');
    log.info('i');
    log.warn('w');
    log.error('e');
    log.secret('s3cret');
    expect(calls).toEqual(['debug d', 'info i', 'warning w', 'error e']);
    expect(secrets).toEqual(['s3cret']);
  });

  it('opens one runner group and flattens inner ones', async () => {
    const { sink, calls } = recorder();
    const log = actionsLogger(sink, () => {});
    const result = await log.group('outer', async () => {
      await log.group('inner', async () => log.info('x'));
      return 42;
    });
    expect(result).toBe(42);
    expect(calls).toEqual(['group outer', 'info inner', 'info x', 'endgroup']);
  });

  it('closes the group when the body throws', async () => {
    const { sink, calls } = recorder();
    const log = actionsLogger(sink, () => {});
    await expect(log.group('g', async () => Promise.reject(new Error('boom')))).rejects.toThrow(
      'boom',
    );
    await log.group('next', async () => {});
    expect(calls).toEqual(['group g', 'endgroup', 'group next', 'endgroup']);
  });
});
