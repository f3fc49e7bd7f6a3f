/**
 * Form fields from a task type's input JSON Schema.
 *
 * Written here rather than taken from @rjsf/core: the task schemas are generated from flat Java records
 * (victools' PLAIN_JSON preset: type, properties, required, enum, min/max, lengths, pattern, nested objects and
 * arrays), so this small subset is all a form needs, while @rjsf/core with its AJV validator would add about
 * ten times this page's code to the bundle and needs AJV's separate draft 2020-12 build for these schemas. The
 * supervisor validates every input against the schema at intake anyway, and its field errors are shown on the
 * fields they name. Nested objects and arrays are edited as JSON.
 */
import type { FieldError } from './api/problem';

export type FieldKind = 'text' | 'number' | 'integer' | 'boolean' | 'select' | 'json';

export interface FieldSpec {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  description?: string;
  options?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
}

export type FormValues = Record<string, string | boolean>;

type Schema = Record<string, unknown>;

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) {
    const target = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Schema | undefined)?.[key], root);
    if (target && typeof target === 'object') {
      return resolve(target as Schema, root);
    }
  }
  return schema;
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) {
    return type.find((t) => t !== 'null') as string | undefined;
  }
  return typeof type === 'string' ? type : undefined;
}

export function labelOf(name: string): string {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldsOf(rootSchema: unknown): FieldSpec[] {
  if (!rootSchema || typeof rootSchema !== 'object') {
    return [];
  }
  const root = rootSchema as Schema;
  const schema = resolve(root, root);
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, raw]) => {
    const property = resolve(raw, root);
    const type = typeOf(property);
    const spec: FieldSpec = {
      name,
      label: labelOf(name),
      kind: 'json',
      required: required.has(name),
      description: typeof property.description === 'string' ? property.description : undefined,
    };
    if (Array.isArray(property.enum)) {
      spec.kind = 'select';
      spec.options = property.enum.map(String);
    } else if (type === 'string') {
      spec.kind = 'text';
      spec.minLength = numberOrUndefined(property.minLength);
      spec.maxLength = numberOrUndefined(property.maxLength);
      spec.pattern = typeof property.pattern === 'string' ? property.pattern : undefined;
    } else if (type === 'number' || type === 'integer') {
      spec.kind = type;
      spec.minimum = numberOrUndefined(property.minimum ?? property.exclusiveMinimum);
      spec.maximum = numberOrUndefined(property.maximum ?? property.exclusiveMaximum);
    } else if (type === 'boolean') {
      spec.kind = 'boolean';
    }
    return spec;
  });
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

/** The form's starting values: the task type's valid example, so a person edits from something that works. */
export function initialValues(fields: FieldSpec[], example: unknown): FormValues {
  const values: FormValues = {};
  const source = example && typeof example === 'object' ? (example as Record<string, unknown>) : {};
  for (const field of fields) {
    const value = source[field.name];
    if (field.kind === 'boolean') {
      values[field.name] = value === true;
    } else if (value === undefined || value === null) {
      values[field.name] = '';
    } else if (field.kind === 'json') {
      values[field.name] = JSON.stringify(value, null, 2);
    } else {
      values[field.name] = String(value);
    }
  }
  return values;
}

/** Turns the form back into `input_data`, or names the fields that cannot be sent as they are. */
export function toInput(
  fields: FieldSpec[],
  values: FormValues,
): { input: Record<string, unknown>; errors: FieldError[] } {
  const input: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === 'boolean') {
      input[field.name] = value === true;
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : '';
    if (text === '') {
      if (field.required) {
        errors.push({ field: field.name, message: 'is required' });
      }
      continue;
    }
    if (field.kind === 'number' || field.kind === 'integer') {
      const number = Number(text);
      if (!Number.isFinite(number)) {
        errors.push({ field: field.name, message: 'must be a number' });
      } else if (field.kind === 'integer' && !Number.isInteger(number)) {
        errors.push({ field: field.name, message: 'must be a whole number' });
      } else {
        input[field.name] = number;
      }
    } else if (field.kind === 'json') {
      try {
        input[field.name] = JSON.parse(text);
      } catch {
        errors.push({ field: field.name, message: 'must be valid JSON' });
      }
    } else {
      input[field.name] = typeof value === 'string' ? value : text;
    }
  }
  return { input, errors };
}

/** `input_data.sku`, `sku` and `tasks[0].input_data.sku` all name the form field `sku`. */
export function fieldOfError(path: string): string {
  const withoutPrefix = path.replace(/^.*input_data[./]?/, '');
  return withoutPrefix.split(/[.[/]/)[0] || path;
}
