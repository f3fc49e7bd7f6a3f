import {
  applyNodeChanges,
  Background,
  Controls,
  Handle,
  MarkerType,
  Position,
  ReactFlow,
  type Connection,
  type Edge,
  type Node,
  type NodeChange,
  type NodeProps,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, post } from '../api/client';
import { ApiError, messageOf } from '../api/problem';
import type { Journey, JourneyDefinition, JourneyStep } from '../api/types';
import {
  addStep,
  cleanDefinition,
  edgesOf,
  errorsByStep,
  isMoneyField,
  layout,
  outlets,
  removeStep,
  setLink,
  STEP_TYPES,
  updateStep,
  withConditionField,
  type StepErrors,
} from './journeyGraph';

interface StepData extends Record<string, unknown> {
  step: JourneyStep;
  errors: string[];
  selected: boolean;
}

const NO_ERRORS: StepErrors = { byStep: new Map(), general: [] };

function summary(step: JourneyStep): string {
  switch (step.type) {
    case 'wait':
      return step.duration ? `wait ${step.duration}` : step.until ? `until ${step.until}` : step.event ? `for ${step.event} (${step.timeout ?? '?'})` : 'wait';
    case 'condition':
      return (
        step.check ??
        `${step.field ?? '?'} ${step.operator ?? '?'} ${step.value === undefined ? '' : String(step.value)}${isMoneyField(step.field) ? ` ${step.currency ?? '(no currency)'}` : ''}`
      );
    case 'score':
      return `score ≥ ${step.min_score ?? '?'}`;
    case 'email':
    case 'sms':
    case 'push':
    case 'webhook':
      return step.template ? `template ${step.template}` : 'no template';
    case 'end':
      return step.reason ?? 'end';
    default:
      return '';
  }
}

function StepNode({ data }: NodeProps<Node<StepData>>) {
  const { step, errors, selected } = data;
  const out = outlets(step);
  return (
    <div className={`step-node${selected ? ' selected' : ''}${errors.length ? ' invalid' : ''}`} data-step={step.id}>
      <Handle type="target" position={Position.Top} />
      <div className="step-type">{step.type}</div>
      <strong>{step.id}</strong>
      <div className="muted">{summary(step)}</div>
      {errors.map((e) => (
        <p className="step-error" key={e}>
          {e}
        </p>
      ))}
      {out.map((o, i) => (
        // the edges carry the labels; an unlinked outlet names itself on hover
        <Handle
          key={o.handle}
          id={o.handle}
          type="source"
          position={Position.Bottom}
          title={o.label}
          style={{ left: `${((i + 1) / (out.length + 1)) * 100}%` }}
        />
      ))}
    </div>
  );
}

const NODE_TYPES = { step: StepNode };

