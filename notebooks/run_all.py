#!/usr/bin/env python3
"""Runs every notebook headless (nbclient) on each data folder given, the way a
user would open them: each ends with assertions, so a broken notebook fails.

usage: python3 notebooks/run_all.py [DATA ...]   (default: out/demo)
Prints one line per run and a closing `N passed, N failed`; exits 1 on a failure.
"""
import os
import pathlib
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

HERE = pathlib.Path(__file__).resolve().parent


def run(path, data):
    book = nbformat.read(path, as_version=4)
    os.environ["OGI_DATA"] = str(data)
    client = NotebookClient(book, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(HERE)}})
    client.execute()


def main():
    datas = [pathlib.Path(d).resolve() for d in sys.argv[1:]] or [HERE.parent / "out" / "demo"]
    passed = failed = 0
    for data in datas:
        for path in sorted(HERE.glob("[0-9][0-9]_*.ipynb")):
            start = time.time()
            try:
                run(path, data)
                passed += 1
                print(f"ok     {path.name} on {data} ({time.time() - start:.1f}s)")
            except CellExecutionError as e:
                failed += 1
                print(f"FAILED {path.name} on {data}\n{str(e)[-3000:]}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
