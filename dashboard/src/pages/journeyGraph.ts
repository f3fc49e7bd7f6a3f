import type { FieldError } from '../api/problem';
import type { JourneyDefinition, JourneyStep } from '../api/types';
import { DEFAULT_CURRENCY } from './segmentRules';

/**
 * The journey builder's model: the journey definition as the campaign agent stores it stays the one source of
 * truth, and the graph (nodes and edges) is derived from it. Links are the step fields that name another step.
 */
export const STEP_TYPES = ['wait', 'condition', 'score', 'segment', 'split', 'email', 'sms', 'push', 'webhook', 'end'] as const;

const BRANCHING = ['condition', 'score', 'segment'];

export interface Outlet {
  /** the field that holds the link: next, if_true, if_false, on_event or branches[i].next */
  handle: string;
  label: string;
  target: string | undefined;
}

/** The links a step can have, in the order the node shows them. */
export function outlets(step: JourneyStep): Outlet[] {
  if (step.type === 'end') {
    return [];
  }
  if (BRANCHING.includes(step.type)) {
    return [
      { handle: 'if_true', label: 'yes', target: step.if_true },
      { handle: 'if_false', label: 'no', target: step.if_false },
    ];
  }
  if (step.type === 'split') {
    return (step.branches ?? []).map((b, i) => ({ handle: `branches[${i}].next`, label: b.name || `branch ${i + 1}`, target: b.next }));
  }
  if (step.type === 'wait' && step.event) {
    return [
      { handle: 'on_event', label: step.event, target: step.on_event },
      { handle: 'next', label: 'timed out', target: step.next },
    ];
  }
  return [{ handle: 'next', label: 'then', target: step.next }];
}

/**
 * The journey fields that are amounts of money. A condition on one names the currency of its value, and the agent
 * compares it only with money in that currency (what the customer paid in it, or a cart in it); it refuses one without.
 */
export const MONEY_FIELDS = ['cart_value', 'total_spent'];

export function isMoneyField(field: string | undefined): boolean {
  return field !== undefined && MONEY_FIELDS.includes(field);
}

/**
 * A condition step on another field: one on money starts in the shop's currency, and one on anything else loses the
 * currency it had, which the agent would refuse there.
 */
export function withConditionField(step: JourneyStep, field: string | undefined): JourneyStep {
  if (isMoneyField(field)) {
    return { ...step, field, currency: step.currency ?? DEFAULT_CURRENCY };
  }
  const { currency: _dropped, ...rest } = step;
  return { ...rest, field };
}

export interface GraphEdge {
  id: string;
  source: string;
  sourceHandle: string;
  target: string;
  label: string;
  /** no `next`: the step goes on to the one written after it */
  implicit: boolean;
}

export function edgesOf(definition: JourneyDefinition): GraphEdge[] {
  const ids = new Set(definition.steps.map((s) => s.id));
  const edges: GraphEdge[] = [];
  definition.steps.forEach((step, i) => {
    for (const outlet of outlets(step)) {
      let target = outlet.target;
      let implicit = false;
      if (!target && outlet.handle === 'next') {
        target = definition.steps[i + 1]?.id;
        implicit = true;
      }
      if (target && ids.has(target)) {
        edges.push({ id: `${step.id}:${outlet.handle}`, source: step.id, sourceHandle: outlet.handle, target, label: outlet.label, implicit });
      }
    }
  });
  return edges;
}

/** Sets (or with no target, clears) the link a step's handle stands for. */
export function setLink(definition: JourneyDefinition, stepId: string, handle: string, target: string | undefined): JourneyDefinition {
  return {
    ...definition,
    steps: definition.steps.map((step) => {
      if (step.id !== stepId) {
        return step;
      }
      const branch = /^branches\[(\d+)\]\.next$/.exec(handle);
      if (branch) {
        const index = Number(branch[1]);
        return { ...step, branches: (step.branches ?? []).map((b, i) => (i === index ? { ...b, next: target } : b)) };
      }
      return { ...step, [handle]: target };
    }),
  };
}

function references(step: JourneyStep, rename: (id: string | undefined) => string | undefined): JourneyStep {
  return {
    ...step,
    next: rename(step.next),
    if_true: rename(step.if_true),
    if_false: rename(step.if_false),
    on_event: rename(step.on_event),
    branches: step.branches?.map((b) => ({ ...b, next: rename(b.next) })),
  };
}

