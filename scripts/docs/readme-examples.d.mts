/** A ```ts block of a README: the README's path from the repo root, the line its code starts on, the code. */
export interface Example {
  readme: string;
  line: number;
  code: string;
}
export const ROOT: string;
export const READMES: string[];
export function examplesOf(readme: string): Example[];
export function typeErrors(blocks: Example[]): string[];
