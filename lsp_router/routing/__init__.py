"""Routing: what a request looks like, whether an answer is good, and which model to ask.

Layers, bottom to top (a module imports only from its own layer or below, and
nothing in this package imports from `lsp_router.tasks` or the server):

* analysis (pure, no I/O):
  - `parsing`: cached tree-sitter parsers and tree helpers;
  - `lines`: `scan_line`, a rough bracket/string lexer for any language;
  - `features`: `extract_features()` (the routing inputs of a request) and
    the text helpers the checks share (`line_start`, `strip_comment`,
    `is_opener`, `unit_bounds`, `inside_prose`).
* on top of analysis, independent of each other:
  - `checks`: cheap checks of a model's answer (a failed check escalates);
  - `policy`: `classify()`, the routing decision from the features.
* `cli`: the `lsp-router route` command.
"""
