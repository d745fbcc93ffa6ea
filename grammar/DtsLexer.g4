/*
 * Lexer for device-tree source as dtc 1.6/1.8 reads it (dtc-lexer.l), after preprocessing.
 *
 * dtc's flex start conditions become lexer modes:
 *   DEFAULT_MODE = dtc's V1 ("value" context: integer literals are recognised),
 *   NAME         = PROPNODENAME (the next word is a node or property name),
 *   BYTES        = BYTESTRING (pairs of hex digits inside [ ]).
 * Like flex, ANTLR picks the longest match, so "foo:" is a label and "foo" a name.
 * Rules that dtc marks <*> are repeated in every mode and mapped to one token type.
 */
lexer grammar DtsLexer;

// ---------------------------------------------------------------- V1 (default) mode

WS             : [ \t\r\n\f\u000B]+ -> skip ;
BLOCK_COMMENT  : '/*' .*? '*/' -> skip ;
LINE_COMMENT   : '//' ~[\n]* '\n' -> skip ;

DT_V1          : '/dts-v1/' ;
DT_PLUGIN      : '/plugin/' ;
DT_MEMRESERVE  : '/memreserve/' ;
DT_BITS        : '/bits/' ;
DT_DEL_PROP    : '/delete-property/' -> mode(NAME) ;
DT_DEL_NODE    : '/delete-node/' -> mode(NAME) ;
DT_OMIT_NO_REF : '/omit-if-no-ref/' -> mode(NAME) ;
DT_INCBIN      : '/incbin/' ;

LABEL          : LABEL_NAME ':' ;
LABEL_REF      : '&' LABEL_NAME ;
PATH_REF       : '&{' PATH_CHAR* '}' ;

