/**
 * Progress for long runs over many connectors (`pcdk import --all`, usable by `validate --all`):
 * on a terminal one bar redrawn in place; otherwise (CI logs, pipes) one plain line per item, so
 * logs stay readable. Then a summary table. Writes to the stream it is given (stderr by default),
 * so stdout stays clean for machine-readable output.
 */

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Progress {
  /** One item finished. */
  tick(label: string, status: string): void;
  /** Clears the bar (TTY) so the summary prints on a clean line. */
  done(): void;
}

const BAR = 24;

/** Labels come from folder names: no control characters (escape sequences) reach the terminal. */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '?');
}

export function createProgress(total: number, stream: ProgressStream): Progress {
  let n = 0;
  const width = String(total).length;
  if (!stream.isTTY) {
    return {
      tick(label, status) {
        n++;
        stream.write(`[${String(n).padStart(width)}/${total}] ${status.padEnd(6)} ${printable(label)}\n`);
      },
      done() {},
    };
  }
  const draw = (label: string): void => {
    const filled = total === 0 ? BAR : Math.round((n / total) * BAR);
    const head = `[${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${String(n).padStart(width)}/${total} `;
    const room = Math.max(0, (stream.columns ?? 80) - head.length - 1);
    stream.write(`\r\x1b[2K${head}${printable(label).slice(0, room)}`);
  };
  draw('');
  return {
    tick(label) {
      n++;
      draw(label);
    },
    done() {
      stream.write('\r\x1b[2K');
    },
  };
}

/** A plain-text table: header, rule, rows; columns padded to their widest cell. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map(printable)
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return `${[line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n')}\n`;
}
