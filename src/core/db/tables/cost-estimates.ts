import type { ColumnType, Generated, Selectable } from 'kysely';

/** A case's cost-estimate inputs (course, prices, cost sharing), one row per case. */
export type CaseCostEstimatesTable = {
  id: Generated<number>;
  case_id: number;
  /** The coverage the cost sharing was prefilled from. */
  coverage_id: number | null;
  /** JSON of `CostEstimateInputs`. */
  inputs: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

/** The planned course of treatment a client's candidate plans are compared on. */
export type PlanComparisonsTable = {
  id: Generated<number>;
  client_id: number;
  /** JSON of `PlannedCourse`. */
  planned_course: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

/** One plan a client is considering at open enrollment or a job change. */
export type CandidatePlansTable = {
  id: Generated<number>;
  client_id: number;
  /** JSON of `CandidatePlanFields`. */
  fields: string;
  created_at: ColumnType<string, string, never>;
  updated_at: string;
};

export type CaseCostEstimateRow = Selectable<CaseCostEstimatesTable>;
export type PlanComparisonRow = Selectable<PlanComparisonsTable>;
export type CandidatePlanRow = Selectable<CandidatePlansTable>;
