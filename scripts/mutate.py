"""Mutation runner: proves that the tests of one module bite (reliability-security.md R7; issue #12).

Not part of the normal test run. Run it by hand from the project root, e.g.:

    .venv/bin/python scripts/mutate.py --module desktop/domain/queue.py --tests tests/unit/domain
    .venv/bin/python scripts/mutate.py --module sync/core/rules.py --tests tests/unit/domain/test_shared_rules.py
    .venv/bin/python scripts/mutate.py --module sync/core/clearance.py --tests tests/clearance
    .venv/bin/python scripts/mutate.py --module desktop/domain/queue.py --list          # only list the mutants
    .venv/bin/python scripts/mutate.py ... --only 12,40 -v                           # some, with pytest output

Each mutant is one small change of the module's AST (move a comparison's boundary or negate it, drop a check
or a raise, change a constant, swap and/or, max/min, +/-, drop a `not`, put another member of the same enum).
It is written into a throwaway copy of the project (desktop/, sync/, tests/, resources/, pyproject.toml), and
the given tests run there (the runner checks that the copy is what gets imported, and that the unmutated copy
passes). A mutant is "killed" when the tests fail or time out, and "survived" when they pass. Survivors that
were reviewed and found equivalent (no test can tell them apart) are listed in EQUIVALENT with the reason and
counted separately. Hypothesis runs with a fixed seed (MUTATION=1 and --hypothesis-seed=0) so that a verdict
is repeatable. By default each job is one long-lived worker that runs pytest in-process and re-imports the
project's modules from its copy for every mutant (much faster than a new interpreter); --fresh starts a new
interpreter per mutant instead.
"""

from __future__ import annotations

import argparse
import ast
import copy
import enum
import importlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COPIED = ("desktop", "sync", "tests", "resources", "pyproject.toml")
TIMEOUT_S = 180

_RENUMBER = "MAX_RENUMBER_ROUNDS = 3  # a renumbering that is refused again is left for the next sync (needs attention)"
_ROLLED_BACK = "rolled_back: bool = False  # the check-in found an older history of this workspace (a restore, issue 13.4)"

# module -> {(source line, stripped; mutation description) -> why no test can kill it}
EQUIVALENT: dict[str, dict[tuple[str, str], str]] = {
    "sync/core/clearance.py": {
        ("super().__init__(reason.value)", "drop call statement"):
            "Exception.__new__ already stores the argument, and str(Reason.X) is its value: same message",
    },
    "desktop/domain/queue.py": {
        ("EPOCH = datetime(1970, 1, 1, tzinfo=UTC)", "constant 1970 -> 1969"):
            "differs only for a last attempt recorded during 1969; reports carry the PC's trusted time, never "
            "earlier than the workspace (tests pin 1970-01-01 from above)",
        ("Availability.CALLBACK_DUE: QueueBucket.CALLBACK_DUE,", "QueueBucket.CALLBACK_DUE -> NEVER_CALLED"):
            "_BUCKET_OF's values are never read (only its keys: offered / summary.offered)",
        ("Availability.NEVER_CALLED: QueueBucket.NEVER_CALLED,", "QueueBucket.NEVER_CALLED -> RETRY"):
            "_BUCKET_OF's values are never read (only its keys: offered / summary.offered)",
        ("Availability.RETRY: QueueBucket.RETRY,", "QueueBucket.RETRY -> CALLBACK_DUE"):
            "_BUCKET_OF's values are never read (only its keys: offered / summary.offered)",
        ("@dataclass(frozen=True)", "constant True -> False"):
            "no code assigns to a QueueSummary, EmptyQueueExplanation or QueueDecision, and none hashes one",
        ("best is None or queue_sort_key(state) < queue_sort_key(best)", "boundary Lt->LtE (#0)"):
            "sort keys end with the contact id, so two keys are equal only for the same contact",
        ("return candidate if current is None or candidate < current else current", "boundary Lt->LtE (#0)"):
            "on equal instants (all aware UTC) both branches return the same value",
        ("elif bucket is QueueBucket.NEVER_CALLED or state.last_attempt_at is None:", "drop operand #0 of Or"):
            "never called means no attempts, and a contact has a last attempt exactly when it has attempts "
            "(apply_report, fold_reports and the shared call-state merge set both together), so the second "
            "operand alone decides the same for every state the app can hold",
    },
    "sync/client/engine.py": {
        ("PUSH_BATCH = 200", "constant 200 -> 201"):
            "any batch up to MAX_PUSH_ITEMS (500) works and the push loops until the outbox is empty",
        ("PUSH_BATCH = 200", "constant 200 -> 199"):
            "any batch up to MAX_PUSH_ITEMS (500) works and the push loops until the outbox is empty",
        (_RENUMBER, "constant 3 -> 4"):
            "a second renumbering needs a copy racing the first one; the check-in refuses such a copy first",
        (_RENUMBER, "constant 3 -> 2"):
            "a second renumbering needs a copy racing the first one; the check-in refuses such a copy first",
        (_ROLLED_BACK, "constant False -> True"):
            "the default is never seen: every run() checks in first, which sets rolled_back from the answer",
    },
}  # fmt: skip

