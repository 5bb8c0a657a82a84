/**
 * One source operation as what operation() takes: parameters (path, query, header), a JSON body,
 * and the success response's JSON schema, each as a Shape. What the descriptor model has no place
 * for (cookies, form bodies, non-JSON payloads, object-valued query parameters) is left out with
 * a warning naming the operation and the pointer.
 */
import { WHOLE_BODY_INPUT } from '../../model/operation';
import { isArray, isObject, type JsonObject } from '../../swagger/found';
import { mediaType } from '../../swagger/constants';
import type { SchemaConverter, Shape } from './convert-schema';
import { pathPlaceholders, plainText, sentence } from './derive-names';
import { deref } from './refs';
import type { DescriptionVersion } from './read-description';
import { labelFrom } from './schema-code';
import type { SourceOperation } from './select-operations';

export interface ParamPlan {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  shape: Shape;
}

export interface ResponsePlan {
  status: string;
  description: string;
  schema?: Shape;
}

export interface OperationPlan {
  /** The path template as written, when it differs from the source's (placeholders renamed: reserved, or written as a case twin). */
  path?: string;
  params: ParamPlan[];
  body?: Shape;
  bodyRequired: boolean;
  responses: ResponsePlan[];
}

export interface PlanContext {
  doc: JsonObject;
  version: DescriptionVersion;
  converter: SchemaConverter;
  /** A shared schema's Shape (to check a body is an object, or inline a parameter's primitive). */
  component(name: string): Shape | undefined;
  /** `in:name` of credentials the connection sends (not asked again per operation). */
  credentials: ReadonlySet<string>;
  skipped(what: string, reason: string, pointer: string): void;
  lost(what: string, pointer: string): void;
  renamed(what: string, from: string, to: string, pointer: string): void;
  /**
   * The path to write instead of the source's: an earlier operation's that differs from it only
   * in the placeholders' letter case (Power Platform takes such paths for one).
   */
  pathAs?: string;
}

/** A name Power Platform keeps for itself (certification: the parameter name connectionId). */
const RESERVED_PARAM = 'connectionId';

const PRIMITIVE = new Set(['string', 'integer', 'number', 'boolean']);
/** Headers HTTP sets itself (OpenAPI 3 says descriptions must ignore them). */
const TRANSPORT_HEADERS = new Set(['accept', 'content-type', 'authorization']);

function isJsonMedia(m: string): boolean {
  const t = mediaType(m);
  return t === 'application/json' || t.endsWith('+json') || t === '*/*' || t === 'application/*' || t === 'text/json';
}

/** A shared schema followed to its own Shape (parameters need the primitive type itself). */
function inlined(s: Shape, ctx: PlanContext): Shape {
  if (s.kind !== 'ref') return s;
  const target = ctx.component(s.ref!);
  return target ? { ...target, ...(s.description ? { description: s.description } : {}) } : { kind: 'any' };
}

function parameterSchema(p: JsonObject, version: DescriptionVersion): unknown {
  if (version === '2.0') {
    // Swagger 2.0 writes a non-body parameter's type on the parameter itself.
    const { name: _n, in: _i, required: _r, description: _d, collectionFormat: _c, allowEmptyValue: _a, ...schema } = p;
    return schema;
  }
  if (p.schema !== undefined) return p.schema;
  if (isObject(p.content)) {
    const first = Object.values(p.content).find(isObject);
    return first?.schema;
  }
  return undefined;
}

function mergedParameters(src: SourceOperation, ctx: PlanContext): { p: JsonObject; pointer: string }[] {
  const byKey = new Map<string, { p: JsonObject; pointer: string }>();
  const add = (list: unknown, at: string) => {
    (isArray(list) ? list : []).forEach((raw, i) => {
      const p = deref(ctx.doc, raw);
      if (!p || typeof p.name !== 'string' || typeof p.in !== 'string') return;
      byKey.set(`${p.in}:${p.name}`, { p, pointer: `${at}/${i}` });
    });
  };
  add(src.pathItem.parameters, src.pointer.replace(/\/[^/]+$/, '/parameters'));
  add(src.op.parameters, `${src.pointer}/parameters`);
  return [...byKey.values()];
}

