import { problemText } from './startup-texts';

/** What can stop tccc-dev-server from starting, with what the message needs; the words are in startup-texts. */
export type Problem =
  | { code: 'bad-argument'; detail: string }
  | { code: 'unknown-option'; option: string }
  | { code: 'option-needs-value'; option: string }
  | { code: 'unexpected-argument'; argument: string }
  | { code: 'bad-language'; value: string }
  | { code: 'bad-number'; option: string; min: number; max: number; value: string }
  | { code: 'bad-origin'; value: string }
  | { code: 'bad-agent-token' }
  | { code: 'secret-key-twice' }
  | { code: 'secret-key-file-unreadable'; file: string; reason: string }
  | { code: 'secret-key-file-malformed'; file: string }
  | { code: 'media-needs-both' }
  | { code: 'bad-sdk-app-id'; value: string }
  | { code: 'channels-unreadable'; file: string; detail: string }
  | { code: 'channels-empty'; file: string }
  | { code: 'channel-not-object'; file: string; index: number }
  | { code: 'channel-bad-id'; file: string; index: number }
  | { code: 'channel-duplicate-id'; file: string; index: number; id: string }
  | { code: 'channel-bad-media'; file: string; index: number }
  | { code: 'channel-bad-ivr'; file: string; index: number }
  | { code: 'port-in-use'; port: number }
  | { code: 'no-such-address'; host: string };

export type ProblemCode = Problem['code'];
export type ProblemOf<C extends ProblemCode> = Extract<Problem, { code: C }>;

/** A bad option, file or address. Its message is the English one; the command line says it in the terminal's language. */
export class StartupProblem extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problemText('en-US', problem));
    this.name = 'StartupProblem';
    this.problem = problem;
  }

  get code(): ProblemCode {
    return this.problem.code;
  }
}
