/** dydx: symbolic differentiation that shows why. */
export type { Expr, Kind, Rational } from './expr/types.js';
export * as build from './expr/factory.js';
export { equals, variablesOf, dependsOn } from './expr/traverse.js';
export { functionTable, type FunctionEntry } from './expr/functions.js';
export { parse, type ParseOptions } from './parse/parse.js';
export { ParseError } from './parse/errors.js';
export { InputError } from './errors.js';
export { differentiate, defaultVariable, type Derivative, type Derivation, type DifferentiateOptions } from './api.js';
export type { DiffStep, RuleId } from './diff/steps.js';
export { simplify, simplifyWithSteps, type RewriteStep, type Simplified } from './simplify/simplify.js';
export { toText, toUnicode } from './print/linear.js';
export { toLatex } from './print/latex.js';
export { evaluate, type Environment, type EvaluateOptions } from './evaluate/evaluate.js';
export { buildTrace, traceEquations, type Trace, type TraceStep, type TraceRewrite, type TraceSection } from './steps/trace.js';
export { ruleLabels, rewriteLabels } from './steps/labels.js';
export { traceToText, type TextTraceOptions, type StepDetail } from './print/steps-text.js';
export { traceToLatex, latexDocument } from './print/steps-latex.js';
export { traceToMarkdown } from './print/steps-markdown.js';
