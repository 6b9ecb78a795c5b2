/** What the check page keeps beside the API's answers (whose types come from the contracts). */
/** What the page knows of a claim's lines beyond the findings: "62264", "77003 XS". */
export type LineLabels = Record<string, string[]>;