_FLIP_BOUNDARY = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
_NEGATE = {
    ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}  # fmt: skip


@dataclass(frozen=True)
class Mutant:
    index: int
    module: str  # the path of the module it changes
    local: int  # its number among that module's mutants
    line: int
    desc: str
    source: str  # the original source line, for the report


class Mutator(ast.NodeTransformer):
    """Walks the tree in a fixed order. With target=None it only records sites; otherwise it applies the
    mutation with that index and leaves everything else alone. ``enums`` maps the names of the enum classes
    the module can see to their members (a member is swapped for another one of the same enum)."""

    def __init__(self, enums: dict[str, list[str]], target: int | None = None) -> None:
        self.enums = enums
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
        if isinstance(node.func, ast.Name) and node.func.id in ("max", "min") and node.args:
            other = "min" if node.func.id == "max" else "max"
            if self._site(node, f"{node.func.id}->{other}"):
                node.func = ast.Name(id=other, ctx=ast.Load())
            if len(node.args) == 2:
                for i in (0, 1):
                    if self._site(node, f"{node.func.id}(a, b) -> arg #{i}"):
                        return node.args[i]
        return node

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        value = node.value
        if isinstance(value, bool):
            if self._site(node, f"constant {value} -> {not value}"):
                return ast.Constant(not value)
        elif isinstance(value, int):
            for delta in (1, -1):
                if self._site(node, f"constant {value} -> {value + delta}"):
                    return ast.Constant(value + delta)
        elif isinstance(value, bytes) and self._site(node, "bytes constant changed"):
            return ast.Constant(value + b"X")
        return node

    # Statements: drop checks (if ...: raise), drop raises, drop bare calls and attribute assignments.
    def visit_If(self, node: ast.If) -> ast.AST:
        self.generic_visit(node)
        plain = not isinstance(node.test, ast.Compare | ast.BoolOp | ast.UnaryOp)  # those have their own
        if any(isinstance(s, ast.Raise) for s in node.body) and self._site(node, "drop check (if -> False)"):
            node.test = ast.Constant(False)
        elif plain and self._site(node, "negate if"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        self.generic_visit(node)
        if self._site(node, "negate conditional expression"):
            node.test = ast.UnaryOp(op=ast.Not(), operand=node.test)
        return node

    def visit_Continue(self, node: ast.Continue) -> ast.AST:
        if self._site(node, "continue -> break"):
            return ast.Break()
        return node

    def visit_Raise(self, node: ast.Raise) -> ast.AST:
        if self._site(node, "raise -> pass"):
            return ast.Pass()
        self.generic_visit(node)
        return node

    # Enum members drive what the user is told or what happens next: another member must be caught too.
    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.value, ast.Name) and node.attr in self.enums.get(node.value.id, ()):
            members = self.enums[node.value.id]
            other = members[(members.index(node.attr) + 1) % len(members)]
            if other != node.attr and self._site(node, f"{node.value.id}.{node.attr} -> {other}"):
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


