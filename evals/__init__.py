"""Evaluation sets and the tools that measure the assistant against them.

* ``python -m evals run SET [--json FILE] [--html FILE] [--retriever ours|baseline|both]
  [--split all|dev|test] [--k 10] [--no-gate]``: runs a set (``core`` -> evals/sets/core.yaml, or
  a path) through ``assistant.open_assistant()``, prints a summary ending in
  ``evals: N passed, M failed`` and exits 1 when the set's thresholds are missed (2: bad set).
  The set's targets (``targets:``, the product's goals) are shown as met or MISSED beside the
  figures, on the whole set and the test split, and never change the exit status.
* ``python -m evals compare OLD.json NEW.json``: regressions, fixes and every metric's change.

Modules: ``cases`` (load and validate sets), ``metrics`` (pure metric functions), ``runner``
(ask every case, score it), ``aggregate`` (figures for the set, its test split and per group),
``coverage`` (sections reached, never-retrieved chunks), ``baseline`` (the plain LangChain
recipe, a yardstick), ``report`` and ``svg`` (the self-contained HTML), ``compare``.
"""
