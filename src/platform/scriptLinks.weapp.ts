/** A mini-program has no links that run script URLs (see scriptLinks.ts for the web build). */
export function keepScriptLinksInert(): void {}