class Target:
    """The module under mutation: its source (read once), its enums, its mutants."""

    def __init__(self, relpath: str) -> None:
        self.relpath = relpath
        self.source = (ROOT / relpath).read_text(encoding="utf-8")
        self.dotted = relpath.removesuffix(".py").replace("/", ".")
        sys.path.insert(0, str(ROOT))
        namespace = vars(importlib.import_module(self.dotted))
        self.enums = {
            name: [m.name for m in value]
            for name, value in namespace.items()
            if isinstance(value, type) and issubclass(value, enum.Enum) and len(value) > 1
        }

    def tree(self) -> ast.Module:
        tree = ast.parse(self.source)
        _strip_docstrings(tree)
        return tree

    def mutants(self, first: int = 0) -> list[Mutant]:
        """This module's mutants, numbered from ``first`` (several modules: one numbering)."""
        mutator = Mutator(self.enums)
        mutator.visit(self.tree())
        lines = self.source.splitlines()
        return [
            Mutant(first + i, self.relpath, i, line, desc, lines[line - 1].strip())
            for i, (line, desc) in enumerate(mutator.sites)
        ]

    def mutated(self, index: int | None) -> str:
        tree = self.tree()
        if index is not None:
            tree = Mutator(self.enums, index).visit(copy.deepcopy(tree))
        return ast.unparse(ast.fix_missing_locations(tree))


def make_workdir() -> Path:
    work = Path(tempfile.mkdtemp(prefix="mutants-"))
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, work / name, ignore=ignore)
        else:
            shutil.copy2(src, work / name)
    return work


def write_mutant(targets: list[Target], work: Path, module: str | None, source: str | None) -> None:
    """Put ``source`` in place of ``module`` in the copy and every other target back as it was."""
    for target in targets:
        text = source if target.relpath == module and source is not None else target.mutated(None)
        (work / target.relpath).write_text(text, encoding="utf-8")


def copy_env(work: Path) -> dict[str, str]:
    """The environment of everything run in the copy. PYTHONPATH points at the copy, so that processes the
    tests start (the central office's server subprocesses) import the mutated copy as well, not the original."""
    return {
        **os.environ,
        "PYTHONPATH": str(work),
        "MUTATION": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }


def run_tests(work: Path, tests: list[str]) -> tuple[str, str]:
    env = copy_env(work)
    cmd = [sys.executable, "-m", "pytest", "-q", "-x", "--hypothesis-seed=0", "-o", "timeout=60", *tests]
    try:
        proc = subprocess.run(
            cmd, cwd=work, env=env, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
        )
    except subprocess.TimeoutExpired:
        return "killed (timeout)", ""
    return ("survived" if proc.returncode == 0 else "killed"), proc.stdout[-4000:] + proc.stderr[-2000:]


