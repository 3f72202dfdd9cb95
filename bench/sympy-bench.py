"""SymPy on the bench's cases (see others.mjs): parse, differentiate (and simplify, when asked), print.

Reads {"simplify": bool, "cases": [{"id", "text", "order", "vars"}]} on standard input and prints one
JSON line per case: {"id", "ms", "answer"}, ms the median of warm repeated runs (about 0.3 s of them).
"""
import json
import sys
import time

import sympy


def once(case, simplify):
    expr = sympy.sympify(case["text"])
    names = [sympy.Symbol(v) for v in case["vars"]]
    if len(names) > 1:
        parts = [sympy.diff(expr, v) for v in names]
        return [str(sympy.simplify(p) if simplify else p) for p in parts]
    d = sympy.diff(expr, names[0], case["order"])
    return str(sympy.simplify(d) if simplify else d)


def median_ms(case, simplify):
    start = time.perf_counter()
    answer = once(case, simplify)
    first = time.perf_counter() - start
    if first > 1.0:
        return first * 1000, answer
    times = []
    total = 0.0
    while len(times) < 500 and (len(times) < 5 or total < 0.3):
        start = time.perf_counter()
        once(case, simplify)
        took = time.perf_counter() - start
        times.append(took)
        total += took
    times.sort()
    return times[len(times) // 2] * 1000, answer


def main():
    request = json.load(sys.stdin)
    for case in request["cases"]:
        try:
            ms, answer = median_ms(case, request["simplify"])
        except Exception as error:  # a case SymPy cannot do is reported, not fatal
            print(json.dumps({"id": case["id"], "error": str(error)[:60]}), flush=True)
            continue
        print(json.dumps({"id": case["id"], "ms": ms, "answer": answer if isinstance(answer, str) else None}), flush=True)


main()
