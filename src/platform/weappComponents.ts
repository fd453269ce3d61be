/** The web build renders real elements: it has no base template to match (see weappComponents.weapp.ts). */
export function matchBaseTemplate(): void {}
