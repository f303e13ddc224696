"""Mutation runner for sync/core/clearance.py: proves that tests/clearance bite (reliability-security.md, R7).

Not part of the normal test run (pytest does not collect this file). Run it by hand:

    MUTATION=1 .venv/bin/python tests/clearance/mutate.py            # all mutants, 2 workers
    .venv/bin/python tests/clearance/mutate.py --list                 # only list the mutants
    .venv/bin/python tests/clearance/mutate.py --only 12,40 -v        # some mutants, show pytest output

Each mutant is one small change of the module's AST (flip a comparison, drop a check, change a constant, swap
max/min, report another reason, ...). It is written to a temporary copy of the package, and the clearance
tests run against that copy
(PYTHONPATH puts the copy first; the runner checks that the copy is what gets imported). A mutant is "killed"
when the tests fail or time out, and "survived" when they pass. Survivors that were reviewed and found
equivalent (no test can tell them apart) are listed in EQUIVALENT with the reason, and counted separately.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "sync" / "clearance.py"
TESTS = ROOT / "tests" / "clearance"
TIMEOUT_S = 120

# (source line, stripped; mutation description) -> why no test can kill it.
EQUIVALENT: dict[tuple[str, str], str] = {
    ("super().__init__(reason.value)", "drop call statement"):
        "Exception.__new__ already stores the argument, and str(Reason.X) is its value: same message",
}  # fmt: skip

_FLIP_BOUNDARY = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_NEGATE = {
    ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    index: int
    line: int
    desc: str
    source: str  # the original source line, for the report


class Mutator(ast.NodeTransformer):
    """Walks the tree in a fixed order. With target=None it only records sites; otherwise it applies the
    mutation with that index and leaves everything else alone."""

    def __init__(self, target: int | None = None) -> None:
        self.target = target
        self.sites: list[tuple[int, str]] = []

    def _site(self, node: ast.AST, desc: str) -> bool:
        """Register a site; True if this is the one to apply."""
        self.sites.append((getattr(node, "lineno", 0), desc))
        return len(self.sites) - 1 == self.target

    # Comparisons: move the boundary, or negate.
    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            for table, kind in ((_FLIP_BOUNDARY, "boundary"), (_NEGATE, "negate")):
                new = table.get(type(op))
                if new and self._site(node, f"{kind} {type(op).__name__}->{new.__name__} (#{i})"):
                    node.ops[i] = new()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        new = ast.Or if isinstance(node.op, ast.And) else ast.And
        if self._site(node, f"{type(node.op).__name__}->{new.__name__}"):
            node.op = new()
        for i in range(len(node.values)):  # drop one operand of and/or
            if self._site(node, f"drop operand #{i} of {type(node.op).__name__}"):
                rest = node.values[:i] + node.values[i + 1 :]
                return rest[0] if len(rest) == 1 else ast.BoolOp(op=node.op, values=rest)
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._site(node, "drop not"):
            return node.operand
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        swap = {ast.Add: ast.Sub, ast.Sub: ast.Add}.get(type(node.op))
        if swap and self._site(node, f"{type(node.op).__name__}->{swap.__name__}"):
            node.op = swap()
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id in ("max", "min") and len(node.args) == 2:
            other = "min" if node.func.id == "max" else "max"
            if self._site(node, f"{node.func.id}->{other}"):
                node.func = ast.Name(id=other, ctx=ast.Load())
            for i in (0, 1):
                if self._site(node, f"{node.func.id}(a, b) -> arg #{i}"):
                    return node.args[i]
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, int) and not isinstance(value, bool):
            for delta in (1, -1):
                if self._site(node, f"constant {value} -> {value + delta}"):
                    return ast.Constant(value + delta)
        if isinstance(value, bytes) and self._site(node, "bytes constant changed"):
            return ast.Constant(value + b"X")
        return node

    # Statements: drop checks (if ...: raise), drop raises, drop bare calls and attribute assignments.
    def visit_If(self, node: ast.If) -> ast.AST:
        self.generic_visit(node)
        if any(isinstance(s, ast.Raise) for s in node.body) and self._site(node, "drop check (if -> False)"):
            node.test = ast.Constant(False)
        return node

    def visit_Raise(self, node: ast.Raise) -> ast.AST:
        if self._site(node, "raise -> pass"):
            return ast.Pass()
        self.generic_visit(node)
        return node

    # Reasons drive what the UI tells the lead: a wrong reason must be caught too.
    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.value, ast.Name) and node.value.id == "Reason":
            other = "EXPIRED" if node.attr == "MALFORMED" else "MALFORMED"
            if self._site(node, f"Reason.{node.attr} -> Reason.{other}"):
                node.attr = other
        return node

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.value, ast.Call) and self._site(node, "drop call statement"):
            return ast.Pass()
        return node

    def visit_Assign(self, node: ast.Assign) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.targets[0], ast.Attribute) and self._site(node, "drop attribute assignment"):
            return ast.Pass()
        return node


def _strip_docstrings(tree: ast.Module) -> None:
    """Docstrings are not code: leave them out so the walker never touches them (and output stays small)."""
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if (
            isinstance(body, list)
            and body
            and isinstance(body[0], ast.Expr)
            and isinstance(body[0].value, ast.Constant)
            and isinstance(body[0].value.value, str)
        ):
            body[:1] = [] if len(body) > 1 else [ast.Pass()]


SOURCE = TARGET.read_text(encoding="utf-8")  # read once: editing the module during a run changes nothing


def load_tree() -> ast.Module:
    tree = ast.parse(SOURCE)
    _strip_docstrings(tree)
    return tree


def enumerate_mutants() -> list[Mutant]:
    mutator = Mutator()
    mutator.visit(load_tree())
    lines = SOURCE.splitlines()
    return [Mutant(i, line, desc, lines[line - 1].strip()) for i, (line, desc) in enumerate(mutator.sites)]


def mutated_source(index: int | None) -> str:
    tree = load_tree()
    if index is not None:
        mutator = Mutator(index)
        tree = mutator.visit(copy.deepcopy(tree))
    return ast.unparse(ast.fix_missing_locations(tree))


def make_workdir() -> Path:
    """A throwaway project: sync/ (with the module to mutate), tests/clearance/, pytest.ini."""
    work = Path(tempfile.mkdtemp(prefix="clearance-mutants-"))
    (work / "sync").mkdir()
    (work / "sync" / "__init__.py").write_text("")
    (work / "tests").mkdir()
    (work / "tests" / "__init__.py").write_text("")
    ignore = shutil.ignore_patterns("__pycache__", "mutate.py")
    shutil.copytree(TESTS, work / "tests" / "clearance", ignore=ignore)
    (work / "pytest.ini").write_text(
        "[pytest]\naddopts = -p no:cacheprovider -q -x --import-mode=importlib\npythonpath = .\n"
        "filterwarnings = error\ntimeout = 60\n"
    )
    return work


def run_tests(work: Path, source: str) -> tuple[str, str]:
    (work / "sync" / "clearance.py").write_text(source, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(work), "MUTATION": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/clearance"],
            cwd=work, env=env, capture_output=True, text=True, timeout=TIMEOUT_S,
            check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "killed (timeout)", ""
    return ("survived" if proc.returncode == 0 else "killed"), proc.stdout + proc.stderr


def check_setup(work: Path) -> None:
    """The copy must be what the tests import, and the unmutated copy must pass."""
    (work / "sync" / "clearance.py").write_text(mutated_source(None), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(work)}
    where = subprocess.run(
        [sys.executable, "-c", "import sync.core.clearance as m; print(m.__file__)"],
        cwd=work, env=env, capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    if not Path(where).resolve().is_relative_to(work.resolve()):
        sys.exit(f"setup error: tests would import {where}, not the mutated copy")
    verdict, output = run_tests(work, mutated_source(None))
    if verdict != "survived":
        sys.exit("setup error: the tests fail on the unmutated module\n" + output)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--only", help="comma-separated mutant numbers")
    parser.add_argument("--jobs", type=int, default=max(1, min(4, os.cpu_count() or 1)))
    parser.add_argument("-v", "--verbose", action="store_true", help="print pytest output of survivors")
    args = parser.parse_args()

    mutants = enumerate_mutants()
    if args.only:
        wanted = {int(x) for x in args.only.split(",")}
        mutants = [m for m in mutants if m.index in wanted]
    if args.list:
        for m in mutants:
            print(f"#{m.index:3d} line {m.line:3d}  {m.desc:40s}  {m.source}")
        return 0

    workdirs = [make_workdir() for _ in range(args.jobs)]
    started = time.monotonic()
    try:
        check_setup(workdirs[0])
        free = list(workdirs)

        def run(m: Mutant) -> tuple[Mutant, str, str]:
            work = free.pop()
            try:
                return (m, *run_tests(work, mutated_source(m.index)))
            finally:
                free.append(work)

        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(run, mutants))
    finally:
        for work in workdirs:
            shutil.rmtree(work, ignore_errors=True)

    survived = [(m, out) for m, verdict, out in results if verdict == "survived"]
    equivalent = [(m, out) for m, out in survived if (m.source, m.desc) in EQUIVALENT]
    real = [(m, out) for m, out in survived if (m.source, m.desc) not in EQUIVALENT]
    killed = len(results) - len(survived)
    for m, out in real:
        print(f"SURVIVED #{m.index} line {m.line}: {m.desc}\n    {m.source}")
        if args.verbose:
            print(out)
    for m, _ in equivalent:
        why = EQUIVALENT[(m.source, m.desc)]
        print(f"equivalent #{m.index} line {m.line}: {m.desc}: {why}\n    {m.source}")
    print(
        f"\n{killed}/{len(results)} mutants killed, {len(real)} survived, "
        f"{len(equivalent)} survived as known equivalent "
        f"({time.monotonic() - started:.0f} s, {args.jobs} jobs)"
    )
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
