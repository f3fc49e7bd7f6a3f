import { describe, expect, it } from 'vitest';
import type { JourneyDefinition } from '../api/types';
import { addStep, cleanDefinition, edgesOf, errorsByStep, layout, removeStep, setLink, updateStep, withConditionField } from './journeyGraph';

const journey: JourneyDefinition = {
  name: 'Cart',
  trigger: { type: 'event', event: 'cart.abandoned' },
  steps: [
    { id: '1', type: 'wait', event: 'order.placed', timeout: '1 hour', on_event: 'won' },
    { id: '2', type: 'condition', check: 'cart_still_abandoned', if_true: '3', if_false: 'won' },
    { id: '3', type: 'email', template: 'reminder' },
    { id: 'lost', type: 'end' },
    { id: 'won', type: 'end' },
  ],
};

describe('journey graph', () => {
  it('gives a condition on money the shop’s currency to start with, and a condition on anything else none', () => {
    const condition = { id: 'c', type: 'condition', operator: 'gt', value: 500 };
    expect(withConditionField(condition, 'total_spent')).toEqual({ ...condition, field: 'total_spent', currency: 'GBP' });
    expect(withConditionField({ ...condition, currency: 'JPY' }, 'cart_value')).toEqual({ ...condition, field: 'cart_value', currency: 'JPY' });
    expect(withConditionField({ ...condition, field: 'total_spent', currency: 'GBP' }, 'order_count')).toEqual({ ...condition, field: 'order_count' });
  });

  it('draws every link, and the fall-through to the next written step as implicit', () => {
    const edges = edgesOf(journey).map((e) => `${e.source}-${e.sourceHandle}->${e.target}${e.implicit ? ' (implicit)' : ''}`);
    expect(edges).toEqual([
      '1-on_event->won',
      '1-next->2 (implicit)',
      '2-if_true->3',
      '2-if_false->won',
      '3-next->lost (implicit)',
    ]);
  });

  it('sets and clears links, including a split branch', () => {
    const linked = setLink(journey, '3', 'next', 'won');
    expect(linked.steps[2].next).toBe('won');
    const split = addStep(journey, 'split');
    const branched = setLink(split.definition, split.id, 'branches[1].next', 'lost');
    expect(branched.steps.at(-1)?.branches?.map((b) => b.next)).toEqual([undefined, 'lost']);
    expect(setLink(linked, '3', 'next', undefined).steps[2].next).toBeUndefined();
  });

  it('renames a step together with the links to it, and removes a step with its links', () => {
    const renamed = updateStep(journey, 'won', { id: 'converted', type: 'end' });
    expect(renamed.steps[0].on_event).toBe('converted');
    expect(renamed.steps[1].if_false).toBe('converted');
    const removed = removeStep(journey, '3');
    expect(removed.steps.map((s) => s.id)).toEqual(['1', '2', 'lost', 'won']);
    expect(removed.steps[1].if_true).toBeUndefined();
  });

  it('puts each validation error on the step its field names', () => {
    const errors = errorsByStep(
      [
        { field: 'steps[2].template', message: 'must be a template id' },
        { field: 'steps[3]', message: "step 'lost' cannot be reached from the first step" },
        { field: 'trigger.event', message: 'must be a commerce event type' },
      ],
      journey,
    );
    expect(errors.byStep.get('3')).toEqual(['template: must be a template id']);
    expect(errors.byStep.get('lost')).toEqual(["step 'lost' cannot be reached from the first step"]);
    expect(errors.general).toEqual(['trigger.event: must be a commerce event type']);
  });

  it('lays steps out by their distance from the first one', () => {
    const positions = layout(journey);
    expect(positions.get('1')).toEqual({ x: 0, y: 0 });
    expect(positions.get('won')?.y).toBe(150);
    expect(positions.get('2')?.y).toBe(150);
    expect(positions.get('lost')?.y).toBe(450);
  });

  it('drops empty fields before the definition is sent', () => {
    expect(cleanDefinition({ name: 'x', description: '', trigger: { type: 'event', segment_id: null }, steps: [{ id: 'a', type: 'end', next: undefined, branches: [] }] })).toEqual({
      name: 'x',
      trigger: { type: 'event' },
      steps: [{ id: 'a', type: 'end' }],
    });
  });
});
