// Preloaded into every benchmarked process: appends its peak resident memory (KiB) to BENCH_RUSAGE_OUT at exit.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_RUSAGE_OUT) appendFileSync(process.env.BENCH_RUSAGE_OUT, `${process.resourceUsage().maxRSS}\n`);
});
