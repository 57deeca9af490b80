#!/usr/bin/env node
// `npm run bench [-- NAME…]`: runs the benchmarks (tests/bench/*.bench.ts), prints a table each
// and writes tests/bench/results/NAME.json.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../tests/bench/run.ts');
process.exitCode = await main(process.argv.slice(2));
