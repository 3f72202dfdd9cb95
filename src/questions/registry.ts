import { everyQuestionTakes, type Given, type OptionKey, type Question, type Request } from './question.js';
import { workingQuestion } from './working/working.js';
import { classQuestion } from './class/class.js';
import { answerQuestion } from './answer/answer.js';
import { codeQuestion } from './code/code.js';
import { outputFormQuestion } from './output-form/output-form.js';
import { implicitQuestion } from './implicit/implicit.js';
import { atPointQuestion } from './at-point/at-point.js';
import { softmaxQuestion } from './softmax/softmax.js';
import { partialsQuestion } from './partials/partials.js';
import { derivativeQuestion } from './derivative/derivative.js';
import { graphQuestion } from './graph/graph.js';
import { matricesQuestion } from './matrices/matrices.js';

/**
 * Every kind of question dydx answers, in the order they are asked whether an input is theirs:
 * matrix notation first (declared shapes make every input one of vectors and matrices), then
 * softmax (its input is a question of its own, which no option changes), then those an
 * option names, then a vector or several variables, and the derivative last. A new kind is one
 * folder here and one line in this list.
 */
export const questions: readonly Question[] = [
  matricesQuestion,
  softmaxQuestion,
  graphQuestion,
  classQuestion,
  workingQuestion,
  answerQuestion,
  codeQuestion,
  outputFormQuestion,
  implicitQuestion,
  atPointQuestion,
  partialsQuestion,
  derivativeQuestion,
];

/** The question an input and its options ask. */
export const questionFor = (input: Given, request: Request): Question => questions.find((q) => q.asks(input, request))!;

/** Whether a question takes an option: every question takes the options of reading, limits and format. */
export const takes = (question: Question, option: OptionKey): boolean => everyQuestionTakes.includes(option) || question.takes.includes(option);
