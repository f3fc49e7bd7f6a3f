import { expect, test } from '@playwright/test';
import { capture, createUser, expectAccessible, signIn } from './support';

test.describe('campaigns page', () => {
  test('a marketing manager builds a journey: the validator marks the step at fault, then it saves and activates', async ({ page, request }) => {
    test.slow();
    const manager = await createUser(request, 'MARKETING_MANAGER');
    await signIn(page, manager.email, manager.password);
    await page.getByRole('navigation', { name: 'Dashboard' }).getByRole('link', { name: 'Campaigns' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Loading' })).toHaveCount(0);
    await expectAccessible(page);

    const builder = page.getByRole('region', { name: 'Journey builder' });
    const name = `E2E journey ${Date.now()}`;
    await builder.getByLabel('Journey name').fill(name);
    // the new draft's e-mail step has no template yet: the agent refuses it and names the step
    await builder.getByRole('button', { name: 'Validate and save' }).click();
    await expect(builder.getByRole('alert')).toContainText('Step “email-2”: template');
    await expect(builder.locator('.step-node[data-step="email-2"]')).toHaveClass(/invalid/);

    await builder.locator('.step-node[data-step="email-2"]').click();
    await builder.getByLabel('Template id').fill('abandoned_cart_reminder');
    await builder.getByRole('button', { name: 'Validate and save' }).click();
    await expect(builder.getByRole('status')).toContainText(name);

    const journeys = page.getByRole('region', { name: 'Journeys' });
    await journeys.getByRole('button', { name: `Activate ${name}` }).click();
    const row = journeys.getByRole('row').filter({ hasText: name });
    await expect(row.locator('.badge')).toHaveText('active');
    // nobody has entered the new journey yet: its results, read from the campaign agent, are all zero
    await row.getByText('Results').click();
    await expect(row.getByLabel(`Results of ${name}`)).toContainText('0 / 0');
    await capture(page, 'campaigns-journey-saved');
  });

  test('support staff read campaigns without the builder', async ({ page, request }) => {
    const agent = await createUser(request, 'SUPPORT_AGENT');
    await signIn(page, agent.email, agent.password);
    await page.goto('/admin/campaigns');
    await expect(page.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Journeys' })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Journey builder' })).toHaveCount(0);
  });
});
