/** A message key and its values, translated where it is shown. */
export interface FieldProblem {
  key: string;
  values?: Record<string, string | number>;
}

/** Problems by field id (`claim-id`, `line-3-code`…), in the order of the form. */
export type FieldProblems = Map<string, FieldProblem>;