/** A visual editor of a journey definition; saving sends it to the campaign agent, whose validator answers. */
/** Saves a new journey, or, given `journeyId`, new steps for that journey (one never activated). */
export default function JourneyBuilder({
  initial,
  journeyId,
  onSaved,
}: {
  initial: JourneyDefinition;
  journeyId?: string;
  onSaved: (journey: Journey) => void;
}) {
  const [definition, setDefinition] = useState<JourneyDefinition>(initial);
  const [selected, setSelected] = useState<string | undefined>(initial.steps[0]?.id);
  const [errors, setErrors] = useState<StepErrors>(NO_ERRORS);
  const [nodes, setNodes] = useState<Node<StepData>[]>([]);
  const [saved, setSaved] = useState<{ journey: Journey; created: boolean }>();
  // once a new journey is stored, saving again changes it: a second POST would be refused as a duplicate name
  const [createdId, setCreatedId] = useState<string>();
  const targetId = journeyId ?? createdId;
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();

  useEffect(() => {
    setNodes((previous) => {
      const before = new Map(previous.map((n) => [n.id, n]));
      const auto = layout(definition);
      return definition.steps.map((step) => {
        const old = before.get(step.id);
        return {
          ...(old ?? {}),
          id: step.id,
          type: 'step',
          position: old?.position ?? auto.get(step.id) ?? { x: 0, y: 0 },
          data: { step, errors: errors.byStep.get(step.id) ?? [], selected: step.id === selected },
        };
      });
    });
  }, [definition, errors, selected]);

  const edges: Edge[] = useMemo(
    () =>
      edgesOf(definition).map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        sourceHandle: e.sourceHandle,
        label: e.label,
        deletable: !e.implicit,
        style: e.implicit ? { strokeDasharray: '4 4' } : undefined,
        markerEnd: { type: MarkerType.ArrowClosed },
      })),
    [definition],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<Node<StepData>>[]) => setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove'), ns)),
    [],
  );
  const edit = (next: JourneyDefinition) => {
    setDefinition(next);
    setSaved(undefined);
  };
  const step = definition.steps.find((s) => s.id === selected);

  // saving is the validation: a journey that passes is stored (the dry run, in the journey list, needs it stored)
  async function submit() {
    const sent = definition;
    setSaving(true);
    setSaveError(undefined);
    setErrors(NO_ERRORS);
    try {
      const journey = targetId
        ? await api<Journey>(`/api/v1/campaigns/journeys/${targetId}`, { method: 'PUT', body: JSON.stringify(cleanDefinition(sent)) })
        : await post<Journey>('/api/v1/campaigns/journeys', cleanDefinition(sent));
      if (!targetId) {
        setCreatedId(journey.id);
      }
      setSaved({ journey, created: !targetId });
      onSaved(journey);
    } catch (e) {
      setSaveError(e);
      if (e instanceof ApiError) {
        // the errors name steps by their place in the definition as it was sent
        setErrors(errorsByStep(e.errors, sent));
      }
    } finally {
      setSaving(false);
    }
  }

  const stepErrors = [...errors.byStep.entries()];
  return (
    <div>
      <div className="row">
        <label>
          Journey name
          <input value={definition.name} maxLength={200} onChange={(e) => edit({ ...definition, name: e.target.value })} />
        </label>
        <label>
          Description
          <input value={definition.description ?? ''} maxLength={1000} onChange={(e) => edit({ ...definition, description: e.target.value })} />
        </label>
        <TriggerFields definition={definition} onChange={edit} />
      </div>
      <div className="builder">
        <div className="canvas" role="group" aria-label="Journey graph: drag from a step's lower handle to another step to link them">
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onNodeClick={(_, node) => setSelected(node.id)}
            onConnect={(c: Connection) => c.sourceHandle && edit(setLink(definition, c.source, c.sourceHandle, c.target))}
            onEdgesDelete={(deleted) =>
              edit(deleted.reduce((d, e) => (e.sourceHandle ? setLink(d, e.source, e.sourceHandle, undefined) : d), definition))
            }
            fitView
            proOptions={{ hideAttribution: true }}
          >
            <Background />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        <div>
          <AddStep
            onAdd={(type) => {
              const added = addStep(definition, type);
              edit(added.definition);
              setSelected(added.id);
            }}
          />
          {step ? (
            <StepForm
              key={step.id}
              step={step}
              stepIds={definition.steps.map((s) => s.id)}
              onChange={(changed) => {
                edit(updateStep(definition, step.id, changed));
                setSelected(changed.id);
              }}
              onRemove={() => {
                edit(removeStep(definition, step.id));
                setSelected(undefined);
              }}
            />
          ) : (
            <p className="muted">Select a step to edit it.</p>
          )}
        </div>
      </div>
      <div className="row">
        <button type="button" disabled={saving} onClick={submit}>
          {saving ? 'Validating…' : targetId ? 'Validate and save changes' : 'Validate and save'}
        </button>
        {saved && (
          <span role="status">
            {saved.created ? `Saved as journey “${saved.journey.name}”.` : `Saved the changes to journey “${saved.journey.name}”.`} Activate it from the list of
            journeys.
          </span>
        )}
      </div>
      {saveError !== undefined && (
        <div role="alert" className="problem">
          <strong>The agent did not accept the journey.</strong> {saveError instanceof ApiError ? saveError.message : messageOf(saveError)}
          {(errors.general.length > 0 || stepErrors.length > 0) && (
            <ul>
              {errors.general.map((e) => (
                <li key={e}>{e}</li>
              ))}
              {stepErrors.map(([id, list]) =>
                list.map((e) => (
                  <li key={`${id}-${e}`}>
                    Step “{id}”: {e}
                  </li>
                )),
              )}
            </ul>
          )}
        </div>
      )}
      <details>
        <summary>Definition as JSON</summary>
        <JsonEditor definition={definition} onApply={edit} />
      </details>
    </div>
  );
}

