/**
 * What each role may see and do in the UI. It mirrors the gateway's access matrix (gateway-service
 * application.yml, agentfactory.access.rules); the gateway stays the authority and refuses anything else.
 */
export type Role = 'ADMIN' | 'MARKETING_MANAGER' | 'SUPPORT_AGENT' | 'CUSTOMER';

export const STAFF_ROLES: readonly Role[] = ['ADMIN', 'MARKETING_MANAGER', 'SUPPORT_AGENT'];

const ALL_STAFF: readonly Role[] = STAFF_ROLES;
const MANAGERS: readonly Role[] = ['ADMIN', 'MARKETING_MANAGER'];

export const PERMISSIONS = {
  /** GET /api/v1/agents/** */
  'agents.read': ALL_STAFF,
  /** POST /api/v1/agents/** (invoke, create, cancel tasks) */
  'agents.write': ['ADMIN'],
  /** /api/v1/escalations/** */
  'escalations.work': ALL_STAFF,
  /** /api/v1/support/escalations/** */
  'support.desk': ['ADMIN', 'SUPPORT_AGENT'],
  /** GET /api/v1/financial/** */
  'finance.read': ALL_STAFF,
  /** POST/PUT /api/v1/financial/** */
  'finance.write': MANAGERS,
  /** GET /api/v1/recommendations/** */
  'recommendations.read': ALL_STAFF,
  /** POST/DELETE /api/v1/recommendations/** */
  'recommendations.write': MANAGERS,
  /** GET /api/v1/campaigns/** */
  'campaigns.read': ALL_STAFF,
  /** POST/PUT/DELETE /api/v1/campaigns/** (campaigns, journeys, templates, suppressions) */
  'campaigns.write': MANAGERS,
  /** /api/v1/ads/**: support staff have no rule there at all */
  'ads.read': MANAGERS,
  'ads.write': MANAGERS,
  /** GET /api/v1/inventory/** */
  'inventory.read': ALL_STAFF,
  /** POST /api/v1/inventory/** (forecasts, suggestions, purchase-order decisions, suppliers) */
  'inventory.write': MANAGERS,
  /** GET /api/v1/privacy/requests (every customer's export and erasure requests) */
  'privacy.admin': ['ADMIN'],
  /** POST /api/v1/events (storefront commerce events) */
  'events.send': ['ADMIN', 'CUSTOMER'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

export function isStaff(roles: readonly Role[]): boolean {
  return roles.some((role) => STAFF_ROLES.includes(role));
}

export interface NavItem {
  path: string;
  label: string;
  /** any one of these lets the item show */
  needs: Permission;
}

export const ADMIN_NAV: readonly NavItem[] = [
  { path: '/admin', label: 'Overview', needs: 'finance.read' },
  { path: '/admin/tasks', label: 'Tasks & escalations', needs: 'agents.read' },
  { path: '/admin/agents', label: 'Agents', needs: 'agents.read' },
  { path: '/admin/support', label: 'Support desk', needs: 'support.desk' },
  { path: '/admin/finance', label: 'Finance', needs: 'finance.read' },
  { path: '/admin/recommendations', label: 'Recommendations', needs: 'recommendations.read' },
  { path: '/admin/campaigns', label: 'Campaigns', needs: 'campaigns.read' },
  { path: '/admin/ads', label: 'Ads', needs: 'ads.read' },
  { path: '/admin/inventory', label: 'Inventory', needs: 'inventory.read' },
  { path: '/admin/privacy', label: 'Privacy requests', needs: 'privacy.admin' },
];

export function navFor(roles: readonly Role[]): NavItem[] {
  return ADMIN_NAV.filter((item) => can(roles, item.needs));
}

/** Where a person lands after signing in: staff in the dashboard, customers in the shop. */
export function homeFor(roles: readonly Role[]): string {
  return isStaff(roles) ? '/admin' : '/shop';
}

export function parseRoles(claim: unknown): Role[] {
  const known: readonly string[] = ['ADMIN', 'MARKETING_MANAGER', 'SUPPORT_AGENT', 'CUSTOMER'];
  return Array.isArray(claim) ? (claim.filter((r) => typeof r === 'string' && known.includes(r)) as Role[]) : [];
}
