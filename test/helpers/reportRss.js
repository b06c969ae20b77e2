// Preloaded into a child process (`node -r`): reports its peak resident set size on exit.
process.on('exit', () => process.stderr.write(`\nHYOKA_MAX_RSS_KB=${process.resourceUsage().maxRSS}\n`));
