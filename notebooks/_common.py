"""What every notebook does first: library versions, the data folder, a font
that draws Chinese, and where figures go. Paths are relative to the repository
root; the data folder is the one variable to change (or set OGI_DATA)."""
import os
import pathlib
import sys
import warnings

import duckdb
import matplotlib
import polars as pl
import pyarrow

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIGURES = ROOT / "notebooks" / "figures"
EXPORTS = ROOT / "notebooks" / "exports"

CJK_FAMILIES = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Serif CJK SC", "Source Han Sans SC",
                "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Microsoft YaHei")


def versions():
    print(f"python {sys.version.split()[0]} | polars {pl.__version__} | pyarrow {pyarrow.__version__} | "
          f"duckdb {duckdb.__version__} | matplotlib {matplotlib.__version__}")


def data_dir(default="out/demo"):
    """The output folder of an `ogi run`: OGI_DATA if set, else the demo output."""
    data = pathlib.Path(os.environ.get("OGI_DATA", ROOT / default))
    if not (data / "reports").is_dir():
        raise FileNotFoundError(f"{data} has no reports table: run `cargo run --release -- run --pipeline pipelines/demo.toml`")
    synthetic = (data / "SYNTHETIC").exists()
    label = " (SYNTHETIC demo corpus made by ogi gen, not real reports)" if synthetic else ""
    print(f"data: {data}{label}")
    return data, synthetic


def cjk_font():
    """Sets a font that has Chinese characters; returns its name (None if none is installed)."""
    installed = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FAMILIES:
        if family in installed:
            plt.rcParams["font.family"] = family
            plt.rcParams["axes.unicode_minus"] = False
            return family
    warnings.warn("no CJK font installed (apt-get install fonts-noto-cjk): Chinese labels will not render")
    return None


def save(fig, name):
    """Saves a chart under notebooks/figures/<data folder>/ (demo, out, …)."""
    folder = FIGURES / pathlib.Path(os.environ.get("OGI_DATA", ROOT / "out" / "demo")).name
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    fig.savefig(path, dpi=120, bbox_inches="tight")
    print(f"saved {path.relative_to(ROOT)}")
    return path


def scan(data, table):
    """A table of the output as one lazy frame, `year` restored from the folders."""
    return pl.scan_parquet(data / table, hive_partitioning=True)
