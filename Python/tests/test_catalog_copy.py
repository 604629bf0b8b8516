"""The package's catalog is the repository's `Functions/*.toml`, byte for byte."""
from importlib import resources

from conftest import REPOSITORY

from trajviz_torch.functions import builtin_names


def test_the_packaged_catalog_is_identical_to_functions_folder() -> None:
    folder = REPOSITORY / "Functions"
    expected = {path.name: path.read_bytes() for path in folder.glob("*.toml")}
    packaged = resources.files("trajviz_torch") / "functions"
    actual = {entry.name: entry.read_bytes() for entry in packaged.iterdir() if entry.name.endswith(".toml")}
    assert sorted(actual) == sorted(expected), "copy Functions/*.toml into Python/trajviz_torch/functions/"
    for name, data in expected.items():
        assert actual[name] == data, f"Python/trajviz_torch/functions/{name} differs from Functions/{name}: copy it again"
    assert builtin_names() == sorted(name[:-5] for name in expected)
