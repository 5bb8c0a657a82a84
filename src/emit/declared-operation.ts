/**
 * The one place an operation's declared form (pcdk import) meets the swagger: the operation JSON
 * derived from the authored fields, with what the source declares laid over it. Authored
 * operations have no `declared` and pass through untouched.
 */
import type { DeclaredOperation } from '../model/declared';
import type { ParameterObject, ParameterRef, ResponseObject, ResponseRef, SwaggerOperation } from '../swagger/document';
import { withoutUndefined } from './schema-object';

/** `bodyRef`: the reference a shared body (sharedBody()) is written as, which bodyIndex then places. */
export function overlayDeclared(
  authored: SwaggerOperation,
  d: DeclaredOperation | undefined,
  bodyRef?: string,
): SwaggerOperation {
  if (!d) return authored;
  const out: SwaggerOperation = {
    ...authored,
    parameters: authored.parameters?.map((p) => declaredParameter(p, d)),
    responses: declaredResponses(authored.responses, d),
    // The source's own keys win: verbatim parameters and responses, trigger, paging, vendor keys.
    ...d.operation,
    operationId: authored.operationId,
  };
  for (const key of d.omitted ?? []) delete out[key];
  // A declared body beside the typed parameters, and the body where the source lists it (the
  // emitter writes it last).
  if ((d.bodyIndex !== undefined || d.body) && out.parameters && !d.operation?.parameters) {
    const list = [...out.parameters];
    if (d.body) list.push(d.body);
    const at = list.findIndex((p) => ('$ref' in p ? p.$ref === bodyRef : p.in === 'body'));
    if (at >= 0 && d.bodyIndex !== undefined) list.splice(d.bodyIndex, 0, ...list.splice(at, 1));
    out.parameters = list;
  }
  return out;
}

/** A derived parameter with the body's declared name and labels, or without the `required` the source leaves out. */
function declaredParameter(p: ParameterObject | ParameterRef, d: DeclaredOperation): ParameterObject | ParameterRef {
  if ('$ref' in p) return p;
  if (p.in === 'body') {
    const b = d.bodyParameter;
    const named = b
      ? withoutUndefined({
          ...p,
          name: b.name ?? p.name,
          description: b.description,
          'x-ms-summary': b.summary,
          'x-ms-visibility': b.visibility,
        })
      : p;
    if (p.required === false && d.requiredOmitted?.includes(named.name)) {
      const { required: _, ...rest } = named;
      return rest;
    }
    return named;
  }
  const keys = d.parameterKeys && Object.hasOwn(d.parameterKeys, p.name) ? d.parameterKeys[p.name] : undefined;
  if (keys) p = { ...p, ...keys } as ParameterObject;
  if (p.in === 'path' && d.urlEncodingOmitted?.includes(p.name)) {
    const { 'x-ms-url-encoding': _, ...rest } = p;
    return rest;
  }
  if (p.required === false && d.requiredOmitted?.includes(p.name)) {
    const { required: _, ...rest } = p;
    return rest;
  }
  return p;
}

/** Derived responses with the declared headers and examples of each status added. */
function declaredResponses(
  responses: Readonly<Record<string, ResponseObject | ResponseRef>>,
  d: DeclaredOperation,
): Readonly<Record<string, ResponseObject | ResponseRef>> {
  if (!d.responses) return responses;
  const out: Record<string, ResponseObject | ResponseRef> = {};
  for (const [status, r] of Object.entries(responses)) {
    const extra = d.responses[status];
    out[status] = extra && !('$ref' in r) ? withoutUndefined({ ...r, ...extra }) : r;
  }
  return out;
}
