/**
 * Preloaded with `node --require` ahead of the pcdk CLI by the scaling bench: at exit it writes the
 * process's peak resident set size (kB) to the file named by PCDK_BENCH_RSS_FILE. The CLI itself
 * runs unchanged (bin.js, its bundle, its exit code), and the figure needs no /usr/bin/time.
 *
 * On Linux the figure is VmHWM from /proc/self/status: the high-water mark of this program's own
 * memory. process.resourceUsage().maxRSS is the kernel's ru_maxrss, which survives exec: a child
 * spawned by a large bench process reports the parent's peak, whatever it used itself.
 */
'use strict';
const fs = require('node:fs');

function peakKb() {
  try {
    const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // Not Linux: the rusage figure is the best there is.
  }
  return process.resourceUsage().maxRSS;
}

const file = process.env.PCDK_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, `${peakKb()}\n`));
