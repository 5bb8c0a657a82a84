/**
 * What every diagnostic is, whichever area reports it: a stable kebab-case code, a severity, a
 * message built from typed arguments, a fix hint, and a location. Each area declares its own
 * codes with defineDiagnostics (as each TypeSpec library declares its own in
 * createTypeSpecLibrary) and gets a constructor typed by them; `pcdk validate --rules` lists the
 * union of all areas (src/cli/diagnostic-catalog.ts).
 */
import type { SourceSite } from '../model/source-site';

export type Severity = 'error' | 'warning';

export interface DiagnosticDefinition<A> {
  readonly severity: Severity;
  readonly message: (args: A) => string;
  readonly hint: string;
  /** Microsoft's swagger-validator rule id, when one exists. */
  readonly msRule?: string;
  /**
   * Severity when the certification rules (layer 4) find this in existing connector files, where
   * it differs from `severity`: calibrated on the public connectors (a rule many of them break is
   * not enforced by Microsoft, so it warns), while descriptors keep pcdk's stricter standard.
   */
  readonly certification?: Severity;
}

/** One definition, its arguments' type inferred from `message` (none by default). */
export function def<A = Record<string, never>>(d: DiagnosticDefinition<A>): DiagnosticDefinition<A> {
  return d;
}

/**
 * Any area's definitions. Typed loosely on purpose: a precise constraint would become the
 * contextual type of each def() call and pin its argument type.
 */
export type Definitions = Readonly<Record<string, object>>;
export type ArgsOf<D extends Definitions, C extends keyof D> = D[C] extends DiagnosticDefinition<infer A> ? A : never;

/** Where a diagnostic points: always the connector, then as precisely as known. */
export interface Location {
  connector: string;
  operation?: string;
  /** The field, as a readable path: `params.form_id`, `body.purchase.products[].pid`, `summary`. */
  field?: string;
  file?: string;
  /** JSON pointer into `file`. */
  pointer?: string;
  /** 1-based position of `pointer` in `file`, when the file was read from text. */
  line?: number;
  column?: number;
  /** Where the author wrote the faulty value: a .ts file, 1-based line and column. */
  source?: SourceSite;
  /** Every operation that shares the faulty value, when it is written once and used by several. */
  operations?: string[];
}

export interface Diagnostic extends Location {
  code: string;
  severity: Severity;
  message: string;
  hint: string;
  msRule?: string;
}

export interface DiagnosticArea<D extends Definitions> {
  /** The area's name, for the catalog (`load`, `validate`, `import`, ...). */
  readonly area: string;
  readonly definitions: D;
  /** A diagnostic of this area, its arguments checked against the code's message. */
  diagnostic<C extends keyof D & string>(
    code: C,
    args: ArgsOf<D, C>,
    where: Location,
    layer?: 'certification',
  ): Diagnostic;
}

export function defineDiagnostics<D extends Definitions>(area: string, definitions: D): DiagnosticArea<D> {
  return {
    area,
    definitions,
    diagnostic(code, args, where, layer) {
      const d = definitions[code] as unknown as DiagnosticDefinition<typeof args>;
      const severity = layer === 'certification' ? (d.certification ?? d.severity) : d.severity;
      const out: Diagnostic = { code, severity, message: d.message(args), hint: d.hint, ...where };
      if (d.msRule) out.msRule = d.msRule;
      return out;
    },
  };
}

export function hasErrors(ds: readonly Diagnostic[]): boolean {
  return ds.some((d) => d.severity === 'error');
}
