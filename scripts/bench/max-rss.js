/**
 * Preloaded with `node --require` ahead of the pcdk CLI by the scaling bench: at exit it writes the
 * process's peak resident set size (kB, as process.resourceUsage reports it) to the file named by
 * PCDK_BENCH_RSS_FILE. The CLI itself runs unchanged (bin.js, its bundle, its exit code), and
 * the figure needs no /usr/bin/time, which not every machine has.
 */
'use strict';
const fs = require('node:fs');

const file = process.env.PCDK_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, `${process.resourceUsage().maxRSS}\n`));