/** Changes a step, and when its id changes, every link to it. */
export function updateStep(definition: JourneyDefinition, stepId: string, changed: JourneyStep): JourneyDefinition {
  const steps = definition.steps.map((s) => (s.id === stepId ? changed : s));
  if (changed.id === stepId) {
    return { ...definition, steps };
  }
  return { ...definition, steps: steps.map((s) => references(s, (id) => (id === stepId ? changed.id : id))) };
}

export function addStep(definition: JourneyDefinition, type: string): { definition: JourneyDefinition; id: string } {
  const taken = new Set(definition.steps.map((s) => s.id));
  let n = definition.steps.length + 1;
  while (taken.has(`${type}-${n}`)) {
    n += 1;
  }
  const id = `${type}-${n}`;
  const step: JourneyStep = { id, type };
  if (type === 'split') {
    step.branches = [
      { name: 'a', weight: 50 },
      { name: 'b', weight: 50 },
    ];
  }
  return { definition: { ...definition, steps: [...definition.steps, step] }, id };
}

/** Removes a step and the links to it. */
export function removeStep(definition: JourneyDefinition, stepId: string): JourneyDefinition {
  return {
    ...definition,
    steps: definition.steps.filter((s) => s.id !== stepId).map((s) => references(s, (id) => (id === stepId ? undefined : id))),
  };
}

export interface StepErrors {
  /** by step id: the field within the step and what is wrong with it */
  byStep: Map<string, string[]>;
  /** about the journey as a whole (name, trigger, steps) */
  general: string[];
}

/** The validator names steps by their place (steps[3].next); the builder shows each error on its step. */
export function errorsByStep(errors: FieldError[], definition: JourneyDefinition): StepErrors {
  const byStep = new Map<string, string[]>();
  const general: string[] = [];
  for (const error of errors) {
    const m = /^steps\[(\d+)\]\.?(.*)$/.exec(error.field);
    const step = m ? definition.steps[Number(m[1])] : undefined;
    if (m && step) {
      const text = m[2] ? `${m[2]}: ${error.message}` : error.message;
      byStep.set(step.id, [...(byStep.get(step.id) ?? []), text]);
    } else {
      general.push(`${error.field}: ${error.message}`);
    }
  }
  return { byStep, general };
}

/**
 * Positions by distance from the first step (rows) and order within a row. Journeys have tens of steps at most,
 * and a top-down layering of their links reads well; a general graph-layout library would add weight for nothing.
 */
const ROW_HEIGHT = 150;

export function layout(definition: JourneyDefinition): Map<string, { x: number; y: number }> {
  const depth = new Map<string, number>();
  const edges = edgesOf(definition);
  const first = definition.steps[0]?.id;
  if (first !== undefined) {
    depth.set(first, 0);
    const queue = [first];
    while (queue.length) {
      const id = queue.shift()!;
      for (const e of edges.filter((x) => x.source === id)) {
        if (!depth.has(e.target)) {
          depth.set(e.target, depth.get(id)! + 1);
          queue.push(e.target);
        }
      }
    }
  }
  const maxDepth = Math.max(0, ...depth.values());
  const perRow = new Map<number, number>();
  const positions = new Map<string, { x: number; y: number }>();
  for (const step of definition.steps) {
    // a step no link reaches goes below the others, where the author sees it is cut off
    const row = depth.get(step.id) ?? maxDepth + 1;
    const column = perRow.get(row) ?? 0;
    perRow.set(row, column + 1);
    positions.set(step.id, { x: column * 240, y: row * ROW_HEIGHT });
  }
  return positions;
}

/** Null, undefined, empty strings and empty lists dropped: the agent refuses fields it does not know. */
export function cleanDefinition<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map((v) => cleanDefinition(v)) as T;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0 && key !== 'steps')) {
        continue;
      }
      out[key] = cleanDefinition(v);
    }
    return out as T;
  }
  return value;
}

export function emptyJourney(): JourneyDefinition {
  return {
    name: '',
    trigger: { type: 'event', event: 'cart.abandoned' },
    steps: [
      { id: 'wait-1', type: 'wait', duration: '1 hour' },
      { id: 'email-2', type: 'email', template: '' },
      { id: 'end', type: 'end', reason: 'done' },
    ],
  };
}
