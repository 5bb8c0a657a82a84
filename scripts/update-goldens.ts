/** `npm run golden`: rewrites test/golden/convertkit/ from the current emitters. Review the diff. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convertkitOutputs, GOLDEN_DIR } from '../test/golden/convertkit-outputs';

async function main(): Promise<void> {
  const outputs = await convertkitOutputs();
  fs.rmSync(GOLDEN_DIR, { recursive: true, force: true });
  fs.mkdirSync(GOLDEN_DIR, { recursive: true });
  for (const [name, text] of outputs) fs.writeFileSync(path.join(GOLDEN_DIR, name), text);
  process.stdout.write(`wrote ${outputs.size} files to ${path.relative(process.cwd(), GOLDEN_DIR)}\n`);
}

void main();
