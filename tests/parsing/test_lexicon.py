"""The word lists of parsing: each declared once, in parsing/lexicon.py, and said what it is for."""
import ast
import importlib
import inspect
import pkgutil

import parsing
from parsing import lexicon

# Module-level collections of words outside the lexicon, each with why it stays where it is.
ELSEWHERE = {
    # the NLP driver's (another package's owner): abbreviations after which no sentence starts
    ("parsing.nlp", "_TITLES"), ("parsing.nlp", "_NUMBER_ABBREVIATIONS"),
}


def _lists(tree: ast.Module):
    """(name, line) of the module-level assignments of a literal set, tuple, list or dict of strings."""
    for node in tree.body:
        target = node.targets[0] if isinstance(node, ast.Assign) else getattr(node, "target", None)
        value = getattr(node, "value", None)
        if not isinstance(target, ast.Name) or value is None or target.id.startswith("__"):
            continue
        items = value.keys if isinstance(value, ast.Dict) else getattr(value, "elts", None)
        if items and len(items) >= 3 and all(isinstance(k, ast.Constant) and isinstance(k.value, str)
                                             for k in items if k is not None):
            yield target.id, node.lineno


def _modules():
    for info in pkgutil.walk_packages(parsing.__path__, "parsing."):
        yield importlib.import_module(info.name)


def test_lexicon_holds_the_word_lists_of_parsing():
    found = {(m.__name__, name) for m in _modules() if m is not lexicon
             for name, _ in _lists(ast.parse(inspect.getsource(m)))}
    assert found == ELSEWHERE


def test_lexicon_says_what_each_list_is_for():
    source = inspect.getsource(lexicon).splitlines()
    names = [node.targets[0] if isinstance(node, ast.Assign) else node.target
             for node in ast.parse("\n".join(source)).body if isinstance(node, (ast.Assign, ast.AnnAssign))]
    for target in names:
        assert source[target.lineno - 2].startswith("#: "), f"{source[target.lineno - 1]!r} has no #: comment"


def test_lexicon_declares_no_list_twice():
    lists = {name: value for name, value in vars(lexicon).items()
             if name.isupper() and isinstance(value, (set, frozenset, dict, tuple, str))}
    seen: dict = {}
    for name, value in lists.items():
        key = frozenset(value.items()) if isinstance(value, dict) else (
            value if isinstance(value, tuple) else frozenset(value))
        assert key not in seen, f"{name} is {seen.get(key)} again"
        seen[key] = name


def test_lexicon_lists_that_differ_on_purpose_differ_as_their_names_say():
    # the speaker verbs: those that mark a speaker, not a party to an event, are claim verbs
    assert lexicon.SPEAKER_VERBS < lexicon.SAY_VERBS
    assert lexicon.STATE_SPEECH_VERBS < lexicon.STATE_ACTION_VERBS
    assert lexicon.LOOSE_PREPOSITIONS < lexicon.STRONG_PREPOSITIONS
    assert lexicon.ANONYMOUS_NOUNS < lexicon.SOURCE_NOUNS
    # the connectors: Romance and Arabic ones inside a name are no "and" (y, e, i)
    assert not {"y", "e", "i"} & lexicon.NAME_CONNECTORS
    assert {"y", "e", "i"} <= lexicon.RUN_CONNECTORS & lexicon.UNIT_NAME_JOINERS
    assert set(lexicon.DESIGNATORS) <= lexicon.CHAIN_UNIT_WORDS


def test_lexicon_kinds_are_the_gazetteers():
    from geo.place import KINDS, Kind

    hinted = {*lexicon.DESIGNATORS.values(), *lexicon.LIST_DESIGNATORS.values(), *lexicon.OF_CUES.values()}
    hinted.discard(None)
    assert hinted <= set(lexicon.PlaceKind) and set(lexicon.PlaceKind) <= set(KINDS)
    # parsing does not import geo (a sibling): its kinds are geo's by value, each the same member
    assert all(Kind(k) == k and Kind[k.name] == k for k in lexicon.PlaceKind)


def test_lexicon_kinds_of_actor_and_claimant_are_the_strings_they_were():
    assert [k.value for k in lexicon.ActorKind] == ["military", "police", "armed group", "civilians", "protesters",
                                                    "rioters", "named group", "state"]
    assert [k.value for k in lexicon.ClaimantKind] == ["person", "group", "source"]
