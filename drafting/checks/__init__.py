"""The sentence and document checks, one module per category, all with the signature run(Analysis).

Each module declares its category once, as ``CATEGORY = Category(...)`` (drafting.catalog);
drafting.registry finds them here, so a new category is a new module, not an edit to this file.
"""