function paramShape(p: JsonObject, pointer: string, ctx: PlanContext): Shape | undefined {
  let shape = inlined(ctx.converter.shape(parameterSchema(p, ctx.version), `${pointer}/schema`), ctx);
  if (shape.kind === 'array') shape = { ...shape, items: inlined(shape.items ?? { kind: 'any' }, ctx) };
  if (shape.kind === 'any') shape = { ...shape, kind: 'string' };
  const primitive = PRIMITIVE.has(shape.kind) || (shape.kind === 'array' && PRIMITIVE.has(shape.items?.kind ?? ''));
  if (!primitive) return undefined;
  if (shape.kind === 'array' && shape.items) shape.items = { ...shape.items, title: undefined, description: undefined };
  const name = String(p.name);
  const title = labelFrom(name);
  const source = typeof p.description === 'string' && p.description.trim() ? p.description : shape.description;
  const text = source ? plainText(source) : '';
  const { nullable: _n, ...rest } = shape;
  return { ...rest, title, description: text ? sentence(text) : `The ${title.toLowerCase()}.` };
}

export function planOperation(src: SourceOperation, ctx: PlanContext): OperationPlan {
  const plan: OperationPlan = { params: [], bodyRequired: false, responses: [] };
  const formFields: string[] = [];
  const merged = mergedParameters(src, ctx);
  // A path placeholder is only a name: renaming one in the template and its parameter leaves the
  // request's URL as it was (a query or header name is on the wire, and stays).
  const own = pathPlaceholders(src.path);
  const target = ctx.pathAs ? pathPlaceholders(ctx.pathAs) : own;
  const renames = new Map<string, string>();
  // Written as an earlier operation's path that differs only in the placeholders' letter case.
  own.forEach((n, i) => {
    if (target[i] !== undefined && target[i] !== n) renames.set(n, target[i]!);
  });
  // The reserved name becomes one no parameter of the operation has.
  const reserved = own.find((n) => (renames.get(n) ?? n) === RESERVED_PARAM);
  if (reserved !== undefined) {
    const taken = new Set([...merged.map(({ p }) => String(p.name)), ...own, ...target]);
    let alias = 'connection_id';
    for (let i = 2; taken.has(alias); i++) alias = `connection_id${i}`;
    renames.set(reserved, alias);
  }
  if (renames.size > 0) {
    plan.path = src.path.replace(/\{([^}]+)\}/g, (m, n: string) => (renames.has(n) ? `{${renames.get(n)}}` : m));
    for (const [from, to] of renames) ctx.renamed('the path parameter', from, to, src.pointer);
  }
  for (const { p, pointer } of merged) {
    const where = String(p.in);
    const name = where === 'path' ? (renames.get(String(p.name)) ?? String(p.name)) : String(p.name);
    if (where === 'body') {
      plan.body = ctx.converter.shape(p.schema, `${pointer}/schema`);
      plan.bodyRequired = p.required === true;
      continue;
    }
    if (where === 'formData') {
      formFields.push(name);
      continue;
    }
    if (where === 'header' && TRANSPORT_HEADERS.has(name.toLowerCase())) continue;
    if (ctx.credentials.has(`${where}:${name.toLowerCase()}`)) continue;
    if (where !== 'path' && where !== 'query' && where !== 'header') {
      ctx.skipped(`the ${where} parameter ${name}`, `Power Platform has no ${where} parameters`, pointer);
      continue;
    }
    // Parameters are keyed by name in a descriptor (and in the client's input): one per name.
    if (plan.params.some((q) => q.name === name)) {
      ctx.skipped(`the ${where} parameter ${name}`, 'another parameter has the same name', pointer);
      continue;
    }
    if (name === RESERVED_PARAM) {
      ctx.skipped(`the parameter ${name}`, 'the name is reserved by Power Platform', pointer);
      continue;
    }
    const shape = paramShape(p, pointer, ctx);
    if (!shape) {
      if (where === 'path') {
        ctx.lost(`the path parameter ${name} is not a primitive; typed as a string`, pointer);
        plan.params.push({
          name,
          in: 'path',
          required: true,
          shape: { kind: 'string', title: labelFrom(name), description: `The ${labelFrom(name).toLowerCase()}.` },
        });
      } else
        ctx.skipped(
          `the ${where} parameter ${name}`,
          'Power Platform parameters are primitives or arrays of primitives',
          pointer,
        );
      continue;
    }
    plan.params.push({ name, in: where, required: where === 'path' || p.required === true, shape });
    // OpenAPI 3 sends a query array as repeated parameters (form, explode) unless it says
    // otherwise; the descriptors send it comma-separated, as Swagger 2.0's default csv does.
    const repeated =
      ctx.version === '2.0'
        ? p.collectionFormat === 'multi'
        : where === 'query' && p.explode !== false && (p.style ?? 'form') === 'form';
    if (shape.kind === 'array' && repeated)
      ctx.lost(
        `the array parameter ${name} is sent comma-separated (a=1,2), not repeated (a=1&a=2) as the API describes`,
        pointer,
      );
  }
  if (isArray(src.op.servers) || isArray(src.pathItem.servers))
    ctx.lost('the operation names its own servers; the connector sends every operation to its one host', src.pointer);
  if (formFields.length > 0)
    ctx.skipped(
      `the form fields ${formFields.join(', ')}`,
      'the descriptor model has no formData parameters',
      src.pointer,
    );
  // Every {variable} of the template needs a path parameter (certification: OperationMissingPathParameter).
  for (const name of pathPlaceholders(plan.path ?? src.path)) {
    if (!plan.params.some((p) => p.in === 'path' && p.name === name)) {
      ctx.lost(`the path parameter ${name} is not declared; typed as a string`, src.pointer);
      plan.params.push({
        name,
        in: 'path',
        required: true,
        shape: { kind: 'string', title: labelFrom(name), description: `The ${labelFrom(name).toLowerCase()}.` },
      });
    }
  }
  if (ctx.version !== '2.0' && src.op.requestBody !== undefined) requestBody(src, ctx, plan);
  if (plan.body) checkBody(src, ctx, plan);
  plan.responses = responses(src, ctx);
  return plan;
}

