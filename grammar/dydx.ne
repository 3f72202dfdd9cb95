# The dydx input language: one nonterminal per precedence level, loosest first.
# Postprocessors are typed TypeScript in src/parse/postprocess.ts; the lexer is src/parse/lexer.ts.
@preprocessor typescript
@{%
// Compiled to src/parse/grammar.generated.ts, so imports are relative to src/parse.
import { lexer } from './lexer.js';
import * as p from './postprocess.js';
%}
@lexer lexer

# A base with its powers: b^e^…, b^e², b². ^ is right-associative, 2^x^y = 2^(x^y), but the
# chain is read left to right (a right-recursive rule would make Earley parsing quadratic in
# its length) and associated to the right when the tree is built; a superscript after it binds
# tighter (2^x² is 2^(x²)).
powered[BASE] -> $BASE powers                 {% p.poweredChain %}
               | $BASE powers %sup            {% p.poweredChain %}
               | $BASE %sup                   {% p.poweredSuperscript %}
               | $BASE                        {% p.poweredNothing %}

# A power, transposed where a transpose follows it (matrix notation: x', x^T, A^{-1}^T is (A⁻¹)ᵀ).
# The lexer makes transposes only where shapes are declared.
raised[BASE] -> powered[$BASE]                {% id %}
               | powered[$BASE] %transpose    {% p.transposed %}

# A whole input: an expression, or one of the kinds of input that are only ever whole.
input     -> sum                              {% id %}
           | sum %equals sum                  {% p.equation %}
           | vector                           {% id %}
           | vectorCall                       {% id %}

# [f₁, f₂, …]: functions side by side; the comma tells it from a bracket, [x + 1]
vector    -> %lbracket arguments %comma sum %rbracket   {% p.vector %}

# softmax(z₁, …, zₙ), cross_entropy(softmax(z₁, …), [y₁, …]): functions of vectors
vectorCall -> %vecfunc %lparen vectorArguments %rparen  {% p.vectorCall %}

vectorArguments -> vectorArgument             {% p.firstArgument %}
           | vectorArguments %comma vectorArgument      {% p.nextArgument %}

vectorArgument -> sum                         {% id %}
           | vector                           {% id %}
           | vectorCall                       {% id %}

# a + b − c
sum       -> sum %plus term                   {% p.plus %}
           | sum %minus term                  {% p.minus %}
           | term                             {% id %}

# a leading sign applies to the whole product: −x·y is −(x·y)
term      -> %minus term                      {% p.negate %}
           | %plus term                       {% p.unaryPlus %}
           | product                          {% id %}

# a·b / c, and juxtaposition 2x, x y, 2(x+1) — never before a bare number. A product is open
# when it ends with a function applied without brackets (sin x): that argument takes every factor
# written next to it, so after it only a factor that starts with a function may follow
# (sin x cos x is sin(x)·cos(x)), or an operator (sin x / 2 is sin(x)/2).
product   -> closed                           {% id %}
           | open                             {% id %}

closed    -> product %times signed            {% p.times %}
           | product %divide signed           {% p.divide %}
           | product %hadamard signed         {% p.hadamard %}
           | product %ediv signed             {% p.hadamardQuotient %}
           | closed implicit                  {% p.juxtapose %}
           | open called                      {% p.juxtapose %}
           | power                            {% id %}

open      -> applied                          {% id %}
           | closed applied                   {% p.juxtapose %}
           | open applied                     {% p.juxtapose %}
           | product %times signedApplied     {% p.times %}
           | product %divide signedApplied    {% p.divide %}
           | product %hadamard signedApplied  {% p.hadamard %}
           | product %ediv signedApplied      {% p.hadamardQuotient %}

# after an explicit operator a sign is allowed: x·−y, x/−2
signed    -> %minus signed                    {% p.negate %}
           | %plus signed                     {% p.unaryPlus %}
           | power                            {% id %}

signedApplied -> %minus signedApplied         {% p.negate %}
           | %plus signedApplied              {% p.unaryPlus %}
           | applied                          {% id %}

# a function applied without brackets, as calculators and textbooks write it: sin x, sin 2x,
# sin x^2 (= sin(x²)), sin^2 x (= sin(x)²), sin^-1 x (= asin(x)), sin cos x (= sin(cos(x)))
applied   -> head argument                    {% p.applied %}

head      -> %func                            {% p.head %}
           | %func %pow exponent              {% p.head %}
           | %func %sup                       {% p.head %}

# the argument: factors written next to each other, up to an operator, a function name or a
# closing bracket; it does not start with a bracket, which would make the function's own
# brackets (sin (x + 1) is sin(x + 1))
argument  -> %minus argument                  {% p.negate %}
           | %plus argument                   {% p.unaryPlus %}
           | applied                          {% id %}
           | factors                          {% id %}

factors   -> raised[plain]                    {% id %}
           | raised[call]                     {% id %}
           | factors raised[atom]             {% p.juxtapose %}

power     -> raised[postfix]                  {% id %}

# ^ and, in matrix notation, the entrywise power .^
powers    -> %pow exponent                    {% p.firstExponent %}
           | %epow exponent                   {% p.firstExponent %}
           | powers %pow exponent             {% p.nextExponent %}
           | powers %epow exponent            {% p.nextExponent %}

exponent  -> %minus exponent                  {% p.negate %}
           | %plus exponent                   {% p.unaryPlus %}
           | postfix                          {% id %}

# the same level for an implicit factor, which may not start with a number
implicit  -> raised[operand]                  {% p.factorAt %}

# after an open product: a factor that starts with a function, sin x cos(x)
called    -> raised[call]                     {% p.factorAt %}

postfix   -> %number                          {% p.number %}
           | operand                          {% id %}

operand   -> atom                             {% id %}
           | call                             {% id %}

# what an argument written without brackets may start with: no bracket, no function
plain     -> %number                          {% p.number %}
           | %name                            {% p.name %}
           | %name %prime                     {% p.derivativeOfName %}
           | %lbar sum %rbar                  {% p.delimited %}
           | %root postfix                    {% p.root %}

# what may follow within such an argument: anything but a number or a function
atom      -> %name                            {% p.name %}
           | %name %prime                     {% p.derivativeOfName %}
           | %lparen sum %rparen              {% p.group %}
           | %lbracket sum %rbracket          {% p.group %}
           | %lparen sum %rparen %prime       {% p.derivativeOf %}
           | %lbracket sum %rbracket %prime   {% p.derivativeOf %}
           | %lbar sum %rbar                  {% p.delimited %}
           | %root postfix                    {% p.root %}

call      -> head %lparen arguments %rparen   {% p.call %}

arguments -> sum                              {% p.firstArgument %}
           | arguments %comma sum             {% p.nextArgument %}
