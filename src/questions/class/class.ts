import type { FoundMistake } from '../../answer/check-answer.js';
import { mistakeWords } from '../../print/answer.js';
import { latexProse } from '../../print/steps-latex.js';
import { InputError } from '../../errors.js';
import { judgeAnswers, judgedOutcome, shownAnswer, unreadableJson, type Judged } from '../judging.js';
import { linesOf, worstOutcome, type Question } from '../question.js';
import type { Format } from '../format.js';
import type { Part, ShownFormat } from '../write.js';

/**
 * A class's answers to one question, from a file with one answer per line: a verdict for each
 * line, then how many are right and the mistakes most often made. A line that cannot be read
 * is said to be so, and the others are judged; blank lines are skipped, and the lines keep
 * their numbers in the file.
 */
export const classQuestion: Question = {
  name: 'class',
  title: "grading a class's answers",
  takes: ['answersFile', 'var', 'order', 'latexDocument'],
  askedBy: 'answersFile',
  variables: 'several',
  asks: (_, request) => request.answersFile !== undefined,
  answer({ text: input }, request) {
    const lines = linesOf(request, request.answersFile!, 'the answers');
    if (lines.length === 0) throw new InputError(`${request.answersFile} has no answer in it: one answer a line`, 'invalid-request');
    const judged = judgeAnswers(input, lines.map((l) => l.text), request);
    const outcome = worstOutcome(judged.map(judgedOutcome));
    const tally = tallied(judged);
    const json = () => {
      const answers = judged.map((j, i) => ({
        line: lines[i]!.number,
        ...('report' in j
          ? { given: j.given, verdict: j.report.verdict, ...(j.report.mistake ? { mistake: { id: j.report.mistake.id, description: mistakeWords(j.report.mistake, 'text') } } : {}) }
          : unreadableJson(j.given, j.error)),
      }));
      return { input, answers, summary: { ...tally.counts, mistakes: tally.mistakes.map((m) => ({ id: m.id, count: m.count })) } };
    };
    // A verdict a line (a list in Markdown), then the summary.
    const parts = (format: ShownFormat): Part[] => [
      { kind: 'prose', list: true, lines: judged.map((j, i) => `line ${lines[i]!.number}: ${shownAnswer(j, format)}: ${verdictWords(j, format)}`) },
      { kind: 'prose', lines: summaryLines(tally, judged.length, format) },
    ];
    return { shown: { json, parts }, notes: [], outcome };
  },
};

/** One answer's verdict in a few words: the mistake that explains a wrong one, where the catalogue has it. */
function verdictWords(j: Judged, format: Format): string {
  const words = (() => {
    if (!('report' in j)) return `cannot be read: ${j.error.message}`;
    const r = j.report;
    if (r.verdict === 'correct') return 'correct';
    if (r.verdict === 'undecided') return 'undecided';
    return r.mistake ? `incorrect: ${mistakeWords(r.mistake, notationOf(format))}` : 'incorrect: no mistake of the catalogue explains it';
  })();
  // The mistake's own words are written in the notation already; the rest is the check's.
  return format === 'latex' && !('report' in j && j.report.mistake) ? latexProse(words) : words;
}

const notationOf = (format: Format): 'text' | 'unicode' | 'latex' | 'markdown' => (format === 'json' || format === 'dot' ? 'text' : format);

interface Tally {
  readonly counts: { readonly total: number; readonly correct: number; readonly incorrect: number; readonly undecided: number; readonly unreadable: number };
  /** The mistakes found, most often made first: the first student's words for each. */
  readonly mistakes: readonly { readonly id: string; readonly count: number; readonly example: FoundMistake }[];
}

function tallied(judged: readonly Judged[]): Tally {
  const verdicts = judged.map((j) => ('report' in j ? j.report.verdict : 'unreadable'));
  const count = (v: string): number => verdicts.filter((x) => x === v).length;
  const byId = new Map<string, { id: string; count: number; example: FoundMistake }>();
  for (const j of judged) {
    const m = 'report' in j ? j.report.mistake : undefined;
    if (!m) continue;
    const seen = byId.get(m.id);
    if (seen) seen.count++;
    else byId.set(m.id, { id: m.id, count: 1, example: m });
  }
  return {
    counts: { total: judged.length, correct: count('correct'), incorrect: count('incorrect'), undecided: count('undecided'), unreadable: count('unreadable') },
    mistakes: [...byId.values()].sort((a, b) => b.count - a.count),
  };
}

/** "7 of 10 right; 2 incorrect, 1 cannot be read", then each mistake made, most often made first. */
function summaryLines(tally: Tally, total: number, format: Format): string[] {
  const plain = (words: string): string => (format === 'latex' ? latexProse(words) : words);
  const { correct, incorrect, undecided, unreadable } = tally.counts;
  const others = [[incorrect, 'incorrect'], [undecided, 'undecided'], [unreadable, 'cannot be read']].filter(([n]) => n !== 0).map(([n, w]) => `${n} ${w}`);
  const lines = [plain(`${correct} of ${total} right${others.length > 0 ? `; ${others.join(', ')}` : ''}`)];
  if (tally.mistakes.length > 0) {
    lines.push(plain('mistakes made, most often first:'));
    for (const m of tally.mistakes) lines.push(`${format === 'markdown' ? '- ' : '  '}${plain(`${m.count} × ${m.id}: `)}${mistakeWords(m.example, notationOf(format))}`);
  }
  return lines;
}
