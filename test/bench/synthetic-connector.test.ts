/**
 * The scaling bench's synthetic connectors are only a fair measure if they are valid connectors
 * of exactly the size asked for, the same on every run: checked here through the loader and the
 * descriptor rules, as `pcdk build` runs them.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDescriptors } from '../../src/load/load-descriptors';
import { hasErrors } from '../../src/diagnostics';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import {
  MAX_OPERATIONS,
  syntheticConnectorFiles,
  writeSyntheticConnector,
} from '../../scripts/bench/synthetic-connector';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcdk-synth-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('synthetic connectors', () => {
  it.each([1, 27, 100, MAX_OPERATIONS])(
    '%i operations load, pass the descriptor rules, and are all distinct',
    async (n) => {
      const id = `synth${n}`;
      writeSyntheticConnector(tmp, id, n);
      const loaded = await loadDescriptors(id, path.join(tmp, 'definitions'));
      expect(loaded.diagnostics).toEqual([]);
      const c = loaded.connector!;
      const ops = Object.values(c.operations);
      expect(ops).toHaveLength(n);
      expect(new Set(ops.map((o) => o.id)).size).toBe(n);
      expect(new Set(ops.map((o) => `${o.method} ${o.path}`)).size).toBe(n);
      const findings = validateDescriptor(c);
      expect(hasErrors(findings)).toBe(false);
    },
    60_000,
  );

  it('is a pure function of the id and size', () => {
    expect(syntheticConnectorFiles('synth100', 100)).toEqual(syntheticConnectorFiles('synth100', 100));
  });

  it('refuses sizes certification would reject', () => {
    expect(() => syntheticConnectorFiles('synth', MAX_OPERATIONS + 1)).toThrow(RangeError);
    expect(() => syntheticConnectorFiles('synth', 0)).toThrow(RangeError);
  });
});
