/** What the page knows of a claim's lines beyond the findings: "62264", "77003 XS". */
export type LineLabels = Record<string, string[]>;
