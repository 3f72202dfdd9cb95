import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A student's working in a file, for the question that checks one. */
export const workingFile = join(mkdtempSync(join(tmpdir(), 'dydx-questions-')), 'working.txt');
writeFileSync(workingFile, '3x^2\n');

/** A class's answers in a file, one a line: one right, one wrong. */
export const answersFile = join(mkdtempSync(join(tmpdir(), 'dydx-questions-')), 'answers.txt');
writeFileSync(answersFile, '3x^2\n3x\n');

/** Each kind of question asked on its own: its input and the options that ask it. */
export const askedAlone: Readonly<Record<string, readonly string[]>> = {
  'derivative': ['x^3'],
  'partials': ['x^2*y', '--var', 'x,y'],
  'at-point': ['x^2', '--at', 'x=1'],
  'implicit': ['x^2 + y^2 = 25', '--implicit', 'y'],
  'softmax': ['softmax(z1, z2)'],
  'answer': ['x^3', '--answer', '3x^2'],
  'working': ['x^3', '--answer-file', workingFile],
  'class': ['x^3', '--answers-file', answersFile],
  'output-form': ['sigmoid(x)', '--in-terms-of-output'],
  'code': ['x^3', '--emit', 'python'],
  'graph': ['x^3', '--graph'],
  'matrices': ["x'*A*x", '--shape', 'x=3,A=3x3'],
};