class Worker:
    """Runs mutants in one long-lived Python process inside a work copy (pytest in-process), so that each
    mutant costs its tests, not a fresh interpreter: the project's modules are dropped from sys.modules and
    imported again from the copy for every mutant. Talks over stdin/stdout, one mutant per line."""

    def __init__(self, work: Path, tests: list[str]) -> None:
        self.work = work
        env = copy_env(work)
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(work), *tests],
            cwd=work, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            text=True,
        )  # fmt: skip

    def run(self) -> tuple[str, str]:
        """Run the tests on the copy as it is now."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("run\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline().strip()
        if not line:  # the worker died (e.g. a mutant broke the interpreter): count as killed, start anew
            self.proc.wait()
            self.__init__(self.work, self.tests)  # type: ignore[misc]
            return "killed (worker died)", ""
        return ("survived" if line == "0" else "killed"), ""

    @property
    def tests(self) -> list[str]:
        return list(self.proc.args[3:])  # type: ignore[index]

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)


def worker_main(work: str, tests: list[str]) -> int:
    """The worker side: for each "run" line, run the tests on the copy as it is now and print the exit code."""
    import io
    from contextlib import redirect_stderr, redirect_stdout

    import pytest

    os.chdir(work)
    sys.path.insert(0, work)
    args = ["-q", "-x", "-p", "no:cacheprovider", "--hypothesis-seed=0", "-o", "timeout=60", *tests]
    for _ in sys.stdin:
        for name, module in list(sys.modules.items()):
            if (getattr(module, "__file__", None) or "").startswith(work):
                del sys.modules[name]
        with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            code = pytest.main(args)
        print(int(code), flush=True)
    return 0


def check_setup(targets: list[Target], work: Path, tests: list[str]) -> None:
    """The copy must be what the tests import (and what a server subprocess they start imports: it runs from
    devtools.REPO_ROOT with the copy's environment), and the unmutated copy must pass."""
    for dotted in [t.dotted for t in targets] + ["sync.server.devtools"]:
        where = subprocess.run(
            [sys.executable, "-c", f"import {dotted} as m; print(m.__file__)"],
            cwd=work, env=copy_env(work), capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip
        if not Path(where).resolve().is_relative_to(work.resolve()):
            sys.exit(f"setup error: tests would import {where}, not the mutated copy")
    write_mutant(targets, work, None, None)
    verdict, output = run_tests(work, tests)
    if verdict != "survived":
        sys.exit("setup error: the tests fail on the unmutated module\n" + output)


def main() -> int:
    if len(sys.argv) > 2 and sys.argv[1] == "--worker":
        return worker_main(sys.argv[2], sys.argv[3:])
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--module", required=True, action="append",
        help="the module to mutate, e.g. desktop/domain/queue.py (repeat it for several: one numbering)",
    )  # fmt: skip
    parser.add_argument("--tests", required=True, nargs="+", help="test files or folders to run per mutant")
    parser.add_argument("--list", action="store_true", help="list the mutants and exit")
    parser.add_argument("--only", help="comma-separated mutant numbers")
    parser.add_argument("--jobs", type=int, default=max(1, min(2, os.cpu_count() or 1)))
    parser.add_argument("-v", "--verbose", action="store_true", help="print pytest output of survivors")
    parser.add_argument(
        "--fresh", action="store_true", help="a new interpreter per mutant (slower; for modules with state)"
    )
    args = parser.parse_args()

    targets = [Target(m) for m in args.module]
    by_path = {t.relpath: t for t in targets}
    mutants: list[Mutant] = []
    for target in targets:
        mutants += target.mutants(first=len(mutants))
    if args.only:
        wanted = {int(x) for x in args.only.split(",")}
        mutants = [m for m in mutants if m.index in wanted]
    if args.list:
        for m in mutants:
            print(f"#{m.index:3d} {m.module}:{m.line:<4d} {m.desc:40s}  {m.source}")
        return 0

    workdirs = [make_workdir() for _ in range(args.jobs)]
    started = time.monotonic()
    try:
        check_setup(targets, workdirs[0], args.tests)
        workers = [] if args.fresh else [Worker(work, args.tests) for work in workdirs]
        free = list(workers or workdirs)

        def run(m: Mutant) -> tuple[Mutant, str, str]:
            slot = free.pop()
            try:
                work = slot.work if isinstance(slot, Worker) else slot
                write_mutant(targets, work, m.module, by_path[m.module].mutated(m.local))
                verdict, out = slot.run() if isinstance(slot, Worker) else run_tests(work, args.tests)
                print(f"#{m.index} {verdict}", flush=True)  # a run cut short still tells what it found
                return m, verdict, out
            finally:
                free.append(slot)

        try:
            with ThreadPoolExecutor(args.jobs) as pool:
                results = list(pool.map(run, mutants))
        finally:
            for worker in workers:
                worker.close()
    finally:
        for work in workdirs:
            shutil.rmtree(work, ignore_errors=True)

    def known(m: Mutant) -> str | None:
        return EQUIVALENT.get(m.module, {}).get((m.source, m.desc))

    survived = [(m, out) for m, verdict, out in results if verdict == "survived"]
    equivalent = [m for m, _ in survived if known(m)]
    real = [(m, out) for m, out in survived if not known(m)]
    killed = len(results) - len(survived)
    for m, out in real:
        print(f"SURVIVED #{m.index} {m.module}:{m.line}: {m.desc}\n    {m.source}")
        if args.verbose:
            print(out)
    for m in equivalent:
        print(f"equivalent #{m.index} {m.module}:{m.line}: {m.desc}: {known(m)}\n    {m.source}")
    print(
        f"\n{' + '.join(args.module)}: {killed}/{len(results)} mutants killed, {len(real)} survived, "
        f"{len(equivalent)} survived as known equivalent ({time.monotonic() - started:.0f} s, {args.jobs} jobs)"
    )
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
