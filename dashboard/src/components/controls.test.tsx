// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ReasonAction } from './controls';

afterEach(() => cleanup());

describe('ReasonAction', () => {
  it('focuses the reason when it opens and gives the focus back to its button when cancelled', async () => {
    render(<ReasonAction label="Pause" busy={false} onConfirm={async () => 'done'} />);
    const user = userEvent.setup();

    screen.getByRole('button', { name: 'Pause' }).focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByLabelText('Reason'));

    // the confirm button is disabled while there is no reason: the next stop is Cancel
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pause' }));
  });

  it('gives the focus back to its button when the action is done, and keeps the form open when it failed', async () => {
    let answer: unknown = undefined;
    const reasons: string[] = [];
    render(
      <ReasonAction
        label="Pause"
        busy={false}
        onConfirm={async (reason) => {
          reasons.push(reason);
          return answer;
        }}
      />,
    );
    const user = userEvent.setup();

    screen.getByRole('button', { name: 'Pause' }).focus();
    await user.keyboard('{Enter}');
    await user.keyboard('too many complaints{Enter}');
    expect(reasons).toEqual(['too many complaints']);
    expect(screen.getByLabelText('Reason')).toBeTruthy();

    answer = 'done';
    screen.getByLabelText('Reason').focus();
    await user.keyboard('{Enter}');
    expect(reasons).toHaveLength(2);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Pause' }));
  });

  it('reads its hint out with the reason, and has none unless given one', async () => {
    const user = userEvent.setup();
    const { unmount } = render(<ReasonAction label="Suppress" hint="The customer reads this." busy={false} onConfirm={async () => 'done'} />);
    await user.click(screen.getByRole('button', { name: 'Suppress' }));
    const reason = screen.getByLabelText('Reason');
    expect(document.getElementById(reason.getAttribute('aria-describedby') ?? '')?.textContent).toBe('The customer reads this.');
    unmount();

    render(<ReasonAction label="Pause" busy={false} onConfirm={async () => 'done'} />);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(screen.getByLabelText('Reason').hasAttribute('aria-describedby')).toBe(false);
  });
});
