"""`scan`: every class of a package audited, as Markdown and JSON."""
from __future__ import annotations

import json

import aliasing_optimizers

from trajviz_torch.cli import main
from trajviz_torch.scan import markdown, scan


def test_scan_reports_each_class(tmp_path) -> None:
    table = scan(["aliasing_optimizers"])
    rows = {row["name"]: row for row in table["rows"]}
    for name, (key, target) in aliasing_optimizers.ALIASED.items():
        assert rows[name]["status"] == "aliases" and rows[name]["keys"] == [f"{key} → {target}"]
    for name in aliasing_optimizers.CLEAN:
        assert rows[name]["status"] == "clean"
    assert rows["FailsOnTheThirdStep"]["status"] == "could not run"
    assert "no third step" in rows["FailsOnTheThirdStep"]["reason"]
    assert "Optimizer" not in rows
    text = markdown(table)
    assert "| aliasing_optimizers | DiffGradAliased | unknown | aliases `previous_grad → p.grad` |" in text
    assert "5 clean, 6 aliasing, 1 could not run" in text


def test_the_command_writes_both_tables(tmp_path) -> None:
    markdown_path, json_path = tmp_path / "scan.md", tmp_path / "scan.json"
    assert main(["scan", "--packages", "aliasing_optimizers", "--markdown", str(markdown_path), "--json", str(json_path)]) == 0
    table = json.loads(json_path.read_text())
    assert table["date"] and table["torch"] and table["versions"] == {"aliasing_optimizers": "unknown"}
    assert markdown_path.read_text().startswith("# Optimizer aliasing scan")


def test_an_unknown_package_is_a_usage_error(tmp_path, capsys) -> None:
    assert main(["scan", "--packages", "no_such_package", "--markdown", str(tmp_path / "a"), "--json", str(tmp_path / "b")]) == 2
    assert "no_such_package" in capsys.readouterr().err
