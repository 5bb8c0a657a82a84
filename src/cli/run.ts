/** Runs pcdk on the process's arguments and sets its exit code: what the `pcdk` bin starts. */
import { main } from './main';

export function run(): void {
  // `pcdk validate --all dir | head`: a reader that stops early is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
