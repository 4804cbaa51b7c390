import type { Sandbox } from '../tests/sandbox/server.ts';

/** One benchmark: runs against the sandbox, returns rows for bench/results.json, and formats them as a table. */
export interface Benchmark<Row> {
  readonly name: string;
  readonly description: string;
  run(sandbox: Sandbox): Promise<Row[]>;
  format(rows: Row[]): string;
}
