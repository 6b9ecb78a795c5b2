/** Pretty-printing breaks long text over lines; a citation wants it on one. */
export function clean(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Quoted input in reasons and locators stays short, whatever the file holds. */
export function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