function TriggerFields({ definition, onChange }: { definition: JourneyDefinition; onChange: (d: JourneyDefinition) => void }) {
  const trigger = definition.trigger ?? {};
  const set = (patch: Partial<JourneyDefinition['trigger']>) => onChange({ ...definition, trigger: { ...trigger, ...patch } });
  return (
    <>
      <label>
        Trigger
        <select value={trigger.type ?? ''} onChange={(e) => set({ type: e.target.value })}>
          <option value="event">a commerce event</option>
          <option value="segment_entry">entering a segment</option>
          <option value="date">a date</option>
        </select>
      </label>
      {trigger.type === 'event' && (
        <label>
          Event
          <input value={trigger.event ?? ''} placeholder="cart.abandoned" onChange={(e) => set({ event: e.target.value })} />
        </label>
      )}
      {trigger.type === 'event' && (
        <label>
          Re-entry
          <input
            value={trigger.re_entry ?? ''}
            placeholder={trigger.event === 'customer.upserted' ? 'never (default)' : 'after_completion (default)'}
            title="never, after_completion, or the least time between two entries (P30D, 30 days)"
            onChange={(e) => set({ re_entry: e.target.value.trim() || undefined })}
          />
        </label>
      )}
      {(trigger.type === 'segment_entry' || trigger.type === 'date') && (
        <label>
          Segment id
          <input value={trigger.segment_id ?? ''} onChange={(e) => set({ segment_id: e.target.value.trim() })} />
        </label>
      )}
      {trigger.type === 'date' && (
        <label>
          At (UTC, ISO-8601)
          <input value={trigger.at ?? ''} placeholder="2026-12-24T08:00:00Z" onChange={(e) => set({ at: e.target.value.trim() })} />
        </label>
      )}
    </>
  );
}

