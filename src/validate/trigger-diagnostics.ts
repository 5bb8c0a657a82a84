/**
 * Codes of the trigger descriptor rules (src/validate/trigger-rules.ts), spread into the
 * validate area's table (diagnostics.ts): what validate and certification find in the files
 * (notification-content-missing, notification-url-invalid, reference/power-platform.md §3 items
 * 12, 13 and 27) caught on the descriptor, before anything is written.
 */
import { def } from '../diagnostics/define';

export const TRIGGER_DEFINITIONS = {
  'trigger-notification-content-missing': def({
    severity: 'error',
    msRule: 'OperationMustHaveNotificationContentExtension',
    message: () => 'the webhook trigger has no payload (x-ms-notification-content)',
    hint: 'Add payload: t.object({ ... }) to webhookTrigger({ ... }): the JSON body each delivery carries, shown to makers as the trigger outputs.',
  }),
  'trigger-notification-url-missing': def({
    severity: 'error',
    message: () => 'the webhook trigger has no notification URL input (x-ms-notification-url)',
    hint: "Add notificationUrl: { name: '<the field the API reads the callback URL from>' } to webhookTrigger({ ... }).",
  }),
  'trigger-notification-url-invalid': def<{ name: string; reason: string }>({
    severity: 'error',
    message: (a) => `the notification URL input "${a.name}" ${a.reason}`,
    hint: 'Let webhookTrigger() write the callback URL input: remove the params entry or body property of that name.',
  }),
  'trigger-method-invalid': def<{ kind: string; method: string }>({
    severity: 'error',
    message: (a) => `a ${a.kind} trigger cannot use ${a.method.toUpperCase()}`,
    hint: 'A polling trigger is a GET (pollingTrigger() writes it); a webhook registration is a POST or PUT.',
  }),
  'trigger-summary-style': def<{ summary: string }>({
    severity: 'warning',
    message: (a) => `trigger summary "${a.summary}" does not read "When …"`,
    hint: 'Name a trigger by its event, e.g. "When a subscriber is added" (Microsoft style guide).',
  }),
  'trigger-state-invalid': def<{ name: string; reason: string }>({
    severity: 'error',
    message: (a) => `the polling state parameter "${a.name}" ${a.reason}`,
    hint: "Declare it in params as query(t.string({ ... }), { visibility: 'internal' }): Power Automate fills it between polls, makers never see it.",
  }),
  'trigger-outputs-missing': def({
    severity: 'error',
    msRule: 'SchemaDefinitionSetIncorrectly',
    message: () => 'the polling trigger has no success response schema, so the flow gets no outputs',
    hint: 'Give responses a 200 schema: what each poll returns.',
  }),
  'trigger-unregister-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `unregister ${a.reason}`,
    hint: "Point unregister at the connector's DELETE operation that removes the hook (list it in operations, x-ms-visibility internal), or at its path template.",
  }),
  'trigger-location-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `location ${a.reason}`,
    hint: "Give location: { fromBody: '<dotted path of the hook id in the registration response>' } together with unregister: the DELETE operation (one path parameter, the id) that removes the hook.",
  }),
  'trigger-api-path-invalid': def<{ reason: string }>({
    severity: 'error',
    message: (a) => `apiPath ${a.reason}`,
    hint: "Write apiPath as the API's registration path relative to basePath, starting with '/', with no {parameters}, and different from path (omit it when the two are equal).",
  }),
  'trigger-script-conflict': def<{ operations: string }>({
    severity: 'error',
    message: (a) =>
      `the connector declares its own script.csx, and the webhook triggers ${a.operations} need the script pcdk generates (apiPath or location)`,
    hint: 'A connector has one script.csx. Either drop the declared script and let pcdk generate it, or remove apiPath/location from these triggers and set Location in your own script.',
  }),
} as const;
