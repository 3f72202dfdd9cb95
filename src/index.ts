/**
 * dydx: symbolic differentiation that shows why. This is the public API; everything else is
 * internal and may change. mathjs interop has an entry of its own, 'dydx/mathjs'.
 */

// Expression trees: types, factories, questions about a tree.
export type { AbstractFunctionName, Expr, Kind, Rational } from './expr/types.js';
export * as build from './expr/factory.js';
export { dependsOn, equals, postOrder, variablesOf } from './expr/traverse.js';

// The function table: every fact about each function.
export { functionNames, functionTable, type FunctionEntry, type FunctionName, type FunctionTable } from './functions/table.js';

// Reading, and what goes wrong.
export { parse, read, readInput, type Input, type InputReading, type ParseOptions, type Reading } from './parse/parse.js';
export type { FunctionLabel, Request } from './parse/request.js';
export { ParseError } from './parse/errors.js';
export { InputError, type InputProblem } from './errors.js';

// Differentiating and simplifying.
export { defaultVariable, differentiate, type Cycle, type Derivation, type Derivative, type DifferentiateOptions } from './differentiate/differentiate.js';
export type { Condition, DiffStep, RuleId } from './diff/steps.js';
export { simplify, simplifyForms, simplifyWithSteps, type Simplified, type SimplifyForm } from './simplify/simplify.js';
export type { RewriteId, RewriteStep } from './simplify/rewrite.js';

// Numbers: evaluation, and the numeric check of an answer and its derivation.
export { evaluate, type AbstractFunctions, type Environment, type EvaluateOptions } from './evaluate/evaluate.js';
export { compile, type CompiledExpression } from './evaluate/compile.js';
export { checkDerivative, standInsFor, type CheckFailure, type CheckOptions, type CheckReport } from './check/check.js';
export { plainVerdict, verdictLine } from './check/verdict.js';
export { checkAnswer, checkWorking, type AnswerOptions, type AnswerReport, type AnswerVerdict, type FoundMistake, type WorkingReport } from './answer/check-answer.js';
export { mistakes, type Mistake, type MistakeId } from './answer/mistakes.js';
export { answerLines, answerSentence, mistakeWords, workingLines } from './print/answer.js';

// Derivations as a person reads them, and their wording.
export {
  buildTrace, shownEquations, rewriteGroups, stepNumber, stepRange, tooLargeToShow, traceEquations,
  type ShownEquation, type Trace, type TraceRewrite, type TraceSection, type TraceStep,
} from './steps/trace.js';
export { shownRules, type Binding, type Equation } from './steps/rules-shown.js';
export { capitalise, rewriteLabels, words } from './steps/labels.js';

// Several variables: gradients, Jacobians (of a vector [f, g]), Hessians, mixed partials.
export { gradient, hessian, jacobian, mixedPartial, type Gradient, type Hessian, type Jacobian, type MixedPartial, type PartialsOptions } from './multivariate/partials.js';
export { matrixIn, partialName, vectorIn } from './print/matrix.js';
export { checkImplicit, implicit, readEquation, type Implicit, type ImplicitCheck, type ImplicitOptions, type ImplicitOrder } from './multivariate/implicit.js';
export { implicitAnswer, implicitWorked, implicitVerdict } from './print/implicit.js';
export { softmax, type Softmax, type SoftmaxKind } from './multivariate/softmax.js';
export { softmaxAnswer, softmaxPattern, softmaxWorked } from './print/softmax.js';
export { workedIn, wordsIn, type Worked, type WorkedLayout, type WorkedStep, type Words } from './print/worked.js';
export { at, readPoint, type AtOptions, type AtPoint, type Coordinate, type ValueAt } from './multivariate/at-point.js';
export { valueIn } from './print/value-at.js';
export { inputErrorMessage } from './print/input-error.js';
export { decimalText } from './expr/decimal.js';

// The derivative in terms of the function's own output, for a backward pass: σ′ = y·(1 − y).
export { inTermsOfOutput, type NoFormInOutput, type OutputForm, type OutputFormOptions, type OutputStep, type SignCondition } from './backprop/in-terms-of-output.js';
export { noFormReason, outputAnswer, outputConditions, outputStepLines } from './print/output-form.js';

// Computation graphs: one node per distinct part, the forward pass at a point, and the backward
// pass (each node's adjoint ∂f/∂v, from the output back): reverse-mode differentiation, shown.
export { computationGraph, nodeName, type ComputationGraph, type GraphNode, type GraphOp, type GraphOptions } from './graph/graph.js';
export type { LocalDerivative } from './graph/local.js';
export {
  backwardPass, forwardBackward, inInputVariables, maxWrittenAdjoint, NodeError,
  type AdjointTerm, type ForwardBackward, type GradientComponent, type PassOptions, type SymbolicBackward,
} from './graph/passes.js';
export { adjointTolerance, checkAdjoints, type AdjointCheck, type Agreement } from './graph/check.js';
export { adjointCheckLine, graphSections, graphSymbols, sectionIn, type GraphRow, type GraphSection, type GraphSide } from './print/graph.js';
export { graphToDot } from './print/graph-dot.js';

// Code for a function and its derivative together, in Python, NumPy, PyTorch, JAX, JavaScript or C.
export { codeOperations, generateCode, type CodeOptions } from './codegen/generate.js';

// Matrix notation: derivatives by vectors and matrices of declared shapes, their check and code.
export { matrixDerivative, type MatrixAnswer, type MatrixDerivative, type MatrixOptions } from './matrix/derive.js';
export { readShapes, shapeText, shapeWords, type Shape, type Shapes } from './matrix/shape.js';
export type { MatrixExpr } from './matrix/types.js';
export { checkMatrixAnswer, checkMatrixDerivative, matrixVerdictLine, type MatrixCheckFailure, type MatrixCheckOptions, type MatrixCheckReport } from './matrix/check.js';
export { evaluateMatrix, type Matrix, type MatrixValues } from './matrix/evaluate.js';
export { generateMatrixCode, type MatrixCodeOptions } from './codegen/matrix.js';
export { matrixToLatex, matrixToText, matrixToUnicode } from './print/matrix-notation.js';
export { derivativeNameIn, matrixWorked } from './print/matrix-steps.js';
export { codeTargets, type Target } from './codegen/targets.js';
export type { OperationCount } from './codegen/count.js';

// Printers.
export { toText, toUnicode } from './print/linear.js';
export { toLatex } from './print/latex.js';
export { traceToText, type StepDetail, type TextTraceOptions } from './print/steps-text.js';
export { derivationHeading, traceToLatex } from './print/steps-latex.js';
export { headingOf, latexDocument } from './questions/document.js';
export { written, type Part, type Shown, type ShownFormat, type Writing } from './questions/write.js';
export { traceToMarkdown } from './print/steps-markdown.js';
export { conditionIn, conditionsIn, type ConditionNotation } from './print/conditions.js';
export { derivativeName, readingIn, type ReadingNotation } from './print/reading.js';

// The kinds of question, as the command line and the page choose among them: the first in the
// registry that an input and its options ask answers, in any format.
export { questionFor, questions } from './questions/registry.js';
export { expressionRead, inputGiven, type Answered, type Given, type Outcome as QuestionOutcome, type Question, type Request as QuestionRequest } from './questions/question.js';
export type { Format } from './questions/format.js';
