/*
 * Parser for device-tree source, a transcription of dtc's dtc-parser.y (v1.6.1 with the
 * 1.7+ additions). Semantic work (merging, deleting, evaluating) happens in the tree builder;
 * the grammar only shapes the input. Expressions appear only inside parentheses, as in dtc.
 */
parser grammar DtsParser;

options { tokenVocab = DtsLexer; }

dtsFile
    : header+ memreserve* firstTree topItem* EOF
    ;

header
    : DT_V1 SEMI (DT_PLUGIN SEMI)?
    ;

memreserve
    : LABEL* DT_MEMRESERVE integerPrim integerPrim SEMI
    ;

/** The first tree is "/ { }", or in a plugin a reference to a node of the base tree. */
firstTree
    : SLASH nodeBody                                  # rootTree
    | dtRef nodeBody                                  # refTree
    ;

topItem
    : SLASH nodeBody                                  # rootAgain
    | LABEL? dtRef nodeBody                           # extendNode
    | DT_DEL_NODE dtRef SEMI                          # deleteNodeByRef
    | DT_OMIT_NO_REF dtRef SEMI                       # omitNodeByRef
    ;

/** Properties and subnodes in any order here; the builder reports a property after a subnode. */
nodeBody
    : LBRACE (propDef | subnode)* RBRACE SEMI
    ;

propDef
    : LABEL* PROPNODENAME (ASSIGN propData)? SEMI     # setProperty
    | LABEL* DT_DEL_PROP PROPNODENAME SEMI            # deleteProperty
    ;

subnode
    : (LABEL | DT_OMIT_NO_REF)* PROPNODENAME nodeBody # defineNode
    | LABEL* DT_DEL_NODE PROPNODENAME SEMI            # deleteNode
    ;

propData
    : LABEL* component (LABEL* COMMA LABEL* component)* LABEL*
    ;

component
    : STRING                                                          # stringValue
    | (DT_BITS LITERAL)? LT cell* GT                                  # cellArray
    | LBRACKET byteItem* RBRACKET                                     # byteString
    | dtRef                                                           # pathReference
    | DT_INCBIN LPAREN STRING (COMMA integerPrim COMMA integerPrim)? RPAREN  # incbin
    ;

cell
    : integerPrim
    | dtRef
    | LABEL
    ;

byteItem
    : BYTE
    | LABEL
    ;

dtRef
    : LABEL_REF
    | PATH_REF
    ;

integerPrim
    : LITERAL
    | CHAR_LITERAL
    | LPAREN expr RPAREN
    ;

/* dtc's precedence, highest first; everything left-associative except ?: and the unaries. */
expr
    : op=(MINUS | TILDE | BANG) expr                          # unaryExpr
    | integerPrim                                             # primaryExpr
    | expr op=(STAR | SLASH | PERCENT) expr                   # binaryExpr
    | expr op=(PLUS | MINUS) expr                             # binaryExpr
    | expr op=(LSHIFT | RSHIFT) expr                          # binaryExpr
    | expr op=(LT | GT | LE | GE) expr                        # binaryExpr
    | expr op=(EQ | NE) expr                                  # binaryExpr
    | expr op=AMP expr                                        # binaryExpr
    | expr op=CARET expr                                      # binaryExpr
    | expr op=PIPE expr                                       # binaryExpr
    | expr op=AND expr                                        # binaryExpr
    | expr op=OR expr                                         # binaryExpr
    | <assoc=right> expr QUESTION expr COLON expr             # ternaryExpr
    ;