function requestBody(src: SourceOperation, ctx: PlanContext, plan: OperationPlan): void {
  const pointer = `${src.pointer}/requestBody`;
  const rb = deref(ctx.doc, src.op.requestBody);
  if (!rb || !isObject(rb.content)) return;
  const media = Object.keys(rb.content);
  const json = media.find(isJsonMedia);
  if (json === undefined) {
    const forms = media.filter((m) => /multipart\/form-data|application\/x-www-form-urlencoded/i.test(m));
    ctx.skipped(
      `the ${media.join(', ')} request body`,
      forms.length > 0 ? 'the descriptor model has no formData parameters' : 'only JSON bodies can be typed',
      pointer,
    );
    return;
  }
  const content = rb.content[json];
  plan.body = ctx.converter.shape(
    isObject(content) ? content.schema : undefined,
    `${pointer}/content/${json.replace(/\//g, '~1')}/schema`,
  );
  plan.bodyRequired = rb.required === true;
}

function checkBody(src: SourceOperation, ctx: PlanContext, plan: OperationPlan): void {
  const pointer = `${src.pointer}/requestBody`;
  const body = plan.body!;
  let resolved = inlined(body, ctx);
  if (src.method === 'get' || src.method === 'head') {
    ctx.skipped('the request body', `Power Platform does not send a body with ${src.method.toUpperCase()}`, pointer);
    plan.body = undefined;
    return;
  }
  if (resolved.kind === 'any') {
    // Any JSON: a free-form object is the closest body Power Platform takes.
    plan.body = { kind: 'record', ...(body.description ? { description: body.description } : {}) };
    return;
  }
  if (resolved.kind !== 'object' && resolved.kind !== 'record') {
    // A list or a single value is taken whole, as the client's input `body`: a parameter of that
    // name would be one client argument for two values.
    const clash = plan.params.find((p) => p.name === WHOLE_BODY_INPUT);
    if (clash && clash.in !== 'path') {
      ctx.skipped(
        `the ${clash.in} parameter ${clash.name}`,
        'the whole request body is the input of that name',
        pointer,
      );
      plan.params = plan.params.filter((p) => p !== clash);
    } else if (clash) {
      ctx.skipped('the request body', `the path parameter ${clash.name} has the name its input would take`, pointer);
      plan.body = undefined;
    }
    return;
  }
  // A body property named like a parameter would be one client argument for two values.
  const names = new Set((resolved.properties ?? []).map(([n]) => n));
  const clashes = plan.params.filter((p) => names.has(p.name));
  for (const c of clashes) {
    if (c.in !== 'path') {
      ctx.skipped(`the ${c.in} parameter ${c.name}`, 'a body property has the same name', pointer);
      plan.params = plan.params.filter((p) => p !== c);
    } else {
      ctx.skipped(`the body property ${c.name}`, 'a path parameter has the same name', pointer);
      const required = resolved.required?.filter((r) => r !== c.name);
      resolved = {
        ...resolved,
        properties: resolved.properties!.filter(([n]) => n !== c.name),
        ...(required ? { required } : {}),
      };
      if (resolved.required?.length === 0) delete resolved.required;
      plan.body = resolved;
    }
  }
}

