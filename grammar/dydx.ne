# The dydx input language: one nonterminal per precedence level, loosest first.
# Postprocessors are typed TypeScript in src/parse/postprocess.ts; the lexer is src/parse/lexer.ts.
@preprocessor typescript
@{%
// Compiled to src/parse/grammar.generated.ts, so imports are relative to src/parse.
import { lexer } from './lexer.js';
import * as p from './postprocess.js';
%}
@lexer lexer

input     -> sum                              {% id %}

# a + b − c
sum       -> sum %plus term                   {% p.plus %}
           | sum %minus term                  {% p.minus %}
           | term                             {% id %}

# a leading sign applies to the whole product: −x·y is −(x·y)
term      -> %minus term                      {% p.negate %}
           | %plus term                       {% p.unaryPlus %}
           | product                          {% id %}

# a·b / c, and juxtaposition 2x, x y, 2(x+1) — never before a bare number
product   -> product %times signed            {% p.times %}
           | product %divide signed           {% p.divide %}
           | product implicit                 {% p.juxtapose %}
           | power                            {% id %}

# after an explicit operator a sign is allowed: x·−y, x/−2
signed    -> %minus signed                    {% p.negate %}
           | %plus signed                     {% p.unaryPlus %}
           | power                            {% id %}

# the exponent of ^ may carry a sign: 2^−x. ^ is right-associative, 2^x^y = 2^(x^y), but the
# chain is read left to right (a right-recursive rule would make Earley parsing quadratic in
# its length) and associated to the right when the tree is built.
power     -> postfix powers                   {% p.powerChain %}
           | postfix powers %sup              {% p.powerChain %}
           | postfix %sup                     {% p.superscript %}
           | postfix                          {% id %}

powers    -> %pow exponent                    {% p.firstExponent %}
           | powers %pow exponent             {% p.nextExponent %}

exponent  -> %minus exponent                  {% p.negate %}
           | %plus exponent                   {% p.unaryPlus %}
           | postfix                          {% id %}

# the same level for an implicit factor, which may not start with a number
implicit  -> operand powers                   {% p.powerChain %}
           | operand powers %sup              {% p.powerChain %}
           | operand %sup                     {% p.superscript %}
           | operand                          {% id %}

postfix   -> %number                          {% p.number %}
           | operand                          {% id %}

operand   -> %name                            {% p.name %}
           | %lparen sum %rparen              {% p.group %}
           | %lbracket sum %rbracket          {% p.group %}
           | %lbar sum %rbar                  {% p.delimited %}
           | %func %lparen arguments %rparen  {% p.call %}
           | %root postfix                    {% p.root %}

arguments -> sum                              {% p.firstArgument %}
           | arguments %comma sum             {% p.nextArgument %}