LITERAL        : ( [0-9]+ | '0' [xX] [0-9a-fA-F]+ ) ( 'U' | 'L' | 'UL' | 'LL' | 'ULL' )? ;
CHAR_LITERAL   : '\'' ( ~['] | '\\\'' )* '\'' ;
STRING         : '"' ( ~["\\] | '\\' . )* '"' ;
UNTERMINATED_STRING  : '"' ( ~["\\] | '\\' . )* '\\'? ;
UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* ;

LSHIFT : '<<' ;
RSHIFT : '>>' ;
LE     : '<=' ;
GE     : '>=' ;
EQ     : '==' ;
NE     : '!=' ;
AND    : '&&' ;
OR     : '||' ;

LBRACE   : '{' -> mode(NAME) ;
RBRACE   : '}' ;
SEMI     : ';' -> mode(NAME) ;
ASSIGN   : '=' ;
LT       : '<' ;
GT       : '>' ;
LBRACKET : '[' -> mode(BYTES) ;
RBRACKET : ']' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
COMMA    : ',' ;
SLASH    : '/' ;
AMP      : '&' ;
PIPE     : '|' ;
CARET    : '^' ;
TILDE    : '~' ;
BANG     : '!' ;
PLUS     : '+' ;
MINUS    : '-' ;
STAR     : '*' ;
PERCENT  : '%' ;
QUESTION : '?' ;
COLON    : ':' ;
/** Anything else: dtc returns the character itself, which the parser then rejects. */
STRAY    : . ;

fragment LABEL_NAME : [a-zA-Z_] [a-zA-Z0-9_]* ;
fragment PROPNODE_CHAR : [a-zA-Z0-9,._+*#?@-] ;
fragment PATH_CHAR : PROPNODE_CHAR | '/' ;

// ---------------------------------------------------------------- NAME mode
mode NAME;

N_WS             : [ \t\r\n\f\u000B]+ -> skip ;
N_BLOCK_COMMENT  : '/*' .*? '*/' -> skip ;
N_LINE_COMMENT   : '//' ~[\n]* '\n' -> skip ;

/** A node or property name; a leading backslash is dropped (dtc allows "\#address-cells"). */
PROPNODENAME     : '\\'? PROPNODE_CHAR+ -> mode(DEFAULT_MODE) ;

N_DT_V1          : '/dts-v1/' -> type(DT_V1), mode(DEFAULT_MODE) ;
N_DT_PLUGIN      : '/plugin/' -> type(DT_PLUGIN) ;
N_DT_MEMRESERVE  : '/memreserve/' -> type(DT_MEMRESERVE), mode(DEFAULT_MODE) ;
N_DT_BITS        : '/bits/' -> type(DT_BITS), mode(DEFAULT_MODE) ;
N_DT_DEL_PROP    : '/delete-property/' -> type(DT_DEL_PROP) ;
N_DT_DEL_NODE    : '/delete-node/' -> type(DT_DEL_NODE) ;
N_DT_OMIT_NO_REF : '/omit-if-no-ref/' -> type(DT_OMIT_NO_REF) ;

N_LABEL          : LABEL_NAME ':' -> type(LABEL) ;
N_LABEL_REF      : '&' LABEL_NAME -> type(LABEL_REF) ;
N_PATH_REF       : '&{' PATH_CHAR* '}' -> type(PATH_REF) ;
N_CHAR_LITERAL   : '\'' ( ~['] | '\\\'' )* '\'' -> type(CHAR_LITERAL) ;
N_STRING         : '"' ( ~["\\] | '\\' . )* '"' -> type(STRING) ;
N_UNTERMINATED_STRING  : '"' ( ~["\\] | '\\' . )* '\\'? -> type(UNTERMINATED_STRING) ;
N_UNTERMINATED_COMMENT : '/*' ( ~'*' | '*'+ ~[*/] )* '*'* -> type(UNTERMINATED_COMMENT) ;

N_LSHIFT : '<<' -> type(LSHIFT) ;
N_RSHIFT : '>>' -> type(RSHIFT) ;
N_LE     : '<=' -> type(LE) ;
N_GE     : '>=' -> type(GE) ;
N_EQ     : '==' -> type(EQ) ;
N_NE     : '!=' -> type(NE) ;
N_AND    : '&&' -> type(AND) ;
N_OR     : '||' -> type(OR) ;

N_LBRACE   : '{' -> type(LBRACE) ;
N_RBRACE   : '}' -> type(RBRACE) ;
N_SEMI     : ';' -> type(SEMI) ;
N_ASSIGN   : '=' -> type(ASSIGN) ;
N_LT       : '<' -> type(LT) ;
N_GT       : '>' -> type(GT) ;
N_LBRACKET : '[' -> type(LBRACKET), mode(BYTES) ;
N_RBRACKET : ']' -> type(RBRACKET) ;
N_LPAREN   : '(' -> type(LPAREN) ;
N_RPAREN   : ')' -> type(RPAREN) ;
N_COMMA    : ',' -> type(COMMA) ;
N_SLASH    : '/' -> type(SLASH) ;
N_AMP      : '&' -> type(AMP) ;
N_PIPE     : '|' -> type(PIPE) ;
N_CARET    : '^' -> type(CARET) ;
N_TILDE    : '~' -> type(TILDE) ;
N_BANG     : '!' -> type(BANG) ;
N_PLUS     : '+' -> type(PLUS) ;
N_MINUS    : '-' -> type(MINUS) ;
N_STAR     : '*' -> type(STAR) ;
N_PERCENT  : '%' -> type(PERCENT) ;
N_QUESTION : '?' -> type(QUESTION) ;
N_COLON    : ':' -> type(COLON) ;
N_STRAY    : . -> type(STRAY) ;

// ---------------------------------------------------------------- BYTES mode
mode BYTES;

B_WS            : [ \t\r\n\f\u000B]+ -> skip ;
B_BLOCK_COMMENT : '/*' .*? '*/' -> skip ;
B_LINE_COMMENT  : '//' ~[\n]* '\n' -> skip ;
BYTE            : [0-9a-fA-F] [0-9a-fA-F] ;
B_LABEL         : LABEL_NAME ':' -> type(LABEL) ;
B_RBRACKET      : ']' -> type(RBRACKET), mode(DEFAULT_MODE) ;
B_STRAY         : . -> type(STRAY) ;
