/** Response shapes of the public REST APIs (snake_case, as the services write them). */
export interface TaskSummary {
  task_id: string;
  task_type: string;
  status: string;
  priority: number;
  progress: number;
  assigned_agent_type: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface FieldErrorDetail {
  field: string;
  message: string;
}

export interface Task extends TaskSummary {
  assigned_agent: string | null;
  input_data: unknown;
  output_data: unknown;
  error_message: string | null;
  failure: string | null;
  errors: FieldErrorDetail[] | null;
  attempts: number;
  routing: { method: string | null; confidence: number | null; reason: string | null } | null;
  correlation_id: string | null;
  trace_id: string | null;
  expires_at: string | null;
  started_at: string | null;
  transitions: { from: string | null; to: string; actor: string | null; reason: string | null; at: string }[];
}

export interface TaskCreated {
  task_id: string;
  task_type: string;
  status: string;
  assigned_agent_type: string | null;
}

export interface Escalation {
  escalation_id: string;
  task_id: string;
  reason: string;
  status: 'OPEN' | 'CLAIMED' | 'RESOLVED';
  claimed_by: string | null;
  claimed_at: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  outcome: string | null;
  resolution: string | null;
  created_at: string;
}

export interface TaskType {
  agent_type: string;
  task_type: string;
  description: string;
  input_schema: unknown;
  output_schema: unknown;
  example_input: unknown;
}

export interface Agent {
  agent_id: string;
  name: string;
  type: string;
  department: string;
  description: string;
  is_active: boolean;
  default_task_type: string | null;
  personas: { name: string; knowledge_base: string | null; activation_keywords: string[] }[];
  capabilities: string[];
  performance_targets: { response_time_ms: number | null; success_rate: number | null; revenue_target: number | null } | null;
  liveness: { status: string; live_instances: number; last_heartbeat_at: string | null } | null;
}

export interface TranscriptMessage {
  id: string;
  sequence: number;
  author: string;
  author_id: string | null;
  body: string;
  status: string;
  created_at: string;
}

export interface TicketSummary {
  ticket_id: string;
  conversation_id: string;
  status: string;
  category: string | null;
  customer_id: string | null;
  assigned_to: string | null;
  escalation_reasons: string[];
  suggested_answer: string | null;
  escalated_at: string | null;
}

export interface Ticket {
  ticket_id: string;
  conversation_id: string;
  status: string;
  category: string | null;
  customer_id: string | null;
  channel: string | null;
  subject: string | null;
  customer_email: string | null;
  assigned_to: string | null;
  intents: unknown;
  entities: unknown;
  suggested_answer: string | null;
  escalation_reasons: { reason: string; detail: string | null; created_at: string }[];
  transcript: TranscriptMessage[];
  created_at: string;
  escalated_at: string | null;
  closed_at: string | null;
}

export interface ChatReply {
  conversation_id: string;
  ticket_id: string | null;
  message_id: string;
  reply: string;
  ticket_status: string | null;
  escalated: boolean;
  language: string | null;
  intents: { intent: string; confidence: number }[];
  entities: { type: string; text: string; value: string | null }[];
  sentiment: number;
  answer_source: string | null;
}

export interface Budget {
  id: string;
  department: string;
  fiscal_period: string;
  currency: string;
  allocated_amount: number;
  committed_amount: number;
  spent_amount: number;
  /** spent without a reservation (recorded after the fact), within the allocation or beyond it */
  unbudgeted_amount: number;
  available_amount: number;
  /** spent beyond the allocation; above zero the status is 'overspent' */
  overspent_amount: number;
  utilisation: number;
  warning_threshold: number;
  critical_threshold: number;
  alerts_enabled: boolean;
  status: string;
  updated_at: string;
}

export interface BudgetAlert {
  id: string;
  department: string;
  fiscal_period: string;
  /** 'warning' or 'critical' (a threshold crossed), 'overspent' (spend beyond the allocation) */
  level: string;
  threshold: number;
  utilisation: number;
  used_amount: number;
  allocated_amount: number;
  currency: string;
  created_at: string;
}

export interface Reservation {
  id: string;
  department: string;
  fiscal_period: string;
  amount: number;
  currency: string;
  purpose: string | null;
  /** what the request said; finance decides who may settle it by `reserved_by` */
  requested_by: string | null;
  /** who holds it (a person's user id, or `agent:` and the service); null when no holder was recorded */
  reserved_by: string | null;
  /** whether the signed-in caller may commit it now, as finance decides it */
  may_commit: boolean;
  /** whether the signed-in caller may release it now, as finance decides it */
  may_release: boolean;
  status: string;
  budget_available_amount: number;
  created_at: string;
  resolved_at: string | null;
  /** when finance releases it if it is still held then; null: held until committed or released */
  expires_at: string | null;
}

export interface RevenueRow {
  key: string;
  currency: string;
  revenue: number;
  orders: number;
}

export interface RevenueReport {
  dimension: string;
  model: string;
  date_from: string;
  date_to: string;
  rows: RevenueRow[];
}

export interface DailyReconciliation {
  date: string;
  currency: string;
  transaction_count: number;
  revenue: number;
  refunds: number;
  net: number;
  unique_orders: number;
}

/** One part of the walk along the audit trail's hash chain, from the `from_seq` asked for. */
export interface ChainVerification {
  valid: boolean;
  /** entries of this part */
  entries_checked: number;
  first_broken_entry?: number | null;
  problem?: string | null;
  /** where the next part starts when this one stopped at its limit before the chain's end; absent otherwise */
  next_seq?: number | null;
}

export interface Roas {
  key: string;
  currency: string;
  attributed_revenue: number;
  expenses: number;
  roas: number | null;
}

export interface LedgerKpis {
  currency: string;
  revenue: number;
  refunds: number;
  net_revenue: number;
  expenses: number;
  orders: number;
  customers: number;
  average_order_value: number | null;
  net_revenue_per_customer: number | null;
  refund_rate: number | null;
  customer_lifetime_value: number | null;
}

export interface Kpis {
  date_from: string;
  date_to: string;
  currencies: LedgerKpis[];
  conversion: { visitors: number; converted: number; conversion_rate: number | null };
  attribution_model: string;
  roas_by_agent: Roas[];
  roas_by_channel: Roas[];
}

/** One of a customer's orders as the finance ledger booked it. */
export interface CustomerOrder {
  order_id: string;
  order_number: string;
  placed_at: string;
  total: number;
  refunded: number;
  currency: string;
  status: 'placed' | 'partly_refunded' | 'refunded';
}

export interface ProductSummary {
  product_id: string;
  name: string;
  price: number;
  currency: string;
  category: string | null;
  rating: number | null;
  image_url: string | null;
  in_stock: boolean;
}

export interface ProductDetail {
  product_id: string;
  sku: string;
  name: string;
  description: string | null;
  price: number;
  currency: string;
  category: string | null;
  stock_quantity: number | null;
  rating: number | null;
  images: string[];
  created_at: string;
  recommendations: ProductSummary[];
}

export interface RecommendedProduct {
  product_id: string;
  name: string;
  price: number;
  currency: string;
  category: string | null;
  score: number;
  source: string;
}

export interface Recommendations {
  model_version: number;
  generated_at: string;
  recommendations: RecommendedProduct[];
}

export interface BusinessRule {
  rule_id: string;
  kind: 'pin' | 'boost' | 'block';
  product_id: string;
  position: number | null;
  boost: number | null;
  created_at: string;
}

/* inventory-agent */

export interface LocationStock {
  location: string;
  available: number;
  on_hand: number;
  reserved: number;
  allocated: number;
  in_transit: number;
  backordered: number;
  expires_on: string | null;
  updated_at: string;
}

export interface Stock {
  sku: string;
  available: number;
  on_hand: number;
  reserved: number;
  allocated: number;
  in_transit: number;
  backordered: number;
  locations: LocationStock[];
}

export interface StockLevels {
  items: Stock[];
  unknown_skus: string[];
}

export interface StockAlert {
  id: string;
  sku: string;
  location: string;
  type: string;
  available: number;
  reorder_point: number;
  suggested_action: string;
  raised_at: string;
}

export interface ForecastDay {
  date: string;
  expected: number;
  lower_80: number;
  upper_80: number;
  lower_95: number;
  upper_95: number;
}

/** What views and cart additions say of a SKU's demand now against its usual level. */
export interface DemandSignals {
  sku: string;
  lift: number;
  adjusts: boolean;
  recent_daily_signals: number;
  baseline_daily_signals: number;
  baseline_days: number;
  /** the factor on expected demand today and on each of the six days after */
  factors: number[];
  basis: string;
}

export interface DemandForecast {
  sku: string;
  location: string | null;
  origin: string;
  model: string;
  /** each model's weight in this SKU's forecast */
  weights: Record<string, number>;
  history_days: number;
  pooled_skus: number;
  calibration_weeks: number;
  /** the lift today's views and cart additions put on a forecast from today */
  signals: { lift: number; applied: boolean; basis: string };
  /** the planned promotions on the days, the factor each puts on them and the price elasticity behind it */
  promotions: { elasticity: number; measured_days: number; basis: string; running: PromotionEffect[] };
  days: ForecastDay[];
}

export interface PromotionEffect {
  id: string;
  discount_percent: number;
  starts_on: string;
  /** the first day after the promotion */
  ends_on: string;
  /** the factor on each of its days' expected units */
  factor: number;
}

/** A planned price promotion of a SKU, with who planned it and why (and who cancelled it and why). */
export interface Promotion {
  id: string;
  sku: string;
  discount_percent: number;
  starts_on: string;
  /** the first day after the promotion */
  ends_on: string;
  created_by: string;
  reason: string;
  created_at: string;
  cancelled_by: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  /** called off after it started: it ran until ends_on */
  cut_short: boolean;
}

export interface PurchaseOrderLine {
  sku: string;
  quantity: number;
  received_quantity: number;
  unit_cost: number;
  total_cost: number;
  days_of_cover: number | null;
}

export interface PurchaseOrder {
  id: string;
  supplier_id: string;
  /** the SKU of a one-line order; null when the order has several lines */
  sku: string | null;
  location: string;
  quantity: number;
  received_quantity: number;
  /** the unit cost of a one-line order; null when the order has several lines */
  unit_cost: number | null;
  total_cost: number;
  currency: string;
  status: 'suggested' | 'approved' | 'ordered' | 'received' | 'rejected' | 'cancelled';
  days_of_cover: number | null;
  lead_time_days: number;
  urgency: number;
  budget_reservation_id: string | null;
  created_at: string;
  updated_at: string;
  lines: PurchaseOrderLine[];
  history: { from_status: string | null; to_status: string; actor: string; reason: string; at: string }[];
}

export interface SuggestReorders {
  planned: number;
  suggestions: PurchaseOrder[];
  without_supplier: string[];
}

export interface Supplier {
  id: string;
  name: string;
  lead_time_days: number;
  minimum_order: number;
  pack_size: number;
  unit_cost: number;
  currency: string;
  skus: string[];
  created_at: string;
}

/* ad-agent */

export type AdCampaignStatus = 'DRAFT' | 'ACTIVE' | 'PAUSED' | 'ENDED';

export interface AdCampaign {
  id: string;
  name: string;
  platform: string;
  platform_campaign_id: string | null;
  status: AdCampaignStatus;
  allowed_transitions: AdCampaignStatus[];
  daily_budget: number;
  total_budget: number;
  currency: string;
  allocated_daily_budget: number | null;
  target_cpa: number | null;
  target_roas: number | null;
  value_per_conversion: number;
  bid_factor: number | null;
  starts_at: string | null;
  ends_at: string | null;
  ad_groups: { id: string; name: string; regions: string[]; creatives: { id: string; name: string; status: string; impressions: number; clicks: number }[] }[];
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AdAuditEntry {
  action: string;
  detail: string;
  actor: string;
  reason: string | null;
  occurred_at: string;
}

export interface AdMetrics {
  campaign_id: string;
  name: string;
  status: string;
  currency: string;
  spend: number;
  revenue: number;
  bids: number;
  impressions: number;
  clicks: number;
  conversions: number;
  win_rate: number | null;
  ctr: number | null;
  cvr: number | null;
  cpa: number | null;
  ecpc: number | null;
  roas: number | null;
  impression_share: number | null;
}

/** One reallocation round of the ads budget allocator: the changes it made to the campaigns of one currency. */
export interface AllocationRound {
  round_id: string;
  occurred_at: string;
  actor: string;
  currency: string;
  changes: {
    campaign_id: string;
    campaign_name: string;
    previous_daily_budget: number | null;
    allocated_daily_budget: number;
    sampled_score: number | null;
    reason: string;
  }[];
}

/**
 * One campaign's allocated daily budget over a whole window: at the end of each step in which the allocator changed
 * it, as the step's last change left it.
 */
export interface CampaignAllocationSeries {
  campaign_id: string;
  campaign_name: string;
  currency: string;
  /** what the campaign had been given when the window began; null: nothing, it spent its own daily budget */
  previous_daily_budget: number | null;
  points: { at: string; allocated_daily_budget: number }[];
}

export interface AllocationHistory {
  from: string;
  to: string;
  /** the window's newest rounds only (at most 500): rounds_truncated says whether it had older ones */
  rounds: AllocationRound[];
  rounds_truncated: boolean;
  /** every campaign's budget over the whole window, in steps of equal length (ISO 8601 duration, e.g. PT1H) */
  series: { step: string; campaigns: CampaignAllocationSeries[] };
}

export interface SimulationSource {
  name: string;
  description: string;
  auctions: number;
}

export type SimulationStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

export interface SimulationResult {
  policy: string;
  part: 'first' | 'second' | 'whole';
  auctions: number;
  impressions: number;
  clicks: number;
  cost: number;
  win_rate: number;
  cpm: number;
  ecpc: number;
}

export interface SimulationRun {
  id: string;
  status: SimulationStatus;
  source: string;
  policies: string[];
  episode_auctions: number;
  budget_ratio: number;
  seed: number;
  budget_per_episode: number | null;
  requested_by: string;
  requested_at: string;
  started_at: string | null;
  finished_at: string | null;
  failure: string | null;
  results: SimulationResult[];
  policy_details: Record<string, Record<string, unknown>>;
}

/* campaign-agent */

/** Sends and what came of them, for one journey, the journeys of one campaign, or all. */
export interface CampaignKpis {
  journey_id: string | null;
  campaign_id: string | null;
  journey_ids: string[] | null;
  sent: number;
  delivered: number;
  failed: number;
  bounced: number;
  pending: number;
  opened: number;
  clicked: number;
  converted: number;
  unsubscribed: number;
  attributed_orders: number;
  revenue: { amount: number; currency: string }[];
  skipped: Record<string, number>;
  rates: { open: number | null; click: number | null; click_to_open: number | null };
}

export interface MarketingCampaign {
  id: string;
  name: string;
  goal: string;
  channel: string;
  segment_rule: unknown;
  budget: { amount: number; currency: string } | null;
  state: string;
  allowed_transitions: string[];
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface CampaignTransition {
  from_state: string | null;
  to_state: string;
  actor: string;
  reason: string;
  occurred_at: string;
}

export interface JourneyTrigger {
  type?: string;
  event?: string;
  segment_id?: string;
  at?: string;
  /** whether someone who has been through the journey enters again: never, after_completion or a gap (P30D); event triggers only */
  re_entry?: string;
  /** a condition on money (cart_value, total_spent) names the ISO 4217 currency of its value */
  conditions?: { field?: string; operator?: string; value?: unknown; currency?: string }[];
}

export interface JourneyStep {
  id: string;
  type: string;
  next?: string;
  duration?: string;
  until?: string;
  event?: string;
  timeout?: string;
  on_event?: string;
  check?: string;
  field?: string;
  operator?: string;
  value?: unknown;
  /** the ISO 4217 currency of the value, for a condition on money (cart_value, total_spent) */
  currency?: string;
  min_score?: number;
  segment_id?: string;
  if_true?: string;
  if_false?: string;
  branches?: { name?: string; weight?: number; next?: string }[];
  template?: string;
  url?: string;
  message?: string;
  personalization?: Record<string, unknown>;
  reason?: string;
}

export interface JourneyDefinition {
  name: string;
  description?: string;
  trigger: JourneyTrigger;
  steps: JourneyStep[];
}

export interface Journey {
  id: string;
  name: string;
  active: boolean;
  activated_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  definition: JourneyDefinition;
}

export interface Segment {
  id: string;
  name: string;
  description: string | null;
  rules: unknown;
  created_by: string;
  created_at: string;
}

export interface SegmentPreview {
  count: number;
  sample_customer_ids: string[];
}

export interface MessageTemplate {
  channel: string;
  template_id: string;
  subject: string | null;
  body: string;
  updated_by: string;
  updated_at: string;
  /** raised by each save; a save sends the one it was edited from as If-Match */
  version: number;
}

export interface Consents {
  customer_id: string;
  /** the customer's own zone for quiet hours; null: the store's */
  time_zone: string | null;
  consents: { channel: string; granted: boolean; source: string; recorded_by: string; recorded_at: string }[];
  suppressions: { channel: string; reason: string; suppressed_by: string; suppressed_at: string }[];
  contact: { channel: string; allowed: boolean; reason: string }[];
}

/** GET /api/v1/inventory/skus: a stocked SKU, summed over its warehouses. */
export interface StockedSku {
  sku: string;
  available: number;
  on_hand: number;
  reserved: number;
  in_transit: number;
  backordered: number;
  locations: number;
}

/** GET /api/v1/inventory/demand/{sku}: units ordered per day, every day of [from, until). */
export interface DemandHistory {
  sku: string;
  location: string | null;
  from: string;
  until: string;
  total_units: number;
  days: { date: string; units: number }[];
}

export interface TemplateSummary {
  channel: string;
  template_id: string;
  subject: string | null;
  updated_by: string;
  updated_at: string;
}

export interface TemplatePreview {
  channel: string;
  template_id: string;
  customer_id: string | null;
  subject: string | null;
  body: string;
}

export interface SuppressionEntry {
  customer_id: string;
  customer_number: string | null;
  email: string | null;
  channel: string;
  reason: string;
  suppressed_by: string;
  suppressed_at: string;
}

export interface JourneyDryRun {
  journey_id: string;
  trigger_type: string;
  candidates: number;
  customers: {
    customer_id: string;
    enters: boolean;
    reason: string | null;
    steps: { step_id: string; type: string; outcome: string }[];
  }[];
}

export interface Experiment {
  id: string;
  name: string;
  journey_id: string;
  control_step: string;
  treatment_steps: string[];
  metric: string;
  alpha: number;
  power: number;
  mde: number;
  tau: number;
  created_by: string;
  created_at: string;
}

export interface ExperimentComparison {
  treatment: string;
  difference: number | null;
  relative_lift: number | null;
  z: number | null;
  p_value: number | null;
  ci_low: number | null;
  ci_high: number | null;
  always_valid_p_value: number | null;
  sequential_looks: number | null;
  required_units_per_arm: number | null;
  welch_t: number;
  welch_degrees_of_freedom: number;
  welch_p_value: number;
  welch_ci_low: number;
  welch_ci_high: number;
  decision: string;
  reason: string;
}

export interface ExperimentResults {
  experiment_id: string;
  metric: string;
  result: {
    control: string;
    metric_type: string;
    /** assigned: the customers the split gave the arm, those still waiting for its step included; units: those measured */
    arms: { label: string; units: number; sum: number; mean: number; assigned: number }[];
    comparisons: ExperimentComparison[];
    sample_ratio: { chi_square: number; p_value: number; mismatch: boolean } | null;
    decision: string;
    winner: string | null;
    reason: string;
  };
}

/** A customer's data export or erasure, as the supervisor coordinates it across the services. */
export interface PrivacyRequest {
  id: string;
  customer_id: string;
  action: 'EXPORT' | 'ERASURE';
  status: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  requested_by: string;
  requested_at: string;
  completed_at: string | null;
  /** still waiting for a service after the time the platform allows */
  overdue: boolean;
  participants: { participant: string; state: 'PENDING' | 'DONE' | 'FAILED'; records: number | null; failure: string | null; reported_at: string | null }[];
  history: { event: string; participant: string | null; actor: string | null; detail: string | null; occurred_at: string }[];
}

/** GET .../requests/{id}/export: every service's records about the customer, by service and kind. */
export interface PrivacyExport {
  request_id: string;
  customer_id: string;
  completed_at: string;
  services: Record<string, Record<string, unknown[]>>;
}
