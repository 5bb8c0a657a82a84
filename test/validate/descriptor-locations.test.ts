/** Descriptor findings get the pointer of the same field in the built swagger or apiProperties. */
import { emitSwagger } from '../../src/emit/swagger';
import { builtLocation } from '../../src/validate/descriptor-locations';
import { validateDescriptor } from '../../src/validate/descriptor-rules';
import type { Diagnostic } from '../../src/diagnostics';
import { sample } from '../helpers/sample-connector';

const swagger = emitSwagger(sample) as Record<string, any>;
const finding = (operation: string | undefined, field: string): Diagnostic => ({
  code: 'summary-too-long',
  severity: 'error',
  message: '',
  hint: '',
  connector: 'widgets',
  ...(operation ? { operation } : {}),
  field,
});

const rows: [operation: string | undefined, field: string, file: string, pointer: string][] = [
  [undefined, 'title', 'apiDefinition', '/info/title'],
  [undefined, 'contact.email', 'apiDefinition', '/info/contact/email'],
  [undefined, 'metadata.categories', 'apiDefinition', '/x-ms-connector-metadata'],
  [undefined, 'iconBrandColor', 'apiProperties', '/properties/iconBrandColor'],
  ['WidgetList', 'summary', 'apiDefinition', '/paths/~1widgets/get/summary'],
  ['WidgetList', 'id', 'apiDefinition', '/paths/~1widgets/get/operationId'],
  ['WidgetList', 'path', 'apiDefinition', '/paths/~1widgets'],
  ['WidgetList', 'params.page', 'apiDefinition', '/paths/~1widgets/get/parameters/0'],
  ['WidgetAdd', 'body.color', 'apiDefinition', '/paths/~1widgets/post/parameters/0/schema/properties/color'],
  [
    'WidgetList',
    'responses.200.widgets[].id',
    'apiDefinition',
    '/paths/~1widgets/get/responses/200/schema/properties/widgets/items/properties/id',
  ],
  ['WidgetList', 'pagination', 'apiDefinition', '/paths/~1widgets/get'],
  [
    'WidgetList',
    'notification.event.count',
    'apiDefinition',
    '/paths/~1widgets/x-ms-notification-content/schema/properties/event/properties/count',
  ],
];

describe('builtLocation', () => {
  test.each(rows)('%s %s', (operation, field, file, pointer) => {
    expect(builtLocation(finding(operation, field), swagger)).toEqual({ file, pointer });
  });

  test('unknown operations and connector-only fields have no place in the files', () => {
    expect(builtLocation(finding('Nope', 'summary'), swagger)).toBeUndefined();
    expect(builtLocation(finding(undefined, 'throttling'), swagger)).toBeUndefined();
  });

  test('a real descriptor finding lands on its field', () => {
    const ops = sample.operations.map((o) => (o.id === 'WidgetGet' ? { ...o, summary: 'Get a widget/gadget' } : o));
    const [d] = validateDescriptor({ ...sample, operations: ops });
    expect(builtLocation(d!, swagger)).toEqual({
      file: 'apiDefinition',
      pointer: '/paths/~1widgets~1{widget_id}/get/summary',
    });
  });
});
