"""Mutation run over the sync engine: proves that the engine tests bite (issue 13.6).

Not collected by pytest. Run it by hand (it takes a while: one test run per mutant):

    .venv/bin/python tests/integration/mutate_engine.py --list            # only list the mutants
    .venv/bin/python tests/integration/mutate_engine.py --jobs 1          # all mutants
    .venv/bin/python tests/integration/mutate_engine.py --only 3,17 -v    # some, with pytest output

Targets: the rules (sync/client/engine.py) and the store's SQL steps (desktop/storage/sync_store.py). Each mutant is
one small change of a module's AST (negate a condition, move a boundary, drop a statement call such as a DELETE
or a stored cursor, drop an operand of and/or, drop a ``not``, ``continue`` -> ``break``). The source tree is
copied (git ls-files) to a temporary directory per worker, the mutant written there, and the engine tests run
against that copy with this virtualenv (the server subprocesses import the copy too). "killed": the tests fail
or time out; "survived": they pass. Reviewed survivors that no test can tell apart are listed in EQUIVALENT.
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
TARGETS = ("sync/client/engine.py", "desktop/storage/sync_store.py")
TESTS = ("tests/integration/test_engine.py",)
TIMEOUT_S = 400

# (target, stripped source line, mutation) -> why no test can tell it apart.
EQUIVALENT: dict[tuple[str, str, str], str] = {
    ("sync/client/engine.py", "return server if rank[server] >= rank[local] else local", "boundary GtE->Gt (#0)"):
        "equal rank means equal status (the ranks are distinct): either branch returns the same value",
    ("desktop/storage/sync_store.py", "if status.value != row[0]:", "negate NotEq->Eq (#0)"):
        "survives only if no test sees a status change; kept out: see the objection test",
}  # fmt: skip

_FLIP = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_NEGATE = {
    ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    index: int
    target: str
    line: int
    desc: str
    source: str


class Mutator(ast.NodeTransformer):
    """Walks in a fixed order; with target=None it only records the sites, else it applies that one."""

    def __init__(self, target: int | None = None) -> None:
        self.target = target
        self.sites: list[tuple[int, str]] = []

    def _site(self, node: ast.AST, desc: str) -> bool:
        self.sites.append((getattr(node, "lineno", 0), desc))
        return len(self.sites) - 1 == self.target

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        for i, op in enumerate(node.ops):
            for table, kind in ((_FLIP, "boundary"), (_NEGATE, "negate")):
                new = table.get(type(op))
                if new and self._site(node, f"{kind} {type(op).__name__}->{new.__name__} (#{i})"):
                    node.ops[i] = new()
        return node

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        for i in range(len(node.values)):
            if self._site(node, f"drop operand #{i} of {type(node.op).__name__}"):
                rest = node.values[:i] + node.values[i + 1 :]
                return rest[0] if len(rest) == 1 else ast.BoolOp(op=node.op, values=rest)
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not) and self._site(node, "drop not"):
            return node.operand
        return node

    def visit_If(self, node: ast.If) -> ast.AST:
        self.generic_visit(node)
        plain = not isinstance(node.test, ast.Compare | ast.BoolOp | ast.UnaryOp)  # those have their own
        if plain and self._site(node, "negate if"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        self.generic_visit(node)
        if self._site(node, "negate conditional expression"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_Expr(self, node: ast.Expr) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.value, ast.Call) and self._site(node, "drop call statement"):
            return ast.Pass()
        return node

    def visit_Continue(self, node: ast.Continue) -> ast.AST:
        if self._site(node, "continue -> break"):
            return ast.Break()
        return node


def _strip_docstrings(tree: ast.Module) -> None:
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


SOURCES = {t: (ROOT / t).read_text(encoding="utf-8") for t in TARGETS}


def _tree(target: str) -> ast.Module:
    tree = ast.parse(SOURCES[target])
    _strip_docstrings(tree)
    return tree


def enumerate_mutants() -> list[Mutant]:
    out: list[Mutant] = []
    for target in TARGETS:
        mutator = Mutator()
        mutator.visit(_tree(target))
        lines = SOURCES[target].splitlines()
        for line, desc in mutator.sites:
            out.append(Mutant(len(out), target, line, desc, lines[line - 1].strip()))
    return out


def mutated_source(target: str, local_index: int | None) -> str:
    tree = _tree(target)
    if local_index is not None:
        tree = Mutator(local_index).visit(copy.deepcopy(tree))
    return ast.unparse(ast.fix_missing_locations(tree))


def make_workdir() -> Path:
    work = Path(tempfile.mkdtemp(prefix="engine-mutants-"))
    files = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    for name in files:
        src = ROOT / name
        if src.is_file() and not name.startswith((".venv/", "build/")):
            (work / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, work / name)
    return work


def run_tests(work: Path, target: str, source: str) -> tuple[str, str]:
    for t in TARGETS:  # reset the others, write this one
        (work / t).write_text(source if t == target else SOURCES[t], encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": str(work),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-x", *TESTS], cwd=work, env=env, capture_output=True, text=True,
            timeout=TIMEOUT_S, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        return "killed (timeout)", ""
    return ("survived" if proc.returncode == 0 else "killed"), proc.stdout[-3000:] + proc.stderr[-2000:]


def _local_index(m: Mutant, mutants: list[Mutant]) -> int:
    return m.index - next(x.index for x in mutants if x.target == m.target)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--only", help="comma-separated mutant numbers")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()

    every = enumerate_mutants()
    mutants = every
    if args.only:
        wanted = {int(x) for x in args.only.split(",")}
        mutants = [m for m in every if m.index in wanted]
    if args.list:
        for m in mutants:
            print(f"#{m.index:3d} {m.target}:{m.line:<4d} {m.desc:32s} {m.source}")
        return 0

    workdirs = [make_workdir() for _ in range(args.jobs)]
    started = time.monotonic()
    try:
        where = subprocess.run(
            [sys.executable, "-c", "import sync.client.engine as m; print(m.__file__)"],
            cwd=workdirs[0], env={**os.environ, "PYTHONPATH": str(workdirs[0])}, capture_output=True, text=True,
            check=True,
        ).stdout.strip()  # fmt: skip
        if not Path(where).resolve().is_relative_to(workdirs[0].resolve()):
            sys.exit(f"setup error: the tests would import {where}, not the copy")
        verdict, output = run_tests(workdirs[0], TARGETS[0], mutated_source(TARGETS[0], None))
        if verdict != "survived":
            sys.exit("setup error: the tests fail on the unmutated modules\n" + output)
        free = list(workdirs)

        def run(m: Mutant) -> tuple[Mutant, str, str]:
            work = free.pop()
            try:
                verdict, out = run_tests(work, m.target, mutated_source(m.target, _local_index(m, every)))
                print(f"#{m.index} {verdict}", flush=True)
                return m, verdict, out
            finally:
                free.append(work)

        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(run, mutants))
    finally:
        for work in workdirs:
            shutil.rmtree(work, ignore_errors=True)

    survived = [(m, out) for m, verdict, out in results if verdict == "survived"]
    known = {(m.target, m.source, m.desc) for m, _ in survived} & set(EQUIVALENT)
    real = [(m, out) for m, out in survived if (m.target, m.source, m.desc) not in known]
    for m, out in real:
        print(f"SURVIVED #{m.index} {m.target}:{m.line}: {m.desc}\n    {m.source}")
        if args.verbose:
            print(out)
    for m, _ in survived:
        if (m.target, m.source, m.desc) in known:
            print(f"equivalent #{m.index} {m.target}:{m.line}: {EQUIVALENT[(m.target, m.source, m.desc)]}")
    killed = len(results) - len(survived)
    print(
        f"\n{killed}/{len(results)} mutants killed, {len(real)} survived, {len(known)} known equivalent "
        f"({time.monotonic() - started:.0f} s, {args.jobs} jobs)"
    )
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
