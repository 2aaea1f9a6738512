/** `repatria check --scenario FILE`: the decision for each scenario, one JSON line each. */
import { readFileSync } from 'node:fs';
import { decisionJson } from '../../contract/decision-json.js';
import { InvalidInputError } from '../../contract/input-issue.js';
import { parseScenarioFile } from '../../contract/scenario.js';
import { decide } from '../../domain/decision.js';
import { builtinProgram } from '../../reference/builtin-program.js';
import { UsageError } from '../exit.js';
import type { CliIo } from '../io.js';

export function runCheck(file: string, io: CliIo): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read scenario file ${file}: ${(error as Error).message}`);
  }
  const parsed = parseScenarioFile(text, builtinProgram());
  if (!parsed.ok) throw new InvalidInputError(parsed.issues);
  for (const s of parsed.value) {
    const decision = decide(s.person, s.program, s.query);
    io.out(`${JSON.stringify(decisionJson(s.id, decision))}\n`);
  }
}
