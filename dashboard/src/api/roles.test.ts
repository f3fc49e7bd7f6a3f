import { describe, expect, it } from 'vitest';
import { can, homeFor, navFor, parseRoles } from './roles';

const labels = (roles: Parameters<typeof navFor>[0]) => navFor(roles).map((item) => item.label);

describe('role-based navigation', () => {
  it('gives an admin every page', () => {
    expect(labels(['ADMIN'])).toEqual([
      'Overview',
      'Tasks & escalations',
      'Agents',
      'Support desk',
      'Finance',
      'Recommendations',
      'Campaigns',
      'Ads',
      'Inventory',
      'Privacy requests',
    ]);
  });

  it('keeps the ads page from support staff and gives them read-only campaigns and inventory', () => {
    expect(labels(['SUPPORT_AGENT'])).not.toContain('Ads');
    expect(labels(['SUPPORT_AGENT'])).toEqual(expect.arrayContaining(['Campaigns', 'Inventory']));
    expect(can(['SUPPORT_AGENT'], 'campaigns.write')).toBe(false);
    expect(can(['SUPPORT_AGENT'], 'inventory.write')).toBe(false);
    expect(can(['MARKETING_MANAGER'], 'ads.write')).toBe(true);
    expect(can(['MARKETING_MANAGER'], 'inventory.write')).toBe(true);
  });

  it('keeps privacy requests to admins, as the gateway does', () => {
    expect(labels(['MARKETING_MANAGER'])).not.toContain('Privacy requests');
    expect(labels(['SUPPORT_AGENT'])).not.toContain('Privacy requests');
  });

  it('keeps the support desk from marketing managers, as the gateway does', () => {
    expect(labels(['MARKETING_MANAGER'])).not.toContain('Support desk');
    expect(labels(['MARKETING_MANAGER'])).toContain('Finance');
  });

  it('gives support staff the desk and read-only finance', () => {
    expect(labels(['SUPPORT_AGENT'])).toContain('Support desk');
    expect(can(['SUPPORT_AGENT'], 'finance.read')).toBe(true);
    expect(can(['SUPPORT_AGENT'], 'finance.write')).toBe(false);
    expect(can(['SUPPORT_AGENT'], 'recommendations.write')).toBe(false);
  });

  it('lets only admins invoke agents, and admins and shoppers send commerce events', () => {
    expect(can(['ADMIN'], 'agents.write')).toBe(true);
    expect(can(['MARKETING_MANAGER'], 'agents.write')).toBe(false);
    expect(can(['CUSTOMER'], 'events.send')).toBe(true);
    expect(can(['SUPPORT_AGENT'], 'events.send')).toBe(false);
  });

  it('shows customers no admin page and sends them to the shop', () => {
    expect(navFor(['CUSTOMER'])).toEqual([]);
    expect(homeFor(['CUSTOMER'])).toBe('/shop');
    expect(homeFor(['SUPPORT_AGENT'])).toBe('/admin');
  });

  it('ignores roles it does not know, and service roles', () => {
    expect(parseRoles(['SYSTEM_AGENT', 'CUSTOMER', 7])).toEqual(['CUSTOMER']);
    expect(parseRoles('ADMIN')).toEqual([]);
  });
});
