// Writes markdown (tables, mostly) to the job summary, with secrets masked.
import * as core from '@actions/core';
import type { InputEnv } from './inputs.js';
import { maskSecrets } from './secrets.js';

export type Cell = string | number | boolean | null | undefined;

export interface SummaryTable {
  heading?: string;
  columns: readonly string[];
  rows: readonly (readonly Cell[])[];
}

/** Makes a cell safe inside a GFM table: no row breaks, no column breaks, no raw HTML. */
export function escapeCell(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

/** A GFM table; short rows are padded so the table stays rectangular. */
export function markdownTable(
  columns: readonly string[],
  rows: readonly (readonly Cell[])[],
): string {
  const line = (cells: readonly Cell[]) =>
    `| ${columns.map((_, i) => escapeCell(cells[i])).join(' | ')} |`;
  return [line(columns), `|${columns.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

/** The markdown of a table with an optional `###` heading. */
export function renderTable(table: SummaryTable): string {
  const body = markdownTable(table.columns, table.rows);
  return table.heading ? `### ${escapeCell(table.heading)}\n\n${body}\n` : `${body}\n`;
}

/**
 * Appends markdown to the job summary. Outside a runner (no `GITHUB_STEP_SUMMARY`) there is no
 * summary to write, which is not an error: returns false.
 */
export async function appendSummary(
  markdown: string,
  env: InputEnv = process.env,
): Promise<boolean> {
  if (!env.GITHUB_STEP_SUMMARY) return false;
  await core.summary.addRaw(maskSecrets(markdown), true).write();
  return true;
}

export async function appendSummaryTable(
  table: SummaryTable,
  env: InputEnv = process.env,
): Promise<boolean> {
  return appendSummary(renderTable(table), env);
}

/** Bytes in binary units, as registries and `du -h` show them. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

export function formatSeconds(seconds: number): string {
  return seconds < 60
    ? `${seconds.toFixed(1)} s`
    : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}
