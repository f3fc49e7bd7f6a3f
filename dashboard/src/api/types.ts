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
  available_amount: number;
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
  amount: number;
  currency: string;
  purpose: string | null;
  requested_by: string | null;
  status: string;
  budget_available_amount: number;
  created_at: string;
  resolved_at: string | null;
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

export interface ChainVerification {
  valid: boolean;
  entries_checked: number;
  first_broken_entry: number | null;
  problem: string | null;
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
