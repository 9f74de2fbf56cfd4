/** The golden toy data set of the attribution reference (7 conversions, value 65, 18 journeys). */
export const GOLDEN_CSV = ['A > B > C;2;20;3', 'A > C;1;5;1', 'B;0;0;4', 'C;3;30;2', 'A > A > B;1;10;1'].join(
  '\n',
);

/** Fractribution's leave-one-out fixture. */
export const FRACTRIBUTION_CSV = [
  'Organic_Search > Direct;1;0;1',
  'Direct;3;0;25',
  'Organic_Search;1;0;26',
].join('\n');
