/** The modifiers NCCI lets bypass an edit whose modifier indicator is 1. */
export const NCCI_ASSOCIATED_MODIFIERS: readonly string[] = ['59', 'XE', 'XS', 'XP', 'XU'];

/** A PTP edit's modifier indicator that lets an NCCI-associated modifier bypass it. */
export const BYPASS_INDICATOR = 1;