function AddStep({ onAdd }: { onAdd: (type: string) => void }) {
  const [type, setType] = useState<string>('email');
  return (
    <div className="row">
      <label>
        New step
        <select value={type} onChange={(e) => setType(e.target.value)}>
          {STEP_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <button type="button" className="secondary" onClick={() => onAdd(type)}>
        Add step
      </button>
    </div>
  );
}

/** Numbers and booleans typed into a value field are sent as such, as an author writes them in YAML. */
function typed(text: string): unknown {
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  return text.trim() !== '' && !Number.isNaN(Number(text)) ? Number(text) : text;
}

function StepForm({
  step,
  stepIds,
  onChange,
  onRemove,
}: {
  step: JourneyStep;
  stepIds: string[];
  onChange: (step: JourneyStep) => void;
  onRemove: () => void;
}) {
  const [id, setId] = useState(step.id);
  const text = (key: keyof JourneyStep, label: string, placeholder?: string) => (
    <label>
      {label}
      <input
        value={step[key] === undefined || step[key] === null ? '' : String(step[key])}
        placeholder={placeholder}
        onChange={(e) => onChange({ ...step, [key]: e.target.value === '' ? undefined : e.target.value })}
      />
    </label>
  );
  return (
    <fieldset className="card">
      <legend>
        Step {step.id} ({step.type})
      </legend>
      <label>
        Step id
        <input
          value={id}
          maxLength={64}
          onChange={(e) => setId(e.target.value)}
          onBlur={() => id.trim() && id.trim() !== step.id && !stepIds.includes(id.trim()) && onChange({ ...step, id: id.trim() })}
        />
      </label>
      {step.type === 'wait' && (
        <>
          {text('duration', 'Duration', '2 days')}
          {text('until', 'Until (UTC)', '2026-12-24T08:00:00Z')}
          {text('event', 'Or wait for event', 'order.placed')}
          {step.event && text('timeout', 'Timeout', '24 hours')}
        </>
      )}
      {step.type === 'condition' && (
        <>
          {text('check', 'Named check', 'cart_still_abandoned')}
          {!step.check && (
            <>
              <label>
                Field
                <input value={step.field ?? ''} placeholder="cart_value" onChange={(e) => onChange(withConditionField(step, e.target.value === '' ? undefined : e.target.value))} />
              </label>
              {text('operator', 'Operator', 'gt')}
              <label>
                Value
                <input value={step.value === undefined ? '' : String(step.value)} onChange={(e) => onChange({ ...step, value: e.target.value === '' ? undefined : typed(e.target.value) })} />
              </label>
              {/* the agent compares money only with money in the condition's currency, and refuses an amount without one */}
              {isMoneyField(step.field) && (
                <label>
                  Currency
                  <input
                    value={step.currency ?? ''}
                    size={4}
                    maxLength={3}
                    placeholder="GBP"
                    onChange={(e) => onChange({ ...step, currency: e.target.value.trim() === '' ? undefined : e.target.value.trim().toUpperCase() })}
                  />
                </label>
              )}
            </>
          )}
        </>
      )}
      {step.type === 'score' && (
        <label>
          Minimum score (0–100)
          <input
            type="number"
            min={0}
            max={100}
            value={step.min_score ?? ''}
            onChange={(e) => onChange({ ...step, min_score: e.target.value === '' ? undefined : Number(e.target.value) })}
          />
        </label>
      )}
      {step.type === 'segment' && text('segment_id', 'Segment id')}
      {['email', 'sms', 'push', 'webhook'].includes(step.type) && text('template', 'Template id', 'abandoned_cart_reminder')}
      {['sms', 'push'].includes(step.type) && text('message', 'Message')}
      {step.type === 'webhook' && text('url', 'URL', 'https://')}
      {step.type === 'end' && text('reason', 'Reason', 'converted')}
      {step.type === 'split' && (
        <>
          {(step.branches ?? []).map((b, i) => (
            <div className="row" key={i}>
              <label>
                Branch {i + 1} name
                <input value={b.name ?? ''} onChange={(e) => onChange({ ...step, branches: step.branches!.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)) })} />
              </label>
              <label>
                Weight
                <input
                  type="number"
                  min={1}
                  value={b.weight ?? ''}
                  onChange={(e) => onChange({ ...step, branches: step.branches!.map((x, j) => (j === i ? { ...x, weight: Number(e.target.value) } : x)) })}
                />
              </label>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => onChange({ ...step, branches: [...(step.branches ?? []), { name: '', weight: 1 }] })}>
            Add branch
          </button>
        </>
      )}
      {outlets(step).map((o) => (
        <label key={o.handle}>
          Go to ({o.label})
          <select
            value={o.target ?? ''}
            onChange={(e) => {
              const linked = setLink({ name: '', trigger: {}, steps: [step] }, step.id, o.handle, e.target.value || undefined);
              onChange(linked.steps[0]);
            }}
          >
            <option value="">{o.handle === 'next' ? '(the step written after it)' : '(choose)'}</option>
            {stepIds
              .filter((s) => s !== step.id)
              .map((s) => (
                <option key={s}>{s}</option>
              ))}
          </select>
        </label>
      ))}
      <button type="button" className="link" onClick={onRemove}>
        Remove step {step.id}
      </button>
    </fieldset>
  );
}

function JsonEditor({ definition, onApply }: { definition: JourneyDefinition; onApply: (d: JourneyDefinition) => void }) {
  const [text, setText] = useState(() => JSON.stringify(cleanDefinition(definition), null, 2));
  const [problem, setProblem] = useState<string>();
  useEffect(() => setText(JSON.stringify(cleanDefinition(definition), null, 2)), [definition]);
  return (
    <div>
      <label>
        Definition
        <textarea className="mono" rows={14} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      {problem && <p className="field-error">{problem}</p>}
      <button
        type="button"
        className="secondary"
        onClick={() => {
          try {
            const parsed = JSON.parse(text) as JourneyDefinition;
            if (!Array.isArray(parsed.steps)) {
              throw new Error('the definition needs a list of steps');
            }
            setProblem(undefined);
            onApply({ ...parsed, steps: parsed.steps.map((s) => ({ ...s, id: String(s.id) })) });
          } catch (e) {
            setProblem(`Not a journey definition: ${e instanceof Error ? e.message : String(e)}`);
          }
        }}
      >
        Apply JSON
      </button>
    </div>
  );
}
