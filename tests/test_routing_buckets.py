"""features_bucket: a short label of the routing features, used to group answer outcomes."""

from lsp_router.routing.features import RequestFeatures, extract_features
from lsp_router.routing.learn import features_bucket


def test_bucket_autocomplete_cursor_and_size():
    f = RequestFeatures(task="autocomplete", language="python", context_tokens=150, cursor="end_of_line")
    assert features_bucket(f) == "autocomplete/end_of_line/xs"


def test_bucket_bands():
    def bucket(tokens):
        return features_bucket(RequestFeatures(task="explain", language=None, context_tokens=tokens))

    assert [bucket(t) for t in (0, 199, 200, 799, 800, 2999, 3000, 11999, 12000, 10**6)] == [
        "explain/-/xs", "explain/-/xs", "explain/-/s", "explain/-/s", "explain/-/m",
        "explain/-/m", "explain/-/l", "explain/-/l", "explain/-/xl", "explain/-/xl",
    ]


def test_bucket_rename_and_refactor_kinds():
    rename = RequestFeatures(task="rename", language="python", context_tokens=900, symbol_scope="local")
    refactor = RequestFeatures(task="refactor", language="python", context_tokens=5000, instruction_kind="docstring")
    assert features_bucket(rename) == "rename/local/m"
    assert features_bucket(refactor) == "refactor/docstring/l"


def test_bucket_from_extracted_features_holds_no_code():
    text = "def very_secret_function_name(x):\n    return x + \n"
    features = extract_features("autocomplete", text, language="python", start=(1, 15))
    bucket = features_bucket(features)
    assert bucket.startswith("autocomplete/") and bucket.count("/") == 2
    assert "secret" not in bucket and len(bucket) < 40
