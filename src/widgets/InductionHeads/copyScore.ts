/**
 * Positions t whose next token an induction head can read off the sequence: the token at t came
 * before, at some j < t, and the token after it then was the same as the token after t now
 * (tokens[j] = tokens[t] and tokens[j+1] = tokens[t+1]). In a training sequence these are exactly
 * the second copy's positions after its first token (core's repeatMask); in a reader's sequence
 * they are wherever the reader repeated a pair of tokens.
 */
export function repeatedPositions(tokens: readonly number[]): number[] {
  const positions: number[] = [];
  for (let t = 1; t + 1 < tokens.length; t++) {
    for (let j = 0; j < t; j++) {
      if (tokens[j] === tokens[t] && tokens[j + 1] === tokens[t + 1]) {
        positions.push(t);
        break;
      }
    }
  }
  return positions;
}

/** How many of the repeated positions a model predicts right (its most likely next token is the actual one). */
export interface CopyScore {
  repeated: number[];
  correct: number;
}

export function copyScore(tokens: readonly number[], predicted: readonly { token: number }[]): CopyScore {
  const repeated = repeatedPositions(tokens);
  const correct = repeated.filter((t) => predicted[t]?.token === tokens[t + 1]).length;
  return { repeated, correct };
}
