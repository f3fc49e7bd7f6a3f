import { useMemo, useState, type FormEvent } from 'react';
import type { FieldError } from '../api/problem';
import { ApiError } from '../api/problem';
import { fieldOfError, fieldsOf, initialValues, toInput, type FieldSpec, type FormValues } from '../schemaForm';

/** A form generated from a JSON Schema; calls onSubmit with the input, shows field errors from either side. */
export function SchemaForm({
  schema,
  example,
  submitLabel,
  busyLabel,
  busy,
  serverError,
  onSubmit,
  idPrefix,
}: {
  schema: unknown;
  example: unknown;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  serverError: unknown;
  onSubmit: (input: Record<string, unknown>) => void;
  idPrefix: string;
}) {
  const fields = useMemo(() => fieldsOf(schema), [schema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields, example));
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const serverErrors = serverError instanceof ApiError ? serverError.errors : [];
  const errorFor = (name: string) =>
    [...localErrors, ...serverErrors].filter((e) => fieldOfError(e.field) === name).map((e) => e.message);

  function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors } = toInput(fields, values);
    setLocalErrors(errors);
    if (errors.length === 0) {
      onSubmit(input);
    }
  }

  return (
    <form onSubmit={submit} className="schema-form" noValidate>
      {fields.length === 0 && <p className="muted">This task type takes no input.</p>}
      {fields.map((field) => (
        <Field
          key={field.name}
          id={`${idPrefix}-${field.name}`}
          field={field}
          value={values[field.name]}
          errors={errorFor(field.name)}
          onChange={(value) => setValues((current) => ({ ...current, [field.name]: value }))}
        />
      ))}
      <button type="submit" disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}

function Field({
  id,
  field,
  value,
  errors,
  onChange,
}: {
  id: string;
  field: FieldSpec;
  value: string | boolean;
  errors: string[];
  onChange: (value: string | boolean) => void;
}) {
  const errorId = `${id}-error`;
  const common = {
    id,
    'aria-invalid': errors.length > 0 || undefined,
    'aria-describedby': errors.length > 0 ? errorId : undefined,
    required: field.required,
  };
  let control;
  switch (field.kind) {
    case 'boolean':
      control = <input type="checkbox" {...common} checked={value === true} onChange={(e) => onChange(e.target.checked)} />;
      break;
    case 'select':
      control = (
        <select {...common} value={String(value)} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.required ? 'choose…' : '(none)'}</option>
          {field.options?.map((o) => (
            <option key={o}>{o}</option>
          ))}
        </select>
      );
      break;
    case 'number':
    case 'integer':
      control = (
        <input
          type="number"
          {...common}
          step={field.kind === 'integer' ? 1 : 'any'}
          min={field.minimum}
          max={field.maximum}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
      break;
    case 'json':
      control = <textarea {...common} rows={4} className="mono" value={String(value)} onChange={(e) => onChange(e.target.value)} />;
      break;
    default:
      control = (
        <input
          type="text"
          {...common}
          minLength={field.minLength}
          maxLength={field.maxLength}
          value={String(value)}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        {field.label}
        {field.required && <span aria-hidden="true"> *</span>}
        {field.kind === 'json' && <span className="muted"> (JSON)</span>}
      </label>
      {control}
      {field.description && <small className="muted">{field.description}</small>}
      {errors.length > 0 && (
        <small id={errorId} className="field-error">
          {errors.join('; ')}
        </small>
      )}
    </div>
  );
}