function responses(src: SourceOperation, ctx: PlanContext): ResponsePlan[] {
  const out: ResponsePlan[] = [];
  const rs = isObject(src.op.responses) ? src.op.responses : {};
  let typed = false;
  const produces =
    ctx.version === '2.0'
      ? isArray(src.op.produces)
        ? src.op.produces
        : isArray(ctx.doc.produces)
          ? ctx.doc.produces
          : undefined
      : undefined;
  const producesJson = !produces || produces.some((m) => typeof m === 'string' && isJsonMedia(m));
  const hasMain = Object.keys(rs).some((s) => /^20[01]$/.test(s));
  for (const status of Object.keys(rs).sort()) {
    const code = /^2(\d\d|XX)$/i.test(status) ? status.replace(/XX$/i, '00') : undefined;
    if (!code || out.some((r) => r.status === code)) continue;
    const r = deref(ctx.doc, rs[status]);
    if (!r) continue;
    const pointer = `${src.pointer}/responses/${status}`;
    const description =
      typeof r.description === 'string' && plainText(r.description) ? plainText(r.description) : 'Success';
    const plan: ResponsePlan = { status: code, description };
    let schema: unknown;
    if (ctx.version === '2.0') schema = producesJson ? r.schema : undefined;
    else if (isObject(r.content)) {
      const media = Object.keys(r.content);
      const json = media.find(isJsonMedia);
      if (json !== undefined) schema = (r.content[json] as JsonObject | undefined)?.schema;
      else if (media.length > 0 && !typed)
        ctx.lost(`the ${code} response is ${media.join(', ')}: only JSON responses are typed`, pointer);
    }
    if (schema !== undefined && !typed && hasMain && !/^20[01]$/.test(code)) {
      // Certification (SchemaDefinitionSetIncorrectly): beside a 200/201, the output is that one's.
      ctx.lost(
        `the ${code} response's schema is left out: beside a 200 or 201 response, the output is that one's`,
        pointer,
      );
    } else if (schema !== undefined && !typed) {
      const shape = ctx.converter.shape(schema, `${pointer}/schema`);
      // An empty schema says nothing (and certification rejects it): the response stays untyped.
      if (shape.kind !== 'any') {
        plan.schema = shape;
        typed = true;
      }
    }
    out.push(plan);
  }
  if (out.length === 0) {
    ctx.lost(
      'no success (2xx) response is described; a 200 response without a body was written',
      `${src.pointer}/responses`,
    );
    out.push({ status: '200', description: 'Success' });
  }
  return out;
}
